#pragma once
// --warn and --crit as given on the command line, parsed in one place for both shapes:
// `--warn RANGE` of a single-metric command and `--warn metric=RANGE` of report.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/range.hpp"

namespace cxkpi::cli {

struct Thresholds {
  std::optional<Range> warn;
  std::optional<Range> crit;
  [[nodiscard]] bool any() const { return warn || crit; }
};

/// --warn RANGE and --crit RANGE ("" when not given). Throws a usage error for a bad range.
Thresholds parse_thresholds(std::string_view warn, std::string_view crit);

/// The thresholds of one metric of a many-metric command.
struct MetricThresholds {
  std::string metric;  // as `key` spells it
  Thresholds thresholds;
};

/// --warn metric=RANGE and --crit metric=RANGE (each repeatable), one entry per metric in
/// the order first named; `key` gives the one spelling of a metric's names. Throws a usage
/// error for a spec without '=' or with a bad range.
std::vector<MetricThresholds> parse_metric_thresholds(const std::vector<std::string>& warn,
                                                      const std::vector<std::string>& crit,
                                                      std::string (*key)(std::string_view));

}  // namespace cxkpi::cli
