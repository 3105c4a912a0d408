#pragma once
// Numbers as text: rounded for people, exact for machines, durations as a clock.

#include <optional>
#include <string>
#include <string_view>

namespace cxkpi::cli {

/// A number for people: fixed `precision`, never "-0", rounded half away from zero (as a
/// spreadsheet does) on the shortest decimal that reads back as `value`: 17.125 → "17.13",
/// 2.675 → "2.68". Display only: machines get format_exact.
std::string format_fixed(double value, int precision);
/// A number for machines: the shortest text that reads back as the same double.
std::string format_exact(double value);
/// Seconds as h:mm:ss or m:ss ("3:54"), for durations in tables.
std::string format_clock(double seconds);
/// A decimal as a flag gives it (`20`, `+0.5`, `1e3`), or nullopt: nan, inf, hex and trailing
/// text are not numbers here, though strtod (which CLI11 converts with) takes them all.
std::optional<double> parse_finite(std::string_view text);

}  // namespace cxkpi::cli
