#pragma once
/// Queue metrics.
///
/// abandonment: 100 × abandoned / offered, in percent: the share of contacts the customer
///   ended before reaching an agent (who left, not who stayed). Short abandons, when given,
///   leave numerator and denominator; `den = queued` divides by contacts that waited.
///   Null when the denominator is 0.
///   Example: 1000 offered, 90 abandoned, 30 short → 100 × 60 / 970 = 6.1855….

#include <cstdint>
#include <string>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class AbandonBase : std::uint8_t { offered, queued };

struct AbandonmentOptions {
  AbandonBase den = AbandonBase::offered;
};

namespace detail {
inline Field abandon_base_field(const AbandonmentOptions& o) {
  return o.den == AbandonBase::offered ? Field::offered : Field::queued;
}
}  // namespace detail

inline Plan plan_abandonment(const AbandonmentOptions& o, const FieldSet& present) {
  const std::string base(name_of(detail::abandon_base_field(o)));
  const bool short_given = present.has(Field::short_abandoned);
  return {{detail::abandon_base_field(o), Field::abandoned},
          {},
          "percent",
          short_given ? "100 × (abandoned − short_abandoned) / (" + base + " − short_abandoned)"
                      : "100 × abandoned / " + base,
          {}};
}

inline Result abandonment(const Sums& s, const AbandonmentOptions& o = {}) {
  const Field base = detail::abandon_base_field(o);
  const auto short_abandoned = s.raw(Field::short_abandoned);
  const auto den = s.raw(base) - short_abandoned;
  return detail::ratio(static_cast<double>(s.raw(Field::abandoned) - short_abandoned), static_cast<double>(den), 100.0,
                       den, base == Field::offered ? "no offered contacts" : "no queued contacts");
}

/// abandonment from plain numbers: 100 × (abandoned − short) / (offered − short).
inline Result abandonment(std::int64_t offered, std::int64_t abandoned, std::int64_t short_abandoned = 0) {
  Sums s;
  s.add(Field::offered, offered);
  s.add(Field::abandoned, abandoned);
  s.add(Field::short_abandoned, short_abandoned);
  return abandonment(s);
}

}  // namespace cxkpi
