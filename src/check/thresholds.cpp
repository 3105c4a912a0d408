#include "check/thresholds.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

Range range_of(std::string_view text, std::string_view flag) {
  std::string error;
  auto range = parse_range(text, error);
  if (!range) throw Error::usage(fmt::format("{}: {}", flag, error));
  return std::move(*range);
}

std::optional<Range> optional_range(std::string_view text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  return range_of(text, flag);
}

// Adds each metric=RANGE of `specs` to `wanted`, as the warn or the crit range.
void add_metric_ranges(std::vector<MetricThresholds>& wanted, const std::vector<std::string>& specs, bool critical,
                       std::string (*key)(std::string_view)) {
  const std::string_view flag = critical ? "--crit" : "--warn";
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos)
      throw Error::usage(fmt::format("{} takes metric=RANGE, e.g. abandonment=~:10, not {}", flag, quote_value(spec)));
    const auto metric = key(std::string_view(spec).substr(0, eq));
    auto it = std::find_if(wanted.begin(), wanted.end(), [&](const auto& w) { return w.metric == metric; });
    if (it == wanted.end()) it = wanted.insert(wanted.end(), {metric, {}});
    (critical ? it->thresholds.crit : it->thresholds.warn) = range_of(std::string_view(spec).substr(eq + 1), flag);
  }
}

}  // namespace

Thresholds parse_thresholds(std::string_view warn, std::string_view crit) {
  return {optional_range(warn, "--warn"), optional_range(crit, "--crit")};
}

std::vector<MetricThresholds> parse_metric_thresholds(const std::vector<std::string>& warn,
                                                      const std::vector<std::string>& crit,
                                                      std::string (*key)(std::string_view)) {
  std::vector<MetricThresholds> wanted;
  add_metric_ranges(wanted, warn, false, key);
  add_metric_ranges(wanted, crit, true, key);
  return wanted;
}

}  // namespace cxkpi::cli
