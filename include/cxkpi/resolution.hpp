#pragma once
/// Resolution metrics.
///
/// fcr: first-contact resolution (flag method), 100 × resolved_first_contact / handled, in
///   percent; `den = resolved` divides by resolved contacts instead. Null when the
///   denominator is 0. Example: 720 resolved at first contact of 1000 handled → 72.0.
///   Window method: a handled contact counts as resolved at first contact when the same
///   customer did not come back within the window (see windows.hpp); 100 × (judged −
///   followed) / judged, where judged leaves out immature contacts under --censor.
/// repeat-contact-rate: 100 × contacts with an earlier contact of the same customer within
///   the window / contacts with a customer id (in scope).
/// contacts-to-resolution: Σ contacts of resolved cases / resolved cases (contacts, a mean),
///   with one_contact_pct = 100 × resolved cases of one contact / resolved cases; open cases
///   are counted apart, never averaged in. Null when no case is resolved. Example: cases of
///   3 (resolved), 1 (resolved) and 2 contacts (open) → 2.0, one-contact 50.0, open 1.

#include <cstdint>

#include "cxkpi/left_out.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class FcrBase : std::uint8_t { handled, resolved };
enum class FcrMethod : std::uint8_t { flag, window };

struct FcrOptions {
  FcrBase den = FcrBase::handled;
  FcrMethod method = FcrMethod::flag;
};

namespace detail {
inline Field fcr_base_field(const FcrOptions& o) {
  return o.den == FcrBase::handled ? Field::handled : Field::resolved;
}
}  // namespace detail

inline Plan plan_fcr(const FcrOptions& o, const FieldSet& present) {
  if (o.method == FcrMethod::window)
    return {{Field::window_handled},
            {},
            Unit::percent,
            present.has(Field::no_issue)
                ? "100 × (handled − followed by the same customer on the same issue within the window) / handled"
                : "100 × (handled − followed by the same customer within the window) / handled",
            {}};
  const Field base = detail::fcr_base_field(o);
  return {{Field::resolved_first_contact, base},
          {},
          Unit::percent,
          "100 × resolved_first_contact / " + std::string(name_of(base)),
          {}};
}

inline Result fcr(const Sums& s, const FcrOptions& o = {}) {
  if (o.method == FcrMethod::window) {
    const auto judged = s.raw(Field::window_handled);
    auto r = detail::count_ratio(checked_sub(judged, s.raw(Field::window_followed), Field::window_handled), judged,
                                 100.0, judged, "no handled contacts of known customers");
    r.details.push_back({"followed", s.value(Field::window_followed), Unit::count});
    if (s.present().has(Field::window_immature))
      r.details.push_back({"immature", s.value(Field::window_immature), Unit::count});
    r.details.push_back({"no_customer", s.value(Field::no_customer), Unit::count});
    if (s.present().has(Field::no_issue)) r.details.push_back({"no_issue", s.value(Field::no_issue), Unit::count});
    return r;
  }
  const bool per_handled = o.den == FcrBase::handled;
  // Over resolved contacts, those of unknown outcome leave too (answered or not decides the
  // numerator), and those of unknown resolution are reported.
  const auto left = detail::LeftOutRows(s)
                        .leave(per_handled ? Field::fcr_unknown : Field::resolved_fcr_unknown)
                        .report(Field::outcome_unknown, per_handled)
                        .report(Field::resolution_unknown, !per_handled);
  const auto base = detail::fcr_base_field(o);
  const auto den = checked_sub(s.raw(base), left.in_denominator(), base);
  return left.applied(detail::count_ratio(s.raw(Field::resolved_first_contact), den, 100.0, den,
                                          per_handled ? "no handled contacts" : "no resolved contacts"));
}

inline Plan plan_repeat_contact_rate(const FieldSet& present) {
  return {{Field::customer_contacts},
          {},
          Unit::percent,
          present.has(Field::no_issue)
              ? "100 × repeat_contacts / customer_contacts (same customer and issue again within the window)"
              : "100 × repeat_contacts / customer_contacts (same customer again within the window)",
          {}};
}

inline Result repeat_contact_rate(const Sums& s) {
  auto r = detail::count_ratio(s.raw(Field::repeat_contacts), s.raw(Field::customer_contacts), 100.0,
                               s.raw(Field::customer_contacts), "no contacts with a customer id");
  r.details.push_back({"no_customer", s.value(Field::no_customer), Unit::count});
  if (s.present().has(Field::no_issue)) r.details.push_back({"no_issue", s.value(Field::no_issue), Unit::count});
  return r;
}

inline Plan plan_contacts_to_resolution(const FieldSet&) {
  return {{Field::cases_resolved, Field::resolved},
          {},
          Unit::count,
          "case_contacts / cases_resolved (contacts per resolved case; open cases apart)",
          {}};
}

inline Result contacts_to_resolution(const Sums& s) {
  const auto cases = s.raw(Field::cases_resolved);
  auto r = detail::count_ratio(s.raw(Field::case_contacts), cases, 1.0, cases, "no resolved cases");
  const auto one = detail::ratio(s.value(Field::cases_one_contact), static_cast<double>(cases), 100.0, cases, "");
  r.details.push_back({"one_contact_pct", one.value, Unit::percent});
  r.details.push_back({"open_cases", s.value(Field::cases_open), Unit::count});
  r.details.push_back({"no_case", s.value(Field::no_case), Unit::count});
  return r;
}

/// fcr from plain numbers: 100 × resolved_first_contact / handled.
inline Result fcr(std::int64_t resolved_first_contact, std::int64_t handled) {
  Sums s;
  s.add(Field::resolved_first_contact, resolved_first_contact);
  s.add(Field::handled, handled);
  return fcr(s);
}

}  // namespace cxkpi
