#pragma once
/// Sampling statistics for survey scores: is a change larger than noise, and how wide is
/// the confidence interval around one result.
///
/// proportions_differ: two-proportion z-test (pooled) for shares such as CSAT top-2-box:
///   z = (p1 − p2) / sqrt(p(1 − p)(1/n1 + 1/n2)), p = (x1 + x2)/(n1 + n2).
/// nps_differ: NPS is the mean of a score that is +1 (promoter), 0 (passive) or −1
///   (detractor); its variance per answer is P + D − (P − D)² (shares), so the standard
///   error of a difference is sqrt(v1/n1 + v2/n2).
/// Both answer "differs at the 95 % level" (|z| > 1.96), or nullopt when a sample is empty;
///   proportions_z and nps_z give the statistic, normal_two_sided_p its p-value.
/// Example: CSAT 80 % of 40 vs 82 % of 50 → not significant; 80 % of 4000 vs 85 % of 5000 → significant.
///
/// normal_quantile: Φ⁻¹(p), Acklam's rational approximation (relative error < 1.15e-9)
///   polished by one Halley step on erfc, which brings it to double precision.
/// student_t_quantile: the t quantile with ν degrees of freedom, for a mean's interval from
///   few answers (the normal z is too narrow below about 30). Bisection on the exact tail
///   P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½), the regularized incomplete beta by its continued
///   fraction; from ν = 10⁵ on, the Cornish–Fisher series in Φ⁻¹ (Abramowitz & Stegun
///   26.7.5), already exact to double precision there. Example: t(0.975, 7) = 2.3646242516.
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

namespace detail {
/// `difference / se`, where an se of 0 (every answer alike on both sides) makes any
/// difference real (an infinite statistic) and no difference none.
inline double standardised(double difference, double se) {
  if (se > 0) return difference / se;
  return std::fabs(difference) > 0 ? std::copysign(HUGE_VAL, difference) : 0.0;
}
}  // namespace detail

/// z of the pooled two-proportion test of x1/n1 against x2/n2; nullopt when a sample is empty.
inline std::optional<double> proportions_z(double x1, double n1, double x2, double n2) {
  if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
  const double p = (x1 + x2) / (n1 + n2);
  return detail::standardised(x1 / n1 - x2 / n2, std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2)));
}

inline std::optional<bool> proportions_differ(double x1, double n1, double x2, double n2, double z_crit = kZ95) {
  const auto z = proportions_z(x1, n1, x2, n2);
  if (!z) return std::nullopt;
  return std::fabs(*z) > z_crit;
}

/// z of the difference of two NPS (shares of promoters and detractors in [0, 1]).
inline std::optional<double> nps_z(double promoters1, double detractors1, double n1, double promoters2,
                                   double detractors2, double n2) {
  if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
  const double se =
      std::sqrt(nps_answer_variance(promoters1, detractors1) / n1 + nps_answer_variance(promoters2, detractors2) / n2);
  return detail::standardised((promoters1 - detractors1) - (promoters2 - detractors2), se);
}

/// `promoters` and `detractors` are shares in [0, 1].
inline std::optional<bool> nps_differ(double promoters1, double detractors1, double n1, double promoters2,
                                      double detractors2, double n2, double z_crit = kZ95) {
  const auto z = nps_z(promoters1, detractors1, n1, promoters2, detractors2, n2);
  if (!z) return std::nullopt;
  return std::fabs(*z) > z_crit;
}

/// The two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z|/√2).
inline double normal_two_sided_p(double z) {
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
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

namespace detail {

/// The continued fraction of the regularized incomplete beta function, by the modified
/// Lentz method (Numerical Recipes' betacf); it converges fast for x < (a + 1)/(a + b + 2).
inline double beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr int kMaxTerms = 100000;
  const auto guard = [](double v) { return std::fabs(v) < kTiny ? kTiny : v; };
  double c = 1;
  double d = 1 / guard(1 - (a + b) * x / (a + 1));
  double h = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    const double two_m = 2.0 * m;
    const double even = m * (b - m) * x / ((a + two_m - 1) * (a + two_m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    h *= d * c;
    if (std::fabs(d * c - 1) < 1e-16) break;
  }
  return h;
}

/// t from z for many degrees of freedom: Cornish–Fisher, Abramowitz & Stegun 26.7.5.
inline double t_from_normal(double z, double df) {
  const double z2 = z * z;
  const double g1 = (z2 + 1) * z / 4;
  const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

inline constexpr double kLargeDf = 1e5;  // from here on t_from_normal is exact to double precision

}  // namespace detail

/// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1.
inline double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * detail::beta_fraction(a, b, x) / a;
  return 1 - front * detail::beta_fraction(b, a, 1 - x) / b;
}

/// P(T > t) for Student's t with `df` degrees of freedom, t ≥ 0.
inline double student_t_upper_tail(double t, double df) {
  return 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

/// A mean with the sample variance of one observation and their number, for Welch's test.
struct MeanSample {
  double mean = 0;
  double variance = 0;  ///< s² with n − 1 in the denominator
  double n = 0;
};

/// The two-sided p-value of Welch's t test of two means (unequal variances): t = (m1 − m2) /
/// sqrt(v1/n1 + v2/n2), with Welch–Satterthwaite degrees of freedom
/// (v1/n1 + v2/n2)² / ((v1/n1)²/(n1 − 1) + (v2/n2)²/(n2 − 1)). nullopt below two observations
/// on a side. Example: 448.75 s (s² 40000, n 8) against 400 s (s² 22500, n 10): t = 0.5725,
/// 12.71 degrees of freedom, p = 0.5769.
inline std::optional<double> welch_p_value(const MeanSample& a, const MeanSample& b) {
  if (!(a.n >= 2) || !(b.n >= 2)) return std::nullopt;
  const double ua = a.variance / a.n;
  const double ub = b.variance / b.n;
  const double t = detail::standardised(a.mean - b.mean, std::sqrt(ua + ub));
  if (!std::isfinite(t)) return 0.0;
  if (!(ua + ub > 0)) return 1.0;
  const double df = (ua + ub) * (ua + ub) / (ua * ua / (a.n - 1) + ub * ub / (b.n - 1));
  return std::min(1.0, 2 * student_t_upper_tail(std::fabs(t), df));
}

/// The p quantile of Student's t with `df` > 0 degrees of freedom, for 0 < p < 1.
inline double student_t_quantile(double p, double df) {
  if (p < 0.5) return -student_t_quantile(1 - p, df);
  if (!(p > 0.5)) return 0;  // the median
  if (df >= detail::kLargeDf) return detail::t_from_normal(normal_quantile(p), df);
  const double tail = 1 - p;  // exact for p ≥ 0.5
  double low = 0;
  double high = 1;
  while (student_t_upper_tail(high, df) > tail && high < 1e300) {
    low = high;
    high *= 2;
  }
  for (int i = 0; i < 1100 && high - low > 2e-16 * high; ++i) {
    const double mid = low + (high - low) / 2;
    (student_t_upper_tail(mid, df) > tail ? low : high) = mid;
  }
  return low + (high - low) / 2;
}

/// The t of a two-sided interval at `confidence` with `df` degrees of freedom.
inline double t_for_confidence(double confidence, double df) {
  return student_t_quantile((1 + confidence) / 2, df);
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
