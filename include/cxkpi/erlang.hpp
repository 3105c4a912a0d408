#pragma once
/// Erlang C staffing (`erlang-c`, alias `staffing`): a planning estimate.
///
/// Model: Poisson arrivals, exponential handle times, first come first served, no
/// abandonment (callers wait forever).
///   traffic A = calls × H / L Erlangs (L the interval, H the AHT, both in seconds);
///   Erlang B by recursion only: B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) — no factorials
///     or powers, so it stays in [0, 1] and finite for any number of agents;
///   Pw = N·B(N) / (N − A·(1 − B(N))), for N > A;
///   SL(T) = 1 − Pw·exp(−(N − A)·T / H);  ASA = Pw·H / (N − A);  occupancy = A / N.
/// Agents required: the smallest N ≥ ⌊A⌋ + 1 with SL(T) ≥ the target (and ASA and occupancy
/// within theirs when given); scheduled with shrinkage s: ⌈N / (1 − s) − 1e-9⌉.
/// Null, not error: N ≤ A → Pw = 1, SL and ASA null ("agents ≤ traffic: queue grows without
/// bound"); no calls → A = 0, 0 agents required, Pw, SL and ASA null ("no traffic").
/// Probabilities and shares are fractions 0…1 here; the CLI prints them in percent.
/// Example: 100 calls in 1800 s, AHT 180 s, T 20 s: A = 10; 14 agents give Pw 0.17413…,
///   SL 0.88835…, ASA 7.8359… s, occupancy 0.714…; 80 % in 20 s needs 14 agents.
///
/// Two refinements, each opt-in per interval:
/// - patience (mean seconds a caller waits before hanging up): Erlang A (erlang_a.hpp) instead
///   of Erlang C; callers abandon, so any staffing is stable and P(abandon) is a figure.
/// - concurrency K (chats an agent handles at once): an agent is K servers, each working one
///   chat for the whole handle time (the usual WFM approximation; it assumes a chat takes as
///   long as it would alone). N agents are N·K servers and occupancy is per chat slot.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/erlang_a.hpp"

namespace cxkpi {

/// One interval to staff: arrivals, interval length, average handle time and answer target.
struct ErlangInput {
  double calls = 0;                  ///< arrivals in the interval (≥ 0; a forecast may be fractional)
  double interval_s = 0;             ///< length of the interval, seconds (> 0)
  double aht_s = 0;                  ///< average handle time, seconds (> 0)
  double target_s = 20;              ///< answer-time target T, seconds (≥ 0)
  std::optional<double> patience_s;  ///< mean patience, seconds (> 0): Erlang A; none: Erlang C
  std::int64_t concurrency = 1;      ///< contacts an agent handles at once (chat), ≥ 1
};

/// What "enough agents" means. Shares are fractions: 0.8 for 80 %.
struct StaffingTargets {
  double service_level = 0.8;           ///< in (0, 1)
  std::optional<double> max_occupancy;  ///< in (0, 1]
  std::optional<double> max_asa_s;      ///< > 0
  double shrinkage = 0;                 ///< in [0, 1)
};

/// Which input a problem is about, for messages that name the flag or column.
enum class ErlangParam : std::uint8_t {
  calls,
  interval,
  aht,
  target_time,
  sl_target,
  max_occupancy,
  asa_target,
  shrinkage,
  agents,
  patience,
  concurrency
};

struct ErlangProblem {
  ErlangParam param;
  std::string message;  ///< e.g. "must be > 0"
};

/// Agent counts beyond this are refused: the recursion is O(N), and no queue is that large.
inline constexpr std::int64_t kMaxErlangAgents = 10'000'000;
/// Chats at once beyond this are refused (and agents × concurrency stays within the above).
inline constexpr std::int64_t kMaxConcurrency = 100;
/// Patience beyond this (about 11.6 days) is Erlang C to every printed digit; refused.
inline constexpr double kMaxPatienceS = 1e6;

inline constexpr std::string_view kNoTraffic = "no traffic";
inline constexpr std::string_view kUnstableQueue = "agents ≤ traffic: queue grows without bound";
inline constexpr std::string_view kErlangModel =
    "Poisson arrivals, exponential handle times, first come first served, no abandonment: a planning estimate";
inline constexpr std::string_view kErlangAModel =
    "Poisson arrivals, exponential handle times and exponential patience, first come first served: callers hang "
    "up when their wait exceeds their patience (Erlang A, Palm's M/M/N+M): a planning estimate";
inline constexpr std::string_view kErlangADefinition =
    "A = calls × aht / interval; x = N·patience / aht, y = A·patience / aht; Pw = A(x,y)·B / (1 + (A(x,y) − 1)·B) "
    "with A(x,y) = Σ y^j / ((x+1)…(x+j)); abandoned = Pw·Σ w_j (j+1)/(x+j+1) / Σ w_j; SL = answered within T / "
    "offered; ASA = mean wait of answered calls; occupancy = answered traffic / N (Mandelbaum & Zeltyn)";
inline constexpr std::string_view kErlangDefinition =
    "A = calls × aht / interval; B(k) = A·B(k−1) / (k + A·B(k−1)); Pw = N·B / (N − A·(1 − B)); "
    "SL = 1 − Pw·exp(−(N − A)·T / aht); ASA = Pw·aht / (N − A); occupancy = A / N";

/// The first problem with an interval's inputs (negative calls, zero AHT, …), if any.
inline std::optional<ErlangProblem> check_erlang_input(const ErlangInput& in) {
  if (!std::isfinite(in.calls) || in.calls < 0) return ErlangProblem{ErlangParam::calls, "must be ≥ 0"};
  if (!std::isfinite(in.interval_s) || in.interval_s <= 0) return ErlangProblem{ErlangParam::interval, "must be > 0"};
  if (!std::isfinite(in.aht_s) || in.aht_s <= 0) return ErlangProblem{ErlangParam::aht, "must be > 0"};
  if (!std::isfinite(in.target_s) || in.target_s < 0) return ErlangProblem{ErlangParam::target_time, "must be ≥ 0"};
  if (in.patience_s && !(*in.patience_s > 0 && *in.patience_s <= kMaxPatienceS))
    return ErlangProblem{ErlangParam::patience,
                         "must be above 0 and at most 1000000 s (longer patience is Erlang C: leave it out)"};
  if (in.concurrency < 1 || in.concurrency > kMaxConcurrency)
    return ErlangProblem{ErlangParam::concurrency, "must be a whole number from 1 to 100"};
  return std::nullopt;
}

/// The first problem with the targets, if any.
inline std::optional<ErlangProblem> check_staffing_targets(const StaffingTargets& t) {
  if (!(t.service_level > 0 && t.service_level < 1))
    return ErlangProblem{ErlangParam::sl_target, "must be between 0 and 100 % (both excluded)"};
  if (t.max_occupancy && !(*t.max_occupancy > 0 && *t.max_occupancy <= 1))
    return ErlangProblem{ErlangParam::max_occupancy, "must be above 0 and at most 100 %"};
  if (t.max_asa_s && !(std::isfinite(*t.max_asa_s) && *t.max_asa_s > 0))
    return ErlangProblem{ErlangParam::asa_target, "must be > 0"};
  if (!(t.shrinkage >= 0 && t.shrinkage < 1))
    return ErlangProblem{ErlangParam::shrinkage, "must be at least 0 and below 100 %"};
  return std::nullopt;
}

/// Offered traffic in Erlangs: calls × aht / interval.
inline double erlang_traffic(const ErlangInput& in) {
  return in.calls * in.aht_s / in.interval_s;
}

// erlang_b(traffic, servers): erlang_a.hpp, which Erlang A shares.

/// The Erlang C figures for one staffing level. Shares are fractions 0…1.
struct ErlangFigures {
  std::int64_t agents = 0;
  std::optional<double> erlang_b;
  std::optional<double> pw;       ///< probability of waiting
  std::optional<double> abandon;  ///< probability of abandoning (Erlang A only)
  std::optional<double> service_level;
  std::optional<double> asa_s;
  std::optional<double> occupancy;
  std::string reason;  ///< why Pw, SL or ASA are null; empty otherwise
};

namespace detail {

// The figures for `n` agents given B(n) (so that a search can step the recursion on).
inline ErlangFigures erlang_figures(const ErlangInput& in, double traffic, std::int64_t n, double b) {
  ErlangFigures f;
  f.agents = n;
  const auto agents = static_cast<double>(n);
  if (n > 0) f.occupancy = traffic / agents;
  if (!(traffic > 0)) {
    f.reason = kNoTraffic;
    return f;
  }
  f.erlang_b = b;
  if (agents <= traffic) {
    f.pw = 1.0;
    f.reason = kUnstableQueue;
    return f;
  }
  const double pw = agents * b / (agents - traffic * (1.0 - b));
  f.pw = pw;
  f.service_level = 1.0 - pw * std::exp(-(agents - traffic) * in.target_s / in.aht_s);
  f.asa_s = pw * in.aht_s / (agents - traffic);
  return f;
}

inline bool meets(const ErlangFigures& f, const StaffingTargets& t) {
  if (!f.service_level || *f.service_level < t.service_level) return false;
  if (t.max_asa_s && (!f.asa_s || *f.asa_s > *t.max_asa_s)) return false;
  return !t.max_occupancy || (f.occupancy && *f.occupancy <= *t.max_occupancy);
}

// Plain Erlang C, one server per agent: the case the step-by-step recursion serves.
inline bool plain_erlang_c(const ErlangInput& in) {
  return !in.patience_s && in.concurrency == 1;
}

// The figures of `agents` agents (K servers each) under Erlang C, or Erlang A with patience.
inline ErlangFigures figures_at(const ErlangInput& in, double traffic, std::int64_t agents) {
  const std::int64_t servers = agents * in.concurrency;
  if (!in.patience_s || !(traffic > 0) || servers == 0) {
    auto f = erlang_figures(in, traffic, servers, erlang_b(traffic, servers));
    f.agents = agents;
    return f;
  }
  const auto v = erlang_a(traffic, servers, in.aht_s, *in.patience_s, in.target_s);
  ErlangFigures f;
  f.agents = agents;
  f.erlang_b = erlang_b(traffic, servers);  // B(N·K, A), the blocking in Pw's formula
  f.pw = v.pw;
  f.abandon = v.abandon;
  f.service_level = v.service_level;
  f.asa_s = v.asa_s;
  f.occupancy = v.occupancy;
  return f;
}

}  // namespace detail

/// The figures of `agents` agents for one interval: Erlang C, or Erlang A when the input has
/// a patience; with concurrency K, agents × K servers.
inline ErlangFigures erlang_c(const ErlangInput& in, std::int64_t agents) {
  return detail::figures_at(in, erlang_traffic(in), agents);
}

/// Agents with shrinkage (breaks, training, absence): ⌈agents / (1 − shrinkage) − 1e-9⌉.
inline std::int64_t scheduled_agents(std::int64_t agents, double shrinkage) {
  return static_cast<std::int64_t>(std::ceil(static_cast<double>(agents) / (1.0 - shrinkage) - 1e-9));
}

/// How many agents an interval needs.
struct Staffing {
  double traffic = 0;                     ///< Erlangs
  std::optional<std::int64_t> agents;     ///< agents required; null only past kMaxErlangAgents
  std::optional<std::int64_t> scheduled;  ///< with shrinkage
  ErlangFigures at_required;              ///< the figures at that staffing
  std::string reason;                     ///< why `agents` is null
};

namespace detail {

// The smallest agent count meeting the targets, by doubling and then halving the gap: every
// figure a target bounds improves as agents are added (service level up, ASA and occupancy
// down), so "meets" is false below the answer and true from it on.
inline Staffing search_agents(const ErlangInput& in, const StaffingTargets& targets, Staffing s) {
  const std::int64_t most = kMaxErlangAgents / in.concurrency;
  std::int64_t hi = 1;
  auto at_hi = figures_at(in, s.traffic, hi);
  while (!meets(at_hi, targets)) {
    if (hi >= most) {
      s.reason = "no staffing up to 10 000 000 servers meets the targets";
      return s;
    }
    hi = std::min(hi * 2, most);
    at_hi = figures_at(in, s.traffic, hi);
  }
  std::int64_t lo = hi / 2;  // fails the targets (0: nothing below 1 to try)
  if (hi == 1) lo = 0;
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    auto f = figures_at(in, s.traffic, mid);
    if (meets(f, targets)) {
      hi = mid;
      at_hi = std::move(f);
    } else {
      lo = mid;
    }
  }
  s.agents = hi;
  s.scheduled = scheduled_agents(hi, targets.shrinkage);
  s.at_required = std::move(at_hi);
  return s;
}

}  // namespace detail

/// The smallest N meeting every target (0 when there is no traffic): for plain Erlang C,
/// stepping up from ⌊A⌋ + 1; with patience or concurrency, by search from 1 agent (Erlang A
/// is stable below the traffic too). Inputs must have passed check_erlang_input and
/// check_staffing_targets.
inline Staffing agents_required(const ErlangInput& in, const StaffingTargets& targets) {
  Staffing s;
  s.traffic = erlang_traffic(in);
  if (!(s.traffic > 0)) {
    s.agents = 0;
    s.scheduled = 0;
    s.at_required = detail::erlang_figures(in, s.traffic, 0, 1.0);
    return s;
  }
  if (!detail::plain_erlang_c(in)) return detail::search_agents(in, targets, std::move(s));
  auto n = static_cast<std::int64_t>(std::floor(s.traffic)) + 1;
  if (n > kMaxErlangAgents) {
    s.reason = "traffic beyond what Erlang C is computed for here (10 000 000 agents)";
    return s;
  }
  double b = erlang_b(s.traffic, n);
  for (;;) {
    auto f = detail::erlang_figures(in, s.traffic, n, b);
    if (detail::meets(f, targets)) {
      s.agents = n;
      s.scheduled = scheduled_agents(n, targets.shrinkage);
      s.at_required = std::move(f);
      return s;
    }
    if (++n > kMaxErlangAgents) {
      s.reason = "no staffing up to 10 000 000 agents meets the targets";
      return s;
    }
    b = s.traffic * b / (static_cast<double>(n) + s.traffic * b);
  }
}

/// Reverse staffing: the most calls per interval `agents` agents can take while meeting every
/// target, by bisection on the calls (each target gets harder as calls grow) down to adjacent
/// doubles. Erlang C's bound is agents × K servers' worth of traffic; Erlang A's is found by
/// doubling. 0 when no positive traffic meets the targets (e.g. an ASA target below reach).
inline double capacity_calls(ErlangInput in, std::int64_t agents, const StaffingTargets& targets) {
  const auto meets_at = [&](double calls) {
    in.calls = calls;
    return detail::meets(erlang_c(in, agents), targets);
  };
  const double servers = static_cast<double>(agents * in.concurrency);
  double hi = servers * in.interval_s / in.aht_s;  // traffic = servers: Erlang C's queue never settles
  for (int i = 0; in.patience_s && i < 64 && meets_at(hi); ++i)
    hi *= 2;
  double lo = hi * 1e-12;
  if (!meets_at(lo)) return 0.0;
  // Halve until lo and hi are adjacent doubles: the answer is then as exact as the figures.
  for (double mid = lo + (hi - lo) / 2; mid > lo && mid < hi; mid = lo + (hi - lo) / 2)
    (meets_at(mid) ? lo : hi) = mid;
  return lo;
}

/// The figures for `below` agent counts under `agents` (never under 1) to `above` over it.
inline std::vector<ErlangFigures> erlang_around(const ErlangInput& in, std::int64_t agents, std::int64_t below,
                                                std::int64_t above) {
  std::vector<ErlangFigures> out;
  const double traffic = erlang_traffic(in);
  const std::int64_t first = agents - below < 1 ? 1 : agents - below;
  if (!detail::plain_erlang_c(in)) {
    for (std::int64_t n = first; n <= agents + above; ++n)
      out.push_back(detail::figures_at(in, traffic, n));
    return out;
  }
  double b = erlang_b(traffic, first);
  for (std::int64_t n = first; n <= agents + above; ++n) {
    if (n > first) b = traffic * b / (static_cast<double>(n) + traffic * b);
    out.push_back(detail::erlang_figures(in, traffic, n, b));
  }
  return out;
}

}  // namespace cxkpi
