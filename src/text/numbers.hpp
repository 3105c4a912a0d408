#pragma once
// Numbers as text: rounded for people, exact for machines, durations as a clock.

#include <string>

namespace cxkpi::cli {

/// A number for people: fixed `precision`, never "-0".
std::string format_fixed(double value, int precision);
/// A number for machines: the shortest text that reads back as the same double.
std::string format_exact(double value);
/// Seconds as h:mm:ss or m:ss ("3:54"), for durations in tables.
std::string format_clock(double seconds);

}  // namespace cxkpi::cli
