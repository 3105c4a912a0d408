#pragma once
/// Weighted survey figures (--weight COLUMN): one mechanism for CSAT, NPS and CES.
///
/// A record log may carry a weight per answer (a decimal ≥ 0, read exactly in 1/10000
/// units like money). Each answer then adds its weight to the twin of the field that counts
/// it (weighted_twin: csat_4 → weighted_csat_4, promoters → weighted_promoters) and its
/// squared weight to the metric's Σw² field. The weighted figure is the metric's own formula
/// over a view of the sums in which every answer count is replaced by the sum of its
/// answers' weights, so
///   NPS  = 100 × (Σw promoters − Σw detractors) / Σw answers,
///   CSAT = 100 × Σw satisfied / Σw answers (mean: Σw·score / Σw),
///   CES  = Σw·score / Σw,
/// and every share beside them (promoters_pct, low_effort_pct, the CSAT mean) is weighted
/// the same way. The sums stay exact integers: no weight is rounded.
///
/// Beside the weighted value a result carries `unweighted` (the figure over every answer,
/// as without --weight), `unweighted_n` and `n_eff`, Kish's effective sample size
/// (Σw)² / Σw² over the weighed answers. A blank weight leaves its answer out of the
/// weighted figure (counted in left_out); a zero weight keeps the answer in n but adds
/// nothing to Σw or Σw², so n_eff counts only answers that weigh. Confidence intervals,
/// whose variance the weights change, are not carried (the CLI refuses --ci and --compare
/// with --weight); small_n flags a weighted figure with n_eff below kSmallSample.
///
/// Example (NPS, answers 10 w 2, 9 w 1, 7 w 1, 3 w 0.5, 0 w 1.5): Σw = 6, promoters 3,
/// detractors 2 → 100 × (3 − 2) / 6 = 16.67 (unweighted 100 × (2 − 2)/5 = 0);
/// n_eff = 36 / (4 + 1 + 1 + 0.25 + 2.25) = 36/8.5 = 4.235.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "cxkpi/left_out.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

/// The fields of one survey metric's weights besides the weighted answer counts.
struct SurveyWeighting {
  Field squared;  ///< Σ weight² of its weighed answers, raw weights squared (1/10^8 units)
  Field unknown;  ///< its answers whose weight cell is blank
};

inline constexpr SurveyWeighting kCsatWeighting{Field::csat_weight_squared, Field::csat_weight_unknown};
inline constexpr SurveyWeighting kNpsWeighting{Field::nps_weight_squared, Field::nps_weight_unknown};
inline constexpr SurveyWeighting kCesWeighting{Field::ces_weight_squared, Field::ces_weight_unknown};

/// Kish's effective sample size (Σw)² / Σw² from the raw weight sum and the raw sum of
/// squared weights (the 1/10000 scales cancel); null when no answer weighs anything.
inline std::optional<double> effective_sample_size(std::int64_t weight_sum_raw, std::int64_t squared_raw) {
  if (squared_raw <= 0) return std::nullopt;
  const auto sum = static_cast<double>(weight_sum_raw);
  return sum * sum / static_cast<double>(squared_raw);
}

namespace detail {

/// `s` with every answer count that has a weighted twin replaced by that twin's sum, so a
/// metric's own formula computes its weighted figure.
inline Sums weighted_view(const Sums& s) {
  Sums view;
  FieldSet present;
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const auto f = static_cast<Field>(i);
    const auto twin = weighted_twin(f);
    if (!twin || !s.present().has(f)) continue;
    present.add(f);
    view.add_raw(f, s.raw(*twin));
  }
  view.set_present(present);
  return view;
}

/// A whole sum of weights (1/10000 units) as a number.
inline double weight_units(std::int64_t raw) {
  return scaled_value(raw, kAmountScale);
}

}  // namespace detail

/// The survey figure `figure(sums)` weighted by the answers' weights when `weighted`, as
/// this header describes; `figure(s)` itself otherwise. `unit` is the figure's, for its
/// unweighted value beside it. `figure` must divide by its answers (whole_denominator), as
/// csat, nps and ces do.
template <class Figure>
Result weighed(bool weighted, const Sums& s, const SurveyWeighting& w, Unit unit, Figure figure) {
  Result plain = figure(s);
  if (!weighted) return plain;
  Result r = figure(detail::weighted_view(s));
  const std::int64_t weight_sum = r.whole_denominator.value_or(0);
  r.numerator = detail::weight_units(r.whole_numerator.value_or(0));
  r.denominator = detail::weight_units(weight_sum);
  r.whole_numerator.reset();  // weights, not counts: outputs write the decimals above
  r.whole_denominator.reset();
  r.n = checked_sub(plain.n, s.raw(w.unknown), w.unknown);
  if (!r.value && r.n > 0) r.reason = "the weights of the answers sum to 0";
  std::erase_if(r.details, [](const Detail& d) { return d.on_request; });  // intervals: see above
  const auto n_eff = effective_sample_size(weight_sum, s.raw(w.squared));
  r.details.push_back({"unweighted", plain.value, unit});
  r.details.push_back({"unweighted_n", static_cast<double>(plain.n), Unit::count});
  r.details.push_back({"n_eff", n_eff, Unit::count});
  r.small_n = r.value.has_value() && n_eff.value_or(0) < static_cast<double>(kSmallSample);
  r.left_out = std::move(plain.left_out);
  return detail::LeftOutRows(s).report(w.unknown).applied(std::move(r));
}

}  // namespace cxkpi
