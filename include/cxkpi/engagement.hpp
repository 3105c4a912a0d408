#pragma once
/// Campaign engagement (e-mail or messaging campaigns), from aggregate counts.
///
/// engagement: open rate 100 × opened / delivered, in percent, with click rate
///   100 × clicked / delivered and click-to-open 100 × clicked / opened as details. Opened or
///   clicked above delivered is bad input (see checks.hpp); clicked above opened is not,
///   because a click from a client that blocks the tracking pixel records no open.
///   Null when nothing was delivered. Example: 400 delivered, 200 opened, 50 clicked →
///   50.0, click rate 12.5, click-to-open 25.0.

#include <cstdint>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

inline Plan plan_engagement(const FieldSet&) {
  return {{Field::delivered, Field::opened, Field::clicked}, {}, Unit::percent, "100 × opened / delivered", {}};
}

inline Result engagement(const Sums& s) {
  const auto delivered = s.raw(Field::delivered);
  const auto opened = s.value(Field::opened);
  auto r = detail::count_ratio(s.raw(Field::opened), delivered, 100.0, delivered, "nothing delivered");
  const auto clicked = s.value(Field::clicked);
  r.details = {
      {"click_rate", detail::ratio(clicked, static_cast<double>(delivered), 100.0, delivered, "").value, Unit::percent},
      {"click_to_open", detail::ratio(clicked, opened, 100.0, s.raw(Field::opened), "").value, Unit::percent}};
  return r;
}

/// engagement from plain numbers.
inline Result engagement(std::int64_t delivered, std::int64_t opened, std::int64_t clicked) {
  Sums s;
  s.add(Field::delivered, delivered);
  s.add(Field::opened, opened);
  s.add(Field::clicked, clicked);
  return engagement(s);
}

}  // namespace cxkpi
