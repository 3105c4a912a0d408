#pragma once
/// Handling metrics (denominator: handled = answered contacts).
///
/// aht: average handle time, (Σtalk_s + Σhold_s + Σwrap_s) / handled, in seconds. Any subset
///   of the three components may be chosen; a component missing from the input adds nothing
///   and is reported in a warning. Null when nothing was handled.
///   Example: talk 36000, hold 3600, wrap 7200 over 200 handled → 234 s.
/// hold: average hold per handled contact, hold_s / handled, in seconds; with the share of
///   handled contacts put on hold (100 × held / handled) and the average hold of those held
///   (hold_s / held) when `held` is known. Example (fixture F): 250/8 = 31.25 s; 50 %; 62.5 s.
/// A record log also carries Σ handle² (handle_s_squared), AHT's spread for --compare's test.
/// A handled record with a blank component AHT counts (or a blank hold_s, for hold) leaves the
/// figure with everything it had, and is counted in Result::left_out (left_out.hpp).

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cxkpi/left_out.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

struct HandleComponents {
  bool talk = true;
  bool hold = true;
  bool wrap = true;
};

struct AhtOptions {
  HandleComponents components;
};

namespace detail {

struct Component {
  Field field;
  bool HandleComponents::*selected;
  std::string_view detail_name;
  Field left_out;  ///< what the contacts AHT leaves out had of this component
};

inline constexpr std::array<Component, 3> kHandleComponents{{
    {Field::talk_s, &HandleComponents::talk, "talk", Field::handle_unknown_talk_s},
    {Field::hold_s, &HandleComponents::hold, "hold", Field::handle_unknown_hold_s},
    {Field::wrap_s, &HandleComponents::wrap, "wrap", Field::handle_unknown_wrap_s},
}};

/// Σ `c` over the contacts AHT keeps: those with a blank component it counts leave with
/// everything they had.
inline std::int64_t kept_component_raw(const Sums& s, const Component& c) {
  return checked_sub(s.raw(c.field), s.raw(c.left_out), c.field);
}

inline std::string join_names(const std::vector<Field>& fields, std::string_view sep) {
  std::string out;
  for (Field f : fields) {
    if (!out.empty()) out += sep;
    out += name_of(f);
  }
  return out;
}

}  // namespace detail

inline Plan plan_aht(const AhtOptions& o, const FieldSet& present) {
  std::vector<Field> used;
  std::vector<Field> missing;
  for (const auto& c : detail::kHandleComponents) {
    if (!(o.components.*c.selected)) continue;
    (present.has(c.field) ? used : missing).push_back(c.field);
  }
  // Components the input has are required in every row, so an empty cell is never a 0 s.
  if (used.empty()) std::swap(used, missing);
  Plan p{{Field::handled}, {}, Unit::seconds, "(" + detail::join_names(used, " + ") + ") / handled", {}};
  p.required.insert(p.required.end(), used.begin(), used.end());
  if (!missing.empty()) {
    p.warnings.push_back(detail::join_names(missing, ", ") + " not in the input: AHT counts " +
                         detail::join_names(used, ", ") + " only");
  }
  return p;
}

inline Result aht(const Sums& s, const AhtOptions& o = {}) {
  std::int64_t handle_raw = 0;
  for (const auto& c : detail::kHandleComponents)
    if (o.components.*c.selected) handle_raw = checked_add(handle_raw, detail::kept_component_raw(s, c), c.field);
  const auto left = detail::LeftOutRows(s).leave(Field::handle_unknown).report(Field::outcome_unknown);
  const auto handled = checked_sub(s.raw(Field::handled), left.in_denominator(), Field::handled);
  const auto per_handled = [handled](std::int64_t raw) {
    return detail::per_count(Sums::units(Field::talk_s, raw), handled, 1.0, handled, "no handled contacts");
  };
  auto r = per_handled(handle_raw);
  for (const auto& c : detail::kHandleComponents)
    if (o.components.*c.selected && s.present().has(c.field))
      r.details.push_back({c.detail_name, per_handled(detail::kept_component_raw(s, c)).value, Unit::seconds});
  r = detail::with_variance(std::move(r), s.present().has(Field::handle_s_squared), s.value(Field::handle_s_squared));
  return left.applied(std::move(r));
}

/// aht from plain numbers (seconds).
inline Result aht(double talk_s, double hold_s, double wrap_s, std::int64_t handled) {
  Sums s;
  s.add_amount(Field::talk_s, talk_s);
  s.add_amount(Field::hold_s, hold_s);
  s.add_amount(Field::wrap_s, wrap_s);
  s.add(Field::handled, handled);
  return aht(s);
}

/// transfer-rate: 100 × transfers / handled, in percent. Example: 1 of 8 → 12.5.
inline Plan plan_transfer_rate(const FieldSet&) {
  return {{Field::transfers, Field::handled}, {}, Unit::percent, "100 × transfers / handled", {}};
}

inline Result transfer_rate(const Sums& s) {
  const auto left = detail::LeftOutRows(s).leave(Field::transfer_unknown).report(Field::outcome_unknown);
  const auto handled = checked_sub(s.raw(Field::handled), left.in_denominator(), Field::handled);
  return left.applied(detail::count_ratio(s.raw(Field::transfers), handled, 100.0, handled, "no handled contacts"));
}

namespace detail {
inline double handle_seconds(const Sums& s) {
  return s.value(Field::talk_s) + s.value(Field::hold_s) + s.value(Field::wrap_s);
}
}  // namespace detail

/// occupancy: 100 × handle_s / (handle_s + idle_s), handle_s = talk + hold + wrap, in
/// percent: the share of staffed, available time spent on contacts. Example: 3590 s handled,
/// 1410 s idle → 71.8.
inline Plan plan_occupancy(const FieldSet&) {
  return {{Field::talk_s, Field::idle_s}, {}, Unit::percent, "100 × (talk_s + hold_s + wrap_s) / (… + idle_s)", {}};
}

inline Result occupancy(const Sums& s) {
  const double handle = detail::handle_seconds(s);
  const double staffed = handle + s.value(Field::idle_s);
  return detail::ratio(handle, staffed, 100.0, s.raw(Field::handled), "no staffed time");
}

enum class UtilisationBase : std::uint8_t { paid, logged_in };

/// utilisation: 100 × handle_s / paid_s (or / logged_in_s), in percent. Example: 3590 s of
/// 7200 s paid → 49.86….
struct UtilisationOptions {
  UtilisationBase base = UtilisationBase::paid;
};

inline Plan plan_utilisation(const UtilisationOptions& o, const FieldSet&) {
  const Field base = o.base == UtilisationBase::paid ? Field::paid_s : Field::logged_in_s;
  return {
      {Field::talk_s, base}, {}, Unit::percent, "100 × (talk_s + hold_s + wrap_s) / " + std::string(name_of(base)), {}};
}

inline Result utilisation(const Sums& s, const UtilisationOptions& o = {}) {
  const Field base = o.base == UtilisationBase::paid ? Field::paid_s : Field::logged_in_s;
  return detail::ratio(detail::handle_seconds(s), s.value(base), 100.0, s.raw(Field::handled),
                       o.base == UtilisationBase::paid ? "no paid time" : "no logged-in time");
}

inline Plan plan_hold(const FieldSet&) {
  return {{Field::hold_s, Field::handled}, {}, Unit::seconds, "hold_s / handled", {}};
}

inline Result hold(const Sums& s) {
  const auto left = detail::LeftOutRows(s).leave(Field::hold_unknown).report(Field::outcome_unknown);
  const auto handled = checked_sub(s.raw(Field::handled), left.in_denominator(), Field::handled);
  auto r = detail::per_count(s.value(Field::hold_s), handled, 1.0, handled, "no handled contacts");
  if (s.present().has(Field::held)) {
    const auto held = s.raw(Field::held);
    r.details = {
        {"pct_with_hold",
         detail::ratio(static_cast<double>(held), static_cast<double>(handled), 100.0, handled, "").value,
         Unit::percent},
        {"avg_hold_per_held", detail::ratio(s.value(Field::hold_s), static_cast<double>(held), 1.0, held, "").value,
         Unit::seconds}};
  }
  return left.applied(std::move(r));
}

}  // namespace cxkpi
