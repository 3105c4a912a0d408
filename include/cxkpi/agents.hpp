#pragma once
/// Per-agent metrics.
///
/// resolved-per-agent: resolved contacts / distinct named agents with at least one handled
///   contact (a count). A bucket of one agent gives that agent's resolved contacts; a bucket
///   of many (the total) the mean per agent. Contacts of an empty agent count as resolved but
///   add no agent, so their own bucket is null. Beside it: the handled contacts, AHT, CSAT
///   (top-2-box %) and FCR (flag method, %) of the same contacts, when the log has their
///   columns; the resolution rate, 100 × handled contacts resolved / handled contacts whose
///   resolved is known (null with no handled contact, absent without a resolved column);
///   with agents' logged-in time, per_hour = resolved / (logged_in_s / 3600).
///   Example (fixture F): a1 3, a2 2, a3 2; mean 7/3 = 2.33.

#include "cxkpi/handling.hpp"
#include "cxkpi/resolution.hpp"
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"
#include "cxkpi/survey.hpp"

namespace cxkpi {

inline Plan plan_resolved_per_agent(const FieldSet&) {
  return {{Field::agents_handled, Field::resolved},
          {},
          Unit::count,
          "resolved / agents (resolved contacts per agent with a handled contact)",
          {}};
}

inline Result resolved_per_agent(const Sums& s, const AhtOptions& aht_options = {},
                                 const CsatOptions& csat_options = {}) {
  auto r = detail::count_ratio(s.raw(Field::resolved), s.raw(Field::agents_handled), 1.0, s.raw(Field::handled),
                               "no named agent handled a contact");
  r.details.push_back({"handled", s.value(Field::handled), Unit::count});
  const auto& present = s.present();
  // resolved among handled: a handled contact with a blank resolved leaves the denominator.
  if (present.has(Field::resolved_handled)) {
    const auto known = checked_sub(s.raw(Field::handled), s.raw(Field::handled_resolution_unknown), Field::handled);
    r.details.push_back({"resolution_rate",
                         detail::count_ratio(s.raw(Field::resolved_handled), known, 100.0, known, "").value,
                         Unit::percent});
  }
  if (present.has(Field::talk_s) || present.has(Field::hold_s) || present.has(Field::wrap_s))
    r.details.push_back({"aht", aht(s, aht_options).value, Unit::seconds});
  if (present.has(Field::csat_1)) r.details.push_back({"csat", csat(s, csat_options).value, Unit::percent});
  if (present.has(Field::resolved_first_contact)) r.details.push_back({"fcr", fcr(s).value, Unit::percent});
  if (present.has(Field::logged_in_s))
    r.details.push_back(
        {"per_hour", detail::ratio(s.value(Field::resolved), s.value(Field::logged_in_s) / 3600.0, 1.0, 0, "").value,
         Unit::per_hour});
  return r;
}

}  // namespace cxkpi
