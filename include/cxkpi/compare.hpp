#pragma once
/// Sampling statistics for survey scores: is a change larger than noise, and how wide is
/// the confidence interval around one result.
///
/// proportions_differ: two-proportion z-test (pooled) for shares such as CSAT top-2-box:
///   z = (p1 − p2) / sqrt(p(1 − p)(1/n1 + 1/n2)), p = (x1 + x2)/(n1 + n2).
/// nps_differ: NPS is the mean of a score that is +1 (promoter), 0 (passive) or −1
///   (detractor); its variance per answer is P + D − (P − D)² (shares), so the standard
///   error of a difference is sqrt(v1/n1 + v2/n2).
/// Both answer "differs at the 95 % level" (|z| > 1.96), or nullopt when a sample is empty.
/// Example: CSAT 80 % of 40 vs 82 % of 50 → not significant; 80 % of 4000 vs 85 % of 5000 → significant.
///
/// normal_quantile: Φ⁻¹(p), Acklam's rational approximation (relative error < 1.15e-9)
///   polished by one Halley step on erfc, which brings it to double precision.
/// wilson_interval: the Wilson score interval of a proportion x/n,
///   (p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)) / (1 + z²/n); stays inside [0, 1] and is
///   sensible at p = 0, p = 1 and small n. Example: 5 of 8 at 95 % → [0.30574, 0.86316].

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace cxkpi {

inline constexpr double kZ95 = 1.959963984540054;

/// The variance of one NPS answer scored +1/0/−1, from the shares of promoters and detractors.
inline double nps_answer_variance(double promoters, double detractors) {
  return promoters + detractors - (promoters - detractors) * (promoters - detractors);
}

inline std::optional<bool> proportions_differ(double x1, double n1, double x2, double n2, double z_crit = kZ95) {
  if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
  const double p = (x1 + x2) / (n1 + n2);
  const double se = std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  const double diff = x1 / n1 - x2 / n2;
  if (!(se > 0)) return std::fabs(diff) > 0;  // every answer alike in both: any difference is real
  return std::fabs(diff / se) > z_crit;
}

/// `promoters` and `detractors` are shares in [0, 1].
inline std::optional<bool> nps_differ(double promoters1, double detractors1, double n1, double promoters2,
                                      double detractors2, double n2, double z_crit = kZ95) {
  if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
  const double se =
      std::sqrt(nps_answer_variance(promoters1, detractors1) / n1 + nps_answer_variance(promoters2, detractors2) / n2);
  const double diff = (promoters1 - detractors1) - (promoters2 - detractors2);
  if (!(se > 0)) return std::fabs(diff) > 0;
  return std::fabs(diff / se) > z_crit;
}

/// Φ⁻¹(p) of the standard normal distribution, for 0 < p < 1.
inline double normal_quantile(double p) {
  // Acklam's coefficients: a rational function in the centre, another in each tail.
  constexpr std::array a{-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                         1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  constexpr std::array b{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                         -1.328068155288572e+01};
  constexpr std::array c{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                         -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  constexpr std::array d{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  const auto tail = [&](double q) {
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  };
  double x = 0;
  if (p < kLow) {
    x = tail(std::sqrt(-2 * std::log(p)));
  } else if (p > 1 - kLow) {
    x = -tail(std::sqrt(-2 * std::log(1 - p)));
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // One Halley step against the exact CDF, Φ(x) = erfc(−x/√2)/2.
  constexpr double kSqrt2Pi = 2.506628274631000502;
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * kSqrt2Pi * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

/// The z of a two-sided interval at `confidence` (0 < confidence < 1): Φ⁻¹((1 + confidence)/2).
inline double z_for_confidence(double confidence) {
  return normal_quantile((1 + confidence) / 2);
}

/// A confidence interval in the unit of the value it surrounds.
struct Interval {
  double low = 0;
  double high = 0;
};

/// The Wilson score interval of the proportion `x / n` (as a share in [0, 1]), or nullopt
/// when n is 0.
inline std::optional<Interval> wilson_interval(double x, double n, double z) {
  if (!(n > 0)) return std::nullopt;
  const double p = x / n;
  const double z2n = z * z / n;
  const double centre = (p + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / n + z2n / (4 * n));
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace cxkpi
