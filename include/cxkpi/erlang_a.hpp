#pragma once
/// Erlang A (Palm's M/M/n+M queue): Erlang C with callers who hang up. Each caller's
/// patience is exponential with mean P seconds (abandonment rate θ = 1/P); a caller whose wait
/// reaches their patience abandons. The queue is stable at any staffing.
///
/// With λ the arrival rate, μ = 1/AHT, n servers, x = nμ/θ, y = λ/θ, u = e^(−θT), and
///   A(a, z) = Σ_{j≥0} z^j / ((a+1)(a+2)…(a+j))   (= a·e^z·z^(−a)·γ(a, z), γ the lower
///   incomplete gamma function), E = Erlang B(n, λ/μ),
/// the stationary queue has P(j waiting | all busy) ∝ w_j = y^j / ((x+1)…(x+j)), and
/// (Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of performance measures", §3):
///   Pw  = A(x,y)·E / (1 + (A(x,y) − 1)·E)                    probability of waiting;
///   a caller who finds j waiting is answered with probability x/(x+j+1), and e^(−θ·wait)
///   of such a caller is Beta(x, j+1)-distributed, so, summed over j:
///   P(abandon | wait) = Σ w_j (j+1)/(x+j+1) / Σ w_j;
///   P(answered within T | wait) = P(answered | wait)·(1 − γ(x+1, y·u) / γ(x+1, y));
///   E[wait; answered | wait] = Σ w_j x/(x+j+1)·(ψ(x+j+2) − ψ(x+1)) / θ / Σ w_j.
/// Service level = share of offered calls answered within T (abandoned calls count in the
/// denominator); ASA = mean wait of answered calls; occupancy = λ/μ·P(answered) / n.
///
/// Why sums and not the closed forms: A(x, y) passes 1e308 for a few hundred agents, and
/// "1 − 1/ρ + 1/(ρA)" cancels to nothing as patience grows. Every sum here has positive
/// terms, summed from a window around its largest term scaled by that term (so nothing
/// overflows at any staffing); only logarithms of A are formed. Relative error: ~1e-12 in
/// practice (lgamma of large arguments and the T-dependent exponent dominate).
/// As patience → ∞ every figure tends to Erlang C's (tests check it at P = 1e7 s).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace cxkpi {

/// The Erlang A figures of one staffing level. Shares are fractions 0…1.
struct ErlangAValues {
  double pw = 0;             ///< probability of waiting
  double abandon = 0;        ///< probability of abandoning
  double service_level = 0;  ///< answered within T / offered
  double asa_s = 0;          ///< mean wait of answered calls, seconds
  double occupancy = 0;      ///< answered traffic / servers
};

/// Erlang B blocking probability of `servers` servers offered `traffic` Erlangs, by the
/// recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): no factorials or powers, so it stays
/// in [0, 1] at any size (the closed form with A^N/N! overflows near N = 170).
inline double erlang_b(double traffic, std::int64_t servers) {
  double b = 1.0;
  for (std::int64_t k = 1; k <= servers; ++k)
    b = traffic * b / (static_cast<double>(k) + traffic * b);
  return b;
}

namespace detail {

/// Calls visit(j, t_j) for the terms t_j = w_j / w_peak of Σ_j w_j, w_j = z^j / ((a+1)…(a+j)),
/// from the first that matters to the last; returns ln w_peak. Terms grow while z > a + j, so
/// the largest is at j* = max(0, ⌊z − a⌋); below j* − 12·√z − 10 they are under e^-72 of it.
template <class Visit>
double peak_scaled_series(double a, double z, Visit&& visit) {
  if (!(z > 0)) {
    visit(std::int64_t{0}, 1.0);
    return 0.0;
  }
  const double peak = std::max(0.0, std::floor(z - a));
  const double first = std::max(0.0, std::floor(peak - 12.0 * std::sqrt(z) - 10.0));
  const auto log_w = [&](double j) { return j * std::log(z) - (std::lgamma(a + 1.0 + j) - std::lgamma(a + 1.0)); };
  const double log_peak = log_w(peak);
  double t = std::exp(log_w(first) - log_peak);
  double sum = 0;
  for (auto j = static_cast<std::int64_t>(first);; ++j) {
    visit(j, t);
    sum += t;
    // Past the peak terms only shrink; stop once they no longer change a double.
    if (static_cast<double>(j) >= peak && t < 1e-17 * sum) break;
    t *= z / (a + static_cast<double>(j) + 1.0);
  }
  return log_peak;
}

/// ln A(a, z), A(a, z) = Σ_{j≥0} z^j / ((a+1)…(a+j)).
inline double log_erlang_a_series(double a, double z) {
  double sum = 0;
  const double log_peak = peak_scaled_series(a, z, [&](std::int64_t, double t) { sum += t; });
  return log_peak + std::log(sum);
}

// Sums over the callers who wait, by the number j they find waiting (x = Nμ/θ, y = λ/θ).
struct WaitingSums {
  double log_a = 0;       // ln A(x, y)
  double abandon = 0;     // P(abandon | wait) = Σ w_j (j+1)/(x+j+1) / Σ w_j
  double wait_theta = 0;  // θ·E[wait; answered | wait] = Σ w_j x/(x+j+1) H_j / Σ w_j
};

inline WaitingSums waiting_sums(double x, double y) {
  double weights = 0;
  double abandon = 0;
  double wait = 0;
  double harmonic = 0;    // H_j = Σ_{i=0}^{j} 1/(x+1+i), summed from i = 0 even below the first term visited
  std::int64_t next = 0;  // the next i to add to it
  const double log_peak = peak_scaled_series(x, y, [&](std::int64_t j, double t) {
    for (; next <= j; ++next)
      harmonic += 1.0 / (x + 1.0 + static_cast<double>(next));
    const double jd = static_cast<double>(j);
    weights += t;
    abandon += t * (jd + 1.0) / (x + jd + 1.0);
    wait += t * x / (x + jd + 1.0) * harmonic;
  });
  return {log_peak + std::log(weights), abandon / weights, wait / weights};
}

// Pw = 1 / (1 + (1/E − 1)/A), in logarithms: A may be far beyond a double. E = 0 (it has
// underflowed, far more servers than traffic) leaves no one waiting.
inline double waiting_probability(double erlang_b, double log_a) {
  if (!(erlang_b > 0)) return 0.0;
  const double log_odds = std::log1p(-erlang_b) - std::log(erlang_b) - log_a;  // ln((1/E − 1)/A)
  return log_odds > 700 ? 0.0 : 1.0 / (1.0 + std::exp(log_odds));
}

// Of the callers who wait and are answered, the share answered after T:
// R = γ(x+1, y·u) / γ(x+1, y) = exp((x+1)·ln u + y·(1 − u) + ln A(x+1, y·u) − ln A(x+1, y)), u = e^(−θT).
inline double answered_late(double x, double y, double theta_t) {
  if (!(theta_t > 0)) return 1.0;
  const double u = std::exp(-theta_t);
  const double log_r = -(x + 1.0) * theta_t - y * std::expm1(-theta_t) + log_erlang_a_series(x + 1.0, y * u) -
                       log_erlang_a_series(x + 1.0, y);
  return std::min(1.0, std::exp(log_r));
}

}  // namespace detail

/// Erlang A figures for `servers` servers (≥ 1) offered `traffic` Erlangs (> 0), handle
/// time `aht_s`, mean patience `patience_s` and answer target `target_s` (all seconds, > 0
/// except the target, ≥ 0).
inline ErlangAValues erlang_a(double traffic, std::int64_t servers, double aht_s, double patience_s, double target_s) {
  const double n = static_cast<double>(servers);
  const double theta = 1.0 / patience_s;
  const double x = n * patience_s / aht_s;        // Nμ/θ
  const double y = traffic * patience_s / aht_s;  // λ/θ
  const auto sums = detail::waiting_sums(x, y);
  ErlangAValues v;
  v.pw = detail::waiting_probability(erlang_b(traffic, servers), sums.log_a);
  v.abandon = v.pw * sums.abandon;
  const double late = detail::answered_late(x, y, theta * target_s);
  v.service_level = (1.0 - v.pw) + v.pw * (1.0 - sums.abandon) * (1.0 - late);
  const double answered = 1.0 - v.abandon;
  v.asa_s = answered > 0 ? v.pw * sums.wait_theta / theta / answered : 0.0;
  v.occupancy = std::min(1.0, traffic * answered / n);
  return v;
}

}  // namespace cxkpi
