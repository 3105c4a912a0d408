#pragma once
// The checks of flags that take a number. CLI11 converts decimals with strtod, which reads
// nan, inf and hex, and CLI::Range lets nan through (it compares false both ways):
// --threshold nan made no contact answered within the target.

#include <CLI/CLI.hpp>

namespace cxkpi::cli {

/// A finite decimal from `min` to `max`; anything else is a usage error naming the flag.
CLI::Validator decimal_in(double min, double max);

}  // namespace cxkpi::cli
