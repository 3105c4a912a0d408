#pragma once
// A result against its baseline (--compare), shared by single-metric tables and reports.

#include <optional>
#include <string>

namespace cxkpi::cli {

/// A row against its baseline (--compare).
struct Comparison {
  std::string baseline_period;            // the period compared with ("" when none)
  std::optional<double> baseline;         // its value
  std::optional<double> change;           // value − baseline, in the metric's unit
  std::optional<double> relative_change;  // change / |baseline| × 100
  std::optional<bool> significant;        // beyond sampling noise (survey metrics only)
  std::string reason;                     // why there is no baseline value
};

}  // namespace cxkpi::cli
