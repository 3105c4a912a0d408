#pragma once
/// Queue metrics.
///
/// abandonment: 100 × abandoned / offered, in percent: the share of contacts the customer
///   ended before reaching an agent (who left, not who stayed). Short abandons, when given,
///   leave numerator and denominator; `den = queued` divides by contacts that waited.
///   Null when the denominator is 0.
///   Example: 1000 offered, 90 abandoned, 30 short → 100 × 60 / 970 = 6.1855….
/// asa: average speed of answer, answer_wait_s / handled, in seconds; abandoned waits never
///   enter. Null when nothing was answered. Example (fixture F): 137 / 8 = 17.125 s.
/// avg-wait: average time in queue; `scope = all` (default): (answer_wait_s + abandon_wait_s)
///   / (handled + abandoned); `answered` is ASA; `abandoned` is the average abandon time.
///   Example (fixture F): 192 / 11 = 17.4545… s; abandoned 55 / 3 = 18.333… s.
/// service-level: share answered within the threshold T, 100 × answered_in_t / offered, in
///   percent, with the denominators of METRICS.md's modes (answered, offered − short,
///   answered + abandoned, abandons counted as positive, abandons ignored). T is applied when
///   records are read (or given as the answered_in_t column). Example (F, T 20): 6/11.
/// A record whose wait (or outcome) these figures need is blank leaves their denominators and
/// is counted in Result::left_out (left_out.hpp): an answer of unknown wait is neither within
/// T nor late, an abandon of unknown wait neither short nor within T.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxkpi/left_out.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class AbandonBase : std::uint8_t { offered, queued };

struct AbandonmentOptions {
  AbandonBase den = AbandonBase::offered;
  /// Short abandons, when counted, leave numerator and denominator; false keeps them in both
  /// (Genesys's abandoned rate, whose short-abandon threshold changes only its service level).
  bool short_out = true;
};

namespace detail {
inline Field abandon_base_field(const AbandonmentOptions& o) {
  return o.den == AbandonBase::offered ? Field::offered : Field::queued;
}
}  // namespace detail

inline Plan plan_abandonment(const AbandonmentOptions& o, const FieldSet& present) {
  const std::string base(name_of(detail::abandon_base_field(o)));
  const bool short_given = o.short_out && present.has(Field::short_abandoned);
  return {{detail::abandon_base_field(o), Field::abandoned},
          {},
          Unit::percent,
          short_given ? "100 × (abandoned − short_abandoned) / (" + base + " − short_abandoned)"
                      : "100 × abandoned / " + base,
          {}};
}

inline Result abandonment(const Sums& s, const AbandonmentOptions& o = {}) {
  const Field base = detail::abandon_base_field(o);
  const bool offered = base == Field::offered;
  // With short abandons, an abandon of unknown wait may be short: it leaves both sides.
  const bool short_given = o.short_out && s.present().has(Field::short_abandoned);
  const auto left = detail::LeftOutRows(s)
                        .leave(Field::outcome_unknown, offered)
                        .report(Field::outcome_unknown, !offered)
                        .report(Field::queue_unknown, !offered)  // queued or not is unknown
                        .leave(Field::abandoned_untimed, short_given);
  const std::int64_t short_abandoned =
      short_given ? s.raw_sum({Field::short_abandoned, Field::abandoned_untimed}) : std::int64_t{0};
  const std::int64_t short_timed = short_given ? s.raw(Field::short_abandoned) : std::int64_t{0};
  const auto den = checked_sub(checked_sub(s.raw(base), short_timed, base), left.in_denominator(), base);
  return left.applied(detail::count_ratio(checked_sub(s.raw(Field::abandoned), short_abandoned, Field::abandoned), den,
                                          100.0, den, offered ? "no offered contacts" : "no queued contacts"));
}

/// abandonment from plain numbers: 100 × (abandoned − short) / (offered − short).
inline Result abandonment(std::int64_t offered, std::int64_t abandoned, std::int64_t short_abandoned = 0) {
  Sums s;
  s.add(Field::offered, offered);
  s.add(Field::abandoned, abandoned);
  s.add(Field::short_abandoned, short_abandoned);
  return abandonment(s);
}

// --- asa and avg-wait ------------------------------------------------------------------

enum class WaitScope : std::uint8_t { all, answered, abandoned };

struct AvgWaitOptions {
  WaitScope scope = WaitScope::all;
};

inline Plan plan_asa(const FieldSet&) {
  return {{Field::answer_wait_s, Field::handled}, {}, Unit::seconds, "answer_wait_s / handled", {}};
}

inline Result asa(const Sums& s) {
  const auto left = detail::LeftOutRows(s).leave(Field::answered_untimed).report(Field::outcome_unknown);
  const auto handled = checked_sub(s.raw(Field::handled), left.in_denominator(), Field::handled);
  auto r = detail::per_count(s.value(Field::answer_wait_s), handled, 1.0, handled, "no answered contacts");
  return left.applied(detail::with_variance(std::move(r), s.present().has(Field::answer_wait_s_squared),
                                            s.value(Field::answer_wait_s_squared)));
}

inline Plan plan_avg_wait(const AvgWaitOptions& o, const FieldSet&) {
  switch (o.scope) {
    case WaitScope::answered:
      return plan_asa({});
    case WaitScope::abandoned:
      return {{Field::abandon_wait_s, Field::abandoned}, {}, Unit::seconds, "abandon_wait_s / abandoned", {}};
    case WaitScope::all:
      break;
  }
  return {{Field::answer_wait_s, Field::abandon_wait_s, Field::handled, Field::abandoned},
          {},
          Unit::seconds,
          "(answer_wait_s + abandon_wait_s) / (handled + abandoned)",
          {}};
}

inline Result avg_wait(const Sums& s, const AvgWaitOptions& o = {}) {
  switch (o.scope) {
    case WaitScope::answered:
      return asa(s);
    case WaitScope::abandoned: {
      const auto left = detail::LeftOutRows(s).leave(Field::abandoned_untimed).report(Field::outcome_unknown);
      const auto n = checked_sub(s.raw(Field::abandoned), left.in_denominator(), Field::abandoned);
      return left.applied(detail::per_count(s.value(Field::abandon_wait_s), n, 1.0, n, "no abandoned contacts"));
    }
    case WaitScope::all:
      break;
  }
  const auto left = detail::LeftOutRows(s)
                        .leave(Field::answered_untimed)
                        .leave(Field::abandoned_untimed)
                        .report(Field::outcome_unknown);
  const auto n = checked_sub(s.raw_sum({Field::handled, Field::abandoned}), left.in_denominator(), Field::handled);
  const auto waits = Sums::units(Field::answer_wait_s, s.raw_sum({Field::answer_wait_s, Field::abandon_wait_s}));
  return left.applied(detail::per_count(waits, n, 1.0, n, "no offered contacts"));
}

// --- service level -------------------------------------------------------------------

enum class ServiceLevelMode : std::uint8_t {
  offered,                  ///< A_T / offered (default)
  answered,                 ///< A_T / answered
  offered_minus_short,      ///< A_T / (offered − short abandons)
  answered_plus_abandoned,  ///< A_T / (answered + abandoned)
  abandons_positive,        ///< (A_T + Ab_T) / offered
  abandons_ignored,         ///< A_T / (offered − Ab_T)
};

struct ServiceLevelOptions {
  ServiceLevelMode mode = ServiceLevelMode::offered;
  /// Short abandons leave the counts wherever abandons are counted: the denominator of
  /// answered-plus-abandoned and offered, both sides of abandons-positive (Genesys with "Include
  /// Short Abandons" off, Cisco's short calls). offered-minus-short takes them out anyway, and
  /// abandons-ignored has them inside the abandons within T it takes out (with S ≤ T).
  bool short_out = false;
};

namespace detail {

struct ServiceLevelShape {
  std::vector<Field> fields;
  std::string_view definition;
};

inline ServiceLevelShape service_level_shape(ServiceLevelMode mode) {
  switch (mode) {
    case ServiceLevelMode::answered:
      return {{Field::answered_in_t, Field::handled}, "100 × answered_in_t / handled"};
    case ServiceLevelMode::offered_minus_short:
      return {{Field::answered_in_t, Field::offered, Field::short_abandoned},
              "100 × answered_in_t / (offered − short_abandoned)"};
    case ServiceLevelMode::answered_plus_abandoned:
      return {{Field::answered_in_t, Field::handled, Field::abandoned}, "100 × answered_in_t / (handled + abandoned)"};
    case ServiceLevelMode::abandons_positive:
      return {{Field::answered_in_t, Field::abandoned_in_t, Field::offered},
              "100 × (answered_in_t + abandoned_in_t) / offered"};
    case ServiceLevelMode::abandons_ignored:
      return {{Field::answered_in_t, Field::abandoned_in_t, Field::offered},
              "100 × answered_in_t / (offered − abandoned_in_t)"};
    case ServiceLevelMode::offered:
      break;
  }
  return {{Field::answered_in_t, Field::offered}, "100 × answered_in_t / offered"};
}

/// Whether short abandons leave service level's counts in `o`'s mode beyond what the mode does.
inline bool short_abandons_out(const ServiceLevelOptions& o) {
  return o.short_out && (o.mode == ServiceLevelMode::offered || o.mode == ServiceLevelMode::answered_plus_abandoned ||
                         o.mode == ServiceLevelMode::abandons_positive);
}

}  // namespace detail

inline Plan plan_service_level(const ServiceLevelOptions& o, const FieldSet& present) {
  auto shape = detail::service_level_shape(o.mode);
  std::string_view definition = shape.definition;
  if (detail::short_abandons_out(o) && present.has(Field::short_abandoned)) {
    shape.fields.push_back(Field::short_abandoned);
    definition = o.mode == ServiceLevelMode::answered_plus_abandoned
                     ? "100 × answered_in_t / (handled + abandoned − short_abandoned)"
                 : o.mode == ServiceLevelMode::abandons_positive
                     ? "100 × (answered_in_t + abandoned_in_t − short_abandoned) / (offered − short_abandoned)"
                     : "100 × answered_in_t / (offered − short_abandoned)";
  }
  return {std::move(shape.fields), {}, Unit::percent, std::string(definition), {}};
}

namespace detail {

/// The rows service level cannot judge in `mode`: answers of unknown wait always; abandons of
/// unknown wait where abandon waits count (short, within T); contacts of unknown outcome leave
/// the denominators of offered contacts and are reported by the others.
inline LeftOutRows service_level_left_out(const Sums& s, const ServiceLevelOptions& o) {
  const auto mode = o.mode;
  const bool over_answered = mode == ServiceLevelMode::answered || mode == ServiceLevelMode::answered_plus_abandoned;
  const bool short_counts = (mode == ServiceLevelMode::offered_minus_short || short_abandons_out(o)) &&
                            s.present().has(Field::short_abandoned);
  const bool abandon_waits =
      mode == ServiceLevelMode::abandons_positive || mode == ServiceLevelMode::abandons_ignored || short_counts;
  LeftOutRows left(s);
  left.leave(Field::outcome_unknown, !over_answered)
      .report(Field::outcome_unknown, over_answered)
      .leave(Field::answered_untimed)
      .leave(Field::abandoned_untimed, abandon_waits);
  return left;
}

}  // namespace detail

inline Result service_level(const Sums& s, const ServiceLevelOptions& o = {}) {
  const auto in_t = s.raw(Field::answered_in_t);
  const auto offered = s.raw(Field::offered);
  std::int64_t numerator = in_t;
  std::int64_t denominator = offered;
  switch (o.mode) {
    case ServiceLevelMode::answered:
      denominator = s.raw(Field::handled);
      break;
    case ServiceLevelMode::offered_minus_short:
      denominator = checked_sub(offered, s.raw(Field::short_abandoned), Field::offered);
      break;
    case ServiceLevelMode::answered_plus_abandoned:
      denominator = s.raw_sum({Field::handled, Field::abandoned});
      break;
    case ServiceLevelMode::abandons_positive:
      numerator = s.raw_sum({Field::answered_in_t, Field::abandoned_in_t});
      break;
    case ServiceLevelMode::abandons_ignored:
      denominator = checked_sub(offered, s.raw(Field::abandoned_in_t), Field::offered);
      break;
    case ServiceLevelMode::offered:
      break;
  }
  if (detail::short_abandons_out(o)) {
    const auto short_abandoned = s.raw(Field::short_abandoned);
    if (o.mode == ServiceLevelMode::abandons_positive)
      numerator = checked_sub(numerator, short_abandoned, Field::abandoned_in_t);
    denominator = checked_sub(denominator, short_abandoned, Field::offered);
  }
  const auto left = detail::service_level_left_out(s, o);
  denominator = checked_sub(denominator, left.in_denominator(), Field::offered);
  return left.applied(
      detail::count_ratio(numerator, denominator, 100.0, denominator, "no contacts in the denominator"));
}

}  // namespace cxkpi
