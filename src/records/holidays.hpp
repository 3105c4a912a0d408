#pragma once
// --holidays FILE: dates on which business hours do not open, one `YYYY-MM-DD` a line
// (blank lines and `#` comments skipped; a CSV's first column works too).

#include <string>

#include "cxkpi/business_hours.hpp"

namespace cxkpi::cli {

/// Adds every date in `path` to `calendar`; throws Error (66 cannot open, 65 bad date with file:line).
void load_holidays(const std::string& path, BusinessCalendar& calendar);

}  // namespace cxkpi::cli
