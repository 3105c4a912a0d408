#pragma once
/// Is a change larger than sampling noise? Tests for comparing survey results of two periods.
///
/// proportions_differ: two-proportion z-test (pooled) for shares such as CSAT top-2-box:
///   z = (p1 − p2) / sqrt(p(1 − p)(1/n1 + 1/n2)), p = (x1 + x2)/(n1 + n2).
/// nps_differ: NPS is the mean of a score that is +1 (promoter), 0 (passive) or −1
///   (detractor); its variance per answer is P + D − (P − D)² (shares), so the standard
///   error of a difference is sqrt(v1/n1 + v2/n2).
/// Both answer "differs at the 95 % level" (|z| > 1.96), or nullopt when a sample is empty.
/// Example: CSAT 80 % of 40 vs 82 % of 50 → not significant; 80 % of 4000 vs 85 % of 5000 → significant.

#include <cmath>
#include <optional>

namespace cxkpi {

inline constexpr double kZ95 = 1.959963984540054;

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
  const auto variance = [](double p, double d) { return p + d - (p - d) * (p - d); };
  const double se = std::sqrt(variance(promoters1, detractors1) / n1 + variance(promoters2, detractors2) / n2);
  const double diff = (promoters1 - detractors1) - (promoters2 - detractors2);
  if (!(se > 0)) return std::fabs(diff) > 0;
  return std::fabs(diff / se) > z_crit;
}

}  // namespace cxkpi
