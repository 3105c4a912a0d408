#pragma once
/// Time-to metrics: first-response-time and resolution-time, as a mean with percentiles
/// and the maximum, from the per-contact durations of a record log (METRICS.md §5).

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

struct DurationOptions {
  std::vector<double> percentiles{50, 90, 95};  ///< in percent; 50 is reported as "median"
  PercentileMethod method = PercentileMethod::linear;
  bool business_hours = false;  ///< durations count only business seconds (for labels)
};

namespace detail {

/// "median", "p90", "p99.9": the detail name of a percentile (0 … 100, one decimal).
inline std::string_view percentile_name(double percent) {
  static const auto names = [] {
    std::array<std::string, 1001> n;
    for (std::size_t i = 0; i < n.size(); ++i)
      n[i] = i == 500 ? "median" : "p" + std::to_string(i / 10) + (i % 10 != 0 ? "." + std::to_string(i % 10) : "");
    return n;
  }();
  return names[static_cast<std::size_t>(std::lround(std::clamp(percent, 0.0, 100.0) * 10))];
}

/// Where a duration histogram's bins end, in seconds: 1, 5, 15 and 30 min, 1, 2, 4 and 8 h,
/// 1, 2 and 7 days. A fixed ladder reads at a glance and compares across runs and groups.
inline constexpr std::array<double, 11> kDurationLadder{60,    300,   900,   1800,   3600,  7200,
                                                        14400, 28800, 86400, 172800, 604800};

/// The values of `d` (in 1/10000 s) in the bins of kDurationLadder, with 0 below and no end above.
inline std::vector<HistogramBin> duration_histogram(const Distribution& d) {
  std::array<double, kDurationLadder.size()> raw{};
  for (std::size_t i = 0; i < raw.size(); ++i)
    raw[i] = kDurationLadder[i] * static_cast<double>(kAmountScale);
  const auto counts = d.binned(raw);
  std::vector<HistogramBin> bins;
  bins.reserve(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i)
    bins.push_back({i == 0 ? 0.0 : kDurationLadder[i - 1],
                    i < kDurationLadder.size() ? std::optional<double>(kDurationLadder[i]) : std::nullopt, counts[i]});
  return bins;
}

inline Plan plan_duration(Field count, const DurationOptions& o, std::string_view what) {
  return {{count},
          {},
          Unit::seconds,
          "mean(" + std::string(what) + ")" + (o.business_hours ? " in business hours" : "") +
              (o.method == PercentileMethod::nearest_rank ? ", nearest-rank percentiles" : ""),
          {}};
}

inline Result duration_summary(const Sums& s, Sample sample, Field count, const DurationOptions& o,
                               std::string_view none) {
  const auto& d = s.sample(sample);
  const auto scale = static_cast<double>(kAmountScale);
  Result r;
  r.n = d.count();
  r.numerator = static_cast<double>(d.sum() / scale);
  r.denominator = static_cast<double>(d.count());
  if (d.count() == 0) {
    r.reason = s.raw(count) > 0 ? "percentiles need a record log (period tables have no per-contact times)"
                                : std::string(none);
    return r;
  }
  r.value = *d.mean() / scale;
  // Only the percentiles can come from the --approx sketch; the mean and maximum are exact.
  for (const double p : o.percentiles)
    r.details.push_back(
        {percentile_name(p), *d.percentile(p, o.method) / scale, Unit::seconds, false, d.approximate()});
  r.details.push_back({"max", *d.max() / scale, Unit::seconds});
  r.histogram = duration_histogram(d);
  if (d.approximate() && !o.percentiles.empty()) r.relative_error = kSketchRelativeError;
  return r;
}

}  // namespace detail

inline Plan plan_first_response_time(const DurationOptions& o) {
  return detail::plan_duration(Field::first_responses, o, "first_response_at − opened_at");
}
/// Beside the times: the contacts still waiting for a first response (not resolved either)
/// and their ages at the reference time (AwaitingRules), the oldest and the mean.
inline Result first_response_time(const Sums& s, const DurationOptions& o) {
  auto r = detail::duration_summary(s, Sample::first_response, Field::first_responses, o,
                                    "no contact with a first response");
  if (!s.present().has(Field::awaiting_first_response)) return r;
  const auto waiting = s.raw(Field::awaiting_first_response);
  const auto age = [&](double seconds) { return waiting > 0 ? std::optional<double>(seconds) : std::nullopt; };
  r.details.push_back({"awaiting", s.value(Field::awaiting_first_response), Unit::count});
  r.details.push_back({"awaiting_oldest", age(s.value(Field::awaiting_oldest_s)), Unit::seconds});
  r.details.push_back(
      {"awaiting_mean_age", age(s.value(Field::awaiting_age_s) / static_cast<double>(waiting)), Unit::seconds});
  return r;
}

inline Plan plan_resolution_time(const DurationOptions& o) {
  return detail::plan_duration(Field::timed_resolutions, o, "resolved_at − opened_at");
}
inline Result resolution_time(const Sums& s, const DurationOptions& o) {
  return detail::duration_summary(s, Sample::resolution, Field::timed_resolutions, o, "no resolved contact");
}

}  // namespace cxkpi
