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
  std::optional<bool> significant;        // p_value below 1 − the --confidence level
  std::optional<double> p_value;          // two-sided, of the metric's test (none: no test fits)
  bool small_sample = false;              // the test rests on fewer than kSmallSample on a side
  std::string reason;                     // why there is no baseline value
};

}  // namespace cxkpi::cli
