#pragma once
// The checks of flags that take a number. CLI11 converts decimals with strtod, which reads
// nan, inf and hex, and CLI::Range lets nan through (it compares false both ways):
// --threshold nan made no contact answered within the target. It reads -1 into a size_t as
// 18446744073709551615, so --top -1 kept every row.

#include <CLI/CLI.hpp>

namespace cxkpi::cli {

/// A finite decimal from `min` to `max`; anything else is a usage error naming the flag.
CLI::Validator decimal_in(double min, double max);

/// A whole number >= 0 written as one (no sign, no decimals); else a usage error.
CLI::Validator whole_count();

}  // namespace cxkpi::cli
