#pragma once
/// Whether a change between two results is beyond sampling noise (--compare): the p-value of
/// a two-sided test, read off the results themselves. The contacts of a period are taken as a
/// sample of the process that produces them, so queue and handling figures are tested as
/// survey shares are.
///
/// proportion_p_value: a share x/n (abandonment, service level, FCR, conversion, CSAT's
///   top box): the pooled two-proportion z test on the whole numerators and denominators.
///   Example: abandonment 30 of 200 against 20 of 250 → z = 2.3479, p = 0.01888.
/// mean_p_value: a mean of per-contact values (AHT, ASA): Welch's t test from each result's
///   mean, n and sample variance (Result::variance, from the sums of squares of a record log);
///   nullopt without them (period tables carry no squares).
/// A test on fewer than kSmallSample observations on either side is marked small: the normal
/// approximation behind the z test is poor there (small_sample_test).

#include <algorithm>
#include <optional>

#include "cxkpi/compare.hpp"
#include "cxkpi/result.hpp"

namespace cxkpi {

/// The p-value of the change of a share between two results; nullopt when either has no
/// denominator or its numerator is no part of it (conversion with several orders a contact).
inline std::optional<double> proportion_p_value(const Plan&, const Result& now, const Result& then) {
  const auto part_of_whole = [](const Result& r) { return r.numerator >= 0 && r.numerator <= r.denominator; };
  if (!part_of_whole(now) || !part_of_whole(then)) return std::nullopt;
  const auto z = proportions_z(now.numerator, now.denominator, then.numerator, then.denominator);
  if (!z) return std::nullopt;
  return normal_two_sided_p(*z);
}

/// The p-value of the change of a mean between two results (Welch); nullopt without the
/// variances or below two observations on a side.
inline std::optional<double> mean_p_value(const Plan&, const Result& now, const Result& then) {
  if (!now.value || !then.value || !now.variance || !then.variance) return std::nullopt;
  return welch_p_value({*now.value, *now.variance, static_cast<double>(now.n)},
                       {*then.value, *then.variance, static_cast<double>(then.n)});
}

/// Whether a test between two results rests on a small sample on either side.
inline bool small_sample_test(const Result& now, const Result& then) {
  return std::min(now.n, then.n) < kSmallSample;
}

}  // namespace cxkpi
