#pragma once
/// `Result`: what finalising a metric yields. A value with no definition (zero denominator,
/// no responses) is `std::nullopt` with a `reason`, never NaN, infinity or a silent 0.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/fields.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

/// What a value is measured in.
enum class Unit : std::uint8_t { percent, points, seconds, currency, score, count, ratio, per_hour, fraction };

struct UnitInfo {
  Unit unit;
  std::string_view name;    ///< in JSON and `cxkpi metrics`
  std::string_view symbol;  ///< for people: column headers, values in check lines
};

inline constexpr std::array kUnits{
    UnitInfo{Unit::percent, "percent", "%"},          UnitInfo{Unit::points, "points", "points"},
    UnitInfo{Unit::seconds, "seconds", "s"},          UnitInfo{Unit::currency, "currency", "currency"},
    UnitInfo{Unit::score, "score", "score"},          UnitInfo{Unit::count, "count", "count"},
    UnitInfo{Unit::ratio, "ratio", "ratio"},          UnitInfo{Unit::per_hour, "per hour", "per hour"},
    UnitInfo{Unit::fraction, "fraction", "fraction"},
};
static_assert(detail::follows_enum_order(kUnits, &UnitInfo::unit), "kUnits must list the units in enum order");

/// "percent", "seconds", "per hour": the unit as JSON names it.
constexpr std::string_view unit_name(Unit u) {
  return kUnits[static_cast<std::size_t>(u)].name;
}
/// "%", "s", "points", "currency": the unit as people read it, the same in every table.
constexpr std::string_view unit_symbol(Unit u) {
  return kUnits[static_cast<std::size_t>(u)].symbol;
}

/// A secondary figure reported beside the main value (e.g. the CSAT mean score).
struct Detail {
  std::string_view name;
  std::optional<double> value;
  Unit unit;
  bool on_request = false;   ///< tables show it only when asked (a confidence interval: --ci); JSON always
  bool approximate = false;  ///< from the --approx sketch: within Result::relative_error of the exact figure
};

/// A survey figure on fewer answers than this is flagged `small_n`: with n < 30 one answer
/// more or less moves it by several points (and the normal approximation behind its
/// interval is poor). Queue and handling figures count every contact, not a sample: no flag.
inline constexpr std::int64_t kSmallSample = 30;

/// Rows of a record log a figure left out because an input it needs is blank on them: how
/// many, and the counter that counts them (its description says which rows they are).
struct LeftOut {
  Field counter;
  std::int64_t n = 0;
};

/// A bin of a duration histogram: how many values lie in [low, high) seconds (no high: no upper end).
struct HistogramBin {
  double low = 0;
  std::optional<double> high;
  std::int64_t count = 0;
};

struct Result {
  std::optional<double> value;
  double numerator = 0;
  double denominator = 0;
  std::int64_t n = 0;  ///< observations behind the value (responses, handled contacts, …)
  std::string reason;  ///< why `value` is null; empty otherwise
  std::vector<Detail> details;
  bool small_n = false;  ///< a survey figure on fewer than kSmallSample answers
  /// Set when some details are approximate: |figure − exact| ≤ relative_error × exact for each.
  std::optional<double> relative_error;
  std::vector<LeftOut> left_out;  ///< rows left out of the figure for a blank input, by why
  /// The numerator and denominator as whole counts, when they are (NPS, abandonment, the
  /// handled contacts under AHT): exact past 2^53, where the doubles above are rounded.
  /// Outputs write these.
  std::optional<std::int64_t> whole_numerator;
  std::optional<std::int64_t> whole_denominator;
  /// A duration metric's values binned (timing.hpp's kDurationLadder), from the same values
  /// as its percentiles; empty for every other metric. Charts draw it; the tables do not.
  std::vector<HistogramBin> histogram;
  /// The sample variance s² of one observation behind a mean (a contact's handle time under
  /// AHT, its wait under ASA), from the sums of squares a record log carries; what --compare's
  /// Welch test needs. Not written by outputs.
  std::optional<double> variance;
};

/// How many rows `r` left out for a blank input (0 when none); SumOverflow past int64.
inline std::int64_t left_out_count(const Result& r) {
  std::int64_t n = 0;
  for (const auto& l : r.left_out)
    n = checked_add(n, l.n, l.counter);
  return n;
}

/// The secondary figure called `name` in `r`, if `r` has one.
inline const Detail* find_detail(const Result& r, std::string_view name) {
  for (const auto& d : r.details)
    if (d.name == name) return &d;
  return nullptr;
}

/// The secondary figure called `name` in `r`, if `r` has one with a value.
inline std::optional<double> detail_of(const Result& r, std::string_view name) {
  const auto* d = find_detail(r, name);
  return d != nullptr ? d->value : std::nullopt;
}

/// Requirements and labels of a metric for given options and input columns.
struct Plan {
  std::vector<Field> required;        ///< fields the input must supply
  std::vector<std::string> warnings;  ///< e.g. a handle-time component missing from the input
  Unit unit = Unit::count;
  std::string definition;  ///< the formula as applied, for people and JSON
  std::string problem;     ///< why this input cannot give the metric; empty if it can
};

namespace detail {

/// `factor × numerator / denominator`, or null with `reason` when the denominator is 0.
inline Result ratio(double numerator, double denominator, double factor, std::int64_t n, std::string_view reason) {
  Result r;
  r.numerator = numerator;
  r.denominator = denominator;
  r.n = n;
  if (denominator > 0.0)
    r.value = factor * numerator / denominator;
  else
    r.reason = reason;
  return r;
}

/// As ratio, for a numerator and a denominator that are whole counts, which `r` also keeps
/// exactly (Result::whole_numerator, whole_denominator).
inline Result count_ratio(std::int64_t numerator, std::int64_t denominator, double factor, std::int64_t n,
                          std::string_view reason) {
  auto r = ratio(static_cast<double>(numerator), static_cast<double>(denominator), factor, n, reason);
  r.whole_numerator = numerator;
  r.whole_denominator = denominator;
  return r;
}

/// As ratio, for an amount (seconds, money) over a whole count, which `r` also keeps exactly
/// (Result::whole_denominator).
inline Result per_count(double numerator, std::int64_t denominator, double factor, std::int64_t n,
                        std::string_view reason) {
  auto r = ratio(numerator, static_cast<double>(denominator), factor, n, reason);
  r.whole_denominator = denominator;
  return r;
}

/// `r` with Result::variance, the sample variance of the `r.n` values whose mean is its value,
/// from `square_sum` (Σx²) when the input carried it (`has_squares`); none below two values.
inline Result with_variance(Result r, bool has_squares, double square_sum) {
  if (!has_squares || !r.value || r.n < 2) return r;
  const auto n = static_cast<double>(r.n);
  r.variance = std::max(0.0, (square_sum - n * *r.value * *r.value) / (n - 1));
  return r;
}

/// `r` flagged small_n when it has a value resting on fewer than kSmallSample `answers`.
inline Result flag_small_sample(Result r, std::int64_t answers) {
  r.small_n = r.small_n || (r.value.has_value() && answers < kSmallSample);
  return r;
}

}  // namespace detail
}  // namespace cxkpi
