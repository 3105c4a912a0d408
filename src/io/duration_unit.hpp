#pragma once
// The unit a duration column is written in (io/cell_format says how a column gets one).

#include <cstdint>

namespace cxkpi::cli {

/// Seconds (decimals, or h:mm:ss and mm:ss as well), milliseconds, minutes, hours, or a
/// clock-style cell (h:mm:ss or mm:ss only).
enum class DurationUnit : std::uint8_t { seconds, milliseconds, minutes, hours, clock };

}  // namespace cxkpi::cli
