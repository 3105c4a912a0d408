#pragma once
/// Survey metrics.
///
/// csat: top-2-box share, 100 × responses scoring ≥ scale−1 / responses, in percent
///   (`method = top1`: score = scale; `mean`: Σscore / responses in scale units;
///   `satisfied_min` moves the box cut). Null with no responses.
///   Example: scores 5,4,2,5,3,4,5,1 → top2 62.5, top1 37.5, mean 3.625.
///   Confidence interval (details ci_low, ci_high, confidence): top-box shares get the
///   Wilson score interval of x/n; the mean gets mean ± t·s/√n, t of Student's distribution
///   with n − 1 degrees of freedom, s² = (Σscore² − n·mean²)/(n − 1),
///   clipped to 1 … scale (null below 2 answers). Example: 5 of 8 at 95 % → 30.57 … 86.32.
/// nps: Net Promoter Score, 100 × (promoters − detractors) / (promoters + passives +
///   detractors), in points from −100 to +100 (not a percentage). Null with no responses.
///   Example: 120 promoters, 50 passives, 30 detractors → 45. The answers per score
///   (nps_0 … nps_10) give the classes too: 0=10,5=10,7=20,9=40,10=60 → 100 × (100 − 20)/140.
///   Margin of error: each answer scores +1/0/−1, so var = (P + D − (P − D)²)/n with shares
///   P, D, and margin_of_error = z·sqrt(var)·100 points; ci_low/ci_high = NPS ∓ margin,
///   clipped to −100 … +100. Example: 120/50/30 at 95 % → 45 ± 10.25.
/// Every survey result here (csat, nps, ces, agent-satisfaction) with a value on fewer than
///   kSmallSample (30) answers is flagged small_n.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "cxkpi/compare.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/significance.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class CsatMethod : std::uint8_t { top2, top1, mean };

struct CsatOptions {
  int scale = 5;  ///< answers run 1 … scale
  CsatMethod method = CsatMethod::top2;
  std::optional<int> satisfied_min;  ///< lowest satisfied score; overrides the method's cut
  double confidence = 0.95;          ///< level of the confidence interval, in (0, 1)
};

struct NpsOptions {
  double confidence = 0.95;  ///< level of the confidence interval, in (0, 1)
};

namespace detail {

inline bool has_score_counts(const FieldSet& present) {
  for (int k = 1; k <= kMaxCsatScale; ++k)
    if (present.has(csat_score_field(k))) return true;
  return false;
}

inline int satisfied_cut(const CsatOptions& o) {
  if (o.satisfied_min) return *o.satisfied_min;
  return o.method == CsatMethod::top1 ? o.scale : o.scale - 1;
}

struct ScoreCounts {
  std::int64_t responses = 0;
  std::int64_t at_or_above_cut = 0;
  std::int64_t score_sum = 0;
  double score_square_sum = 0;  // only the interval's variance reads it: no need to refuse a sum past int64
};

inline ScoreCounts count_scores(const Sums& s, int cut) {
  ScoreCounts c;
  for (int k = 1; k <= kMaxCsatScale; ++k) {
    const auto field = csat_score_field(k);
    const std::int64_t n = s.raw(field);
    c.responses = checked_add(c.responses, n, field);
    if (k >= cut) c.at_or_above_cut = checked_add(c.at_or_above_cut, n, field);
    c.score_sum = checked_add(c.score_sum, checked_mul(n, k, field), field);
    c.score_square_sum += static_cast<double>(n) * k * k;
  }
  return c;
}

/// Adds ci_low, ci_high and confidence (shown in tables on request) to `r`.
inline void add_interval(Result& r, std::optional<Interval> ci, Unit unit, double confidence) {
  r.details.push_back({"ci_low", ci ? std::optional(ci->low) : std::nullopt, unit, true});
  r.details.push_back({"ci_high", ci ? std::optional(ci->high) : std::nullopt, unit, true});
  r.details.push_back({"confidence", confidence, Unit::fraction, true});
}

/// The Wilson interval of x/n, in percent.
inline std::optional<Interval> percent_interval(double x, double n, double confidence) {
  const auto ci = wilson_interval(x, n, z_for_confidence(confidence));
  if (!ci) return std::nullopt;
  return Interval{100 * ci->low, 100 * ci->high};
}

/// mean ± t·s/√n from the counts of each score, t of Student's distribution with n − 1
/// degrees of freedom (s is estimated from the same few answers, so z would be too narrow);
/// nullopt below two answers.
inline std::optional<Interval> mean_interval(const ScoreCounts& c, int scale, double confidence) {
  if (c.responses < 2) return std::nullopt;
  const auto n = static_cast<double>(c.responses);
  const double mean = static_cast<double>(c.score_sum) / n;
  const double variance = std::max(0.0, (c.score_square_sum - n * mean * mean) / (n - 1));
  const double half = t_for_confidence(confidence, n - 1) * std::sqrt(variance / n);
  return Interval{std::max(1.0, mean - half), std::min(static_cast<double>(scale), mean + half)};
}

inline std::string csat_definition(const CsatOptions& o) {
  if (o.method == CsatMethod::mean) return "Σ score / responses";
  return "100 × responses scoring " + std::to_string(satisfied_cut(o)) + "-" + std::to_string(o.scale) + " / responses";
}

}  // namespace detail

/// CSAT's unit: a score for the mean, a percentage for a top-box share.
inline Unit csat_unit(const CsatOptions& o) {
  return o.method == CsatMethod::mean ? Unit::score : Unit::percent;
}

inline Plan plan_csat(const CsatOptions& o, const FieldSet& present) {
  Plan p{{}, {}, csat_unit(o), detail::csat_definition(o), {}};
  if (detail::has_score_counts(present)) {
    for (int k = o.scale + 1; k <= kMaxCsatScale; ++k)
      if (present.has(csat_score_field(k)))
        p.problem = "column " + std::string(name_of(csat_score_field(k))) + " is outside the 1-" +
                    std::to_string(o.scale) + " scale (set --scale)";
    return p;
  }
  p.required = {Field::csat_responses, Field::csat_satisfied};
  if (o.method != CsatMethod::top2 || o.satisfied_min)
    p.problem = "this CSAT variant needs per-score counts (columns csat_1 ... csat_" + std::to_string(o.scale) +
                ", or --scores); csat_satisfied only holds the top-2-box count";
  return p;
}

inline Result csat(const Sums& s, const CsatOptions& o = {}) {
  if (!detail::has_score_counts(s.present())) {
    const auto responses = s.raw(Field::csat_responses);
    auto r = detail::count_ratio(s.raw(Field::csat_satisfied), responses, 100.0, responses, "no survey responses");
    detail::add_interval(r, detail::percent_interval(r.numerator, r.denominator, o.confidence), Unit::percent,
                         o.confidence);
    return detail::flag_small_sample(std::move(r), responses);
  }
  const auto c = detail::count_scores(s, detail::satisfied_cut(o));
  const auto responses = static_cast<double>(c.responses);
  auto mean = detail::count_ratio(c.score_sum, c.responses, 1.0, c.responses, "no survey responses");
  if (o.method == CsatMethod::mean) {
    detail::add_interval(mean, detail::mean_interval(c, o.scale, o.confidence), Unit::score, o.confidence);
    return detail::flag_small_sample(std::move(mean), c.responses);
  }
  auto r = detail::count_ratio(c.at_or_above_cut, c.responses, 100.0, c.responses, "no survey responses");
  r.details.push_back({"mean", mean.value, Unit::score});
  detail::add_interval(r, detail::percent_interval(r.numerator, responses, o.confidence), Unit::percent, o.confidence);
  return detail::flag_small_sample(std::move(r), c.responses);
}

/// csat from plain numbers: 100 × satisfied / responses.
inline Result csat(std::int64_t satisfied, std::int64_t responses) {
  Sums s;
  s.add(Field::csat_satisfied, satisfied);
  s.add(Field::csat_responses, responses);
  return csat(s);
}

/// The p-value of CSAT's change between two results: a two-proportion test on the satisfied
/// shares (proportions_z). The mean score is no share: nullopt.
inline std::optional<double> csat_p_value(const Plan& plan, const Result& now, const Result& then) {
  if (plan.unit != Unit::percent) return std::nullopt;
  return proportion_p_value(plan, now, then);
}

/// The three answer classes of a 0-10 "would you recommend" question (Bain): promoters
/// 9-10, passives 7-8, detractors 0-6, and the fields that count them. NPS (customers) and
/// eNPS (agents, in agent-satisfaction) classify with the same code.
struct NetScoreFields {
  Field promoters;
  Field passives;
  Field detractors;
};
inline constexpr NetScoreFields kNpsFields{Field::promoters, Field::passives, Field::detractors};
inline constexpr NetScoreFields kEnpsFields{Field::enps_promoters, Field::enps_passives, Field::enps_detractors};

/// The field that counts a 0-10 answer `score`.
constexpr Field net_score_class(int score, const NetScoreFields& f) {
  return score >= 9 ? f.promoters : score >= 7 ? f.passives : f.detractors;
}

namespace detail {

/// 100 × (promoters − detractors) / answers, in points, with each class's share as details.
inline Result net_score(const Sums& s, const NetScoreFields& f) {
  const auto promoters = s.raw(f.promoters);
  const auto detractors = s.raw(f.detractors);
  const auto responses = s.raw_sum({f.promoters, f.passives, f.detractors});
  auto r = detail::count_ratio(checked_sub(promoters, detractors, f.promoters), responses, 100.0, responses,
                               "no survey responses");
  const auto share = [&](Field field) {
    return detail::ratio(s.value(field), static_cast<double>(responses), 100.0, responses, "").value;
  };
  r.details = {{"promoters_pct", share(f.promoters), Unit::percent},
               {"passives_pct", share(f.passives), Unit::percent},
               {"detractors_pct", share(f.detractors), Unit::percent}};
  return detail::flag_small_sample(std::move(r), responses);
}

inline bool has_nps_scores(const FieldSet& present) {
  for (int k = 0; k <= kMaxNpsScore; ++k)
    if (present.has(nps_score_field(k))) return true;
  return false;
}

/// The answers of each class: the class counts, plus the per-score counts nps_0 … nps_10
/// sorted into their classes (a distribution and class counts never come together: plan_nps).
struct NetCounts {
  std::int64_t promoters = 0;
  std::int64_t passives = 0;
  std::int64_t detractors = 0;
};

inline NetCounts nps_counts(const Sums& s) {
  NetCounts c{s.raw(Field::promoters), s.raw(Field::passives), s.raw(Field::detractors)};
  for (int k = 0; k <= kMaxNpsScore; ++k) {
    const auto field = nps_score_field(k);
    auto& into = k >= 9 ? c.promoters : k >= 7 ? c.passives : c.detractors;
    into = checked_add(into, s.raw(field), field);
  }
  return c;
}

}  // namespace detail

/// NPS reads class counts (promoters, passives, detractors) or the answers per score
/// (nps_0 … nps_10, --scores 0=…,10=…), not both: a table with both most likely repeats the
/// same answers, which adding would count twice.
inline Plan plan_nps(const FieldSet& present) {
  Plan p{{Field::promoters, Field::passives, Field::detractors},
         {},
         Unit::points,
         "100 × (promoters − detractors) / (promoters + passives + detractors)",
         {}};
  if (!detail::has_nps_scores(present)) return p;
  p.required.clear();
  p.definition = "100 × (answers 9-10 − answers 0-6) / answers";
  if (present.has(Field::promoters) || present.has(Field::passives) || present.has(Field::detractors))
    p.problem =
        "give promoters, passives and detractors or the answers per score (nps_0 ... nps_10, --scores), "
        "not both";
  return p;
}

inline Result nps(const Sums& s, const NpsOptions& o = {}) {
  const auto c = detail::nps_counts(s);
  const auto responses =
      checked_add(checked_add(c.promoters, c.passives, Field::promoters), c.detractors, Field::promoters);
  auto r = detail::count_ratio(checked_sub(c.promoters, c.detractors, Field::promoters), responses, 100.0, responses,
                               "no survey responses");
  const auto share = [&](std::int64_t count) {
    return detail::ratio(static_cast<double>(count), static_cast<double>(responses), 100.0, responses, "").value;
  };
  r.details = {{"promoters_pct", share(c.promoters), Unit::percent},
               {"passives_pct", share(c.passives), Unit::percent},
               {"detractors_pct", share(c.detractors), Unit::percent}};
  std::optional<double> margin;
  std::optional<Interval> ci;
  if (r.value) {
    const auto n = static_cast<double>(responses);
    const double variance =
        nps_answer_variance(static_cast<double>(c.promoters) / n, static_cast<double>(c.detractors) / n) / n;
    margin = z_for_confidence(o.confidence) * std::sqrt(variance) * 100;
    ci = Interval{std::max(-100.0, *r.value - *margin), std::min(100.0, *r.value + *margin)};
  }
  r.details.push_back({"margin_of_error", margin, Unit::points, true});
  detail::add_interval(r, ci, Unit::points, o.confidence);
  return detail::flag_small_sample(std::move(r), responses);
}

/// nps from plain numbers.
inline Result nps(std::int64_t promoters, std::int64_t passives, std::int64_t detractors) {
  Sums s;
  s.add(Field::promoters, promoters);
  s.add(Field::passives, passives);
  s.add(Field::detractors, detractors);
  return nps(s);
}

/// The p-value of NPS's change between two results, judged from each one's promoter and
/// detractor shares (nps_z); nullopt when either has no answers.
inline std::optional<double> nps_p_value(const Plan&, const Result& now, const Result& then) {
  const auto p1 = detail_of(now, "promoters_pct"), d1 = detail_of(now, "detractors_pct");
  const auto p2 = detail_of(then, "promoters_pct"), d2 = detail_of(then, "detractors_pct");
  if (!p1 || !d1 || !p2 || !d2) return std::nullopt;
  const auto z =
      nps_z(*p1 / 100, *d1 / 100, static_cast<double>(now.n), *p2 / 100, *d2 / 100, static_cast<double>(then.n));
  if (!z) return std::nullopt;
  return normal_two_sided_p(*z);
}

// --- CES -------------------------------------------------------------------------------

enum class EffortDirection : std::uint8_t { easy_high, effort_high };

/// ces: Customer Effort Score, the mean answer in scale units (1-7 "the company made it
/// easy", 7 = least effort), with the share of low-effort answers as `low_effort_pct`.
/// Low effort by default: easy-high 7-point ≥ 5, 5-point ≥ 4; effort-high 7-point ≤ 3,
/// 5-point ≤ 2. Example (fixture F: 7,6,3,7,4,4,6,2): mean 39/8 = 4.875, low effort 50.0.
struct CesOptions {
  int scale = 7;
  EffortDirection direction = EffortDirection::easy_high;
  std::optional<int> low_effort_cut;
};

namespace detail {
inline bool is_low_effort(int score, const CesOptions& o) {
  const bool easy_high = o.direction == EffortDirection::easy_high;
  const int cut = o.low_effort_cut.value_or(easy_high ? (o.scale == 7 ? 5 : 4) : (o.scale == 7 ? 3 : 2));
  return easy_high ? score >= cut : score <= cut;
}
}  // namespace detail

inline Plan plan_ces(const CesOptions& o, const FieldSet& present) {
  Plan p{{}, {}, Unit::score, "Σ score / answers", {}};
  bool any = false;
  for (int k = 1; k <= kMaxCesScale; ++k)
    any = any || present.has(ces_score_field(k));
  if (!any) p.problem = "CES needs answers (a ces column, ces_1 ... ces_7 columns, or --scores)";
  for (int k = o.scale + 1; k <= kMaxCesScale; ++k)
    if (present.has(ces_score_field(k)))
      p.problem = "column " + std::string(name_of(ces_score_field(k))) + " is outside the 1-" +
                  std::to_string(o.scale) + " scale (set --scale)";
  return p;
}

inline Result ces(const Sums& s, const CesOptions& o = {}) {
  std::int64_t n = 0, sum = 0, low = 0;
  for (int k = 1; k <= kMaxCesScale; ++k) {
    const auto field = ces_score_field(k);
    const auto count = s.raw(field);
    n = checked_add(n, count, field);
    sum = checked_add(sum, checked_mul(count, k, field), field);
    if (detail::is_low_effort(k, o)) low = checked_add(low, count, field);
  }
  auto r = detail::count_ratio(sum, n, 1.0, n, "no survey responses");
  r.details = {{"low_effort_pct", detail::ratio(static_cast<double>(low), static_cast<double>(n), 100.0, n, "").value,
                Unit::percent}};
  return detail::flag_small_sample(std::move(r), n);
}

// --- agent satisfaction -----------------------------------------------------------------

/// agent-satisfaction: an agent (employee) survey. The value is the mean answer to the
/// score question (1 … --scale, default 5), in scale units, with eNPS beside it: the NPS
/// formula over a 0-10 question, % 9-10 minus % 0-6, in points. A survey with only the eNPS
/// question reports eNPS as the value. Null with no answers.
/// Example: scores 4, 5, 3 → 4.0; eNPS answers 10, 9, 8, 6, 3 → 40 − 40 = 0.
/// small_n: the mean, or the eNPS beside it, rests on fewer than kSmallSample answers.
inline Plan plan_agent_satisfaction(const FieldSet& present) {
  if (!present.has(Field::agent_responses) && present.has(Field::enps_promoters))
    return {{Field::enps_promoters, Field::enps_passives, Field::enps_detractors},
            {},
            Unit::points,
            "eNPS: 100 × (enps_promoters − enps_detractors) / eNPS answers",
            {}};
  return {
      {Field::agent_responses, Field::agent_score_total}, {}, Unit::score, "agent_score_total / agent_responses", {}};
}

inline Result agent_satisfaction(const Sums& s) {
  if (!s.present().has(Field::agent_responses)) return detail::net_score(s, kEnpsFields);
  const auto n = s.raw(Field::agent_responses);
  auto r = detail::count_ratio(s.raw(Field::agent_score_total), n, 1.0, n, "no agent survey answers");
  if (s.present().has(Field::enps_promoters)) {
    const auto e = detail::net_score(s, kEnpsFields);
    r.details = {{"enps", e.value, Unit::points},
                 {"enps_promoters_pct", e.details[0].value, Unit::percent},
                 {"enps_detractors_pct", e.details[2].value, Unit::percent},
                 {"enps_answers", static_cast<double>(e.n), Unit::count}};
    r.small_n = r.value && e.small_n;  // the eNPS beside the mean rests on its own answers
  }
  return detail::flag_small_sample(std::move(r), n);
}

}  // namespace cxkpi
