#pragma once
/// Resolution metrics.
///
/// fcr: first-contact resolution (flag method), 100 × resolved_first_contact / handled, in
///   percent; `den = resolved` divides by resolved contacts instead. Null when the
///   denominator is 0. Example: 720 resolved at first contact of 1000 handled → 72.0.

#include <cstdint>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class FcrBase : std::uint8_t { handled, resolved };

struct FcrOptions {
  FcrBase den = FcrBase::handled;
};

namespace detail {
inline Field fcr_base_field(const FcrOptions& o) {
  return o.den == FcrBase::handled ? Field::handled : Field::resolved;
}
}  // namespace detail

inline Plan plan_fcr(const FcrOptions& o, const FieldSet&) {
  const Field base = detail::fcr_base_field(o);
  return {{Field::resolved_first_contact, base},
          {},
          "percent",
          "100 × resolved_first_contact / " + std::string(name_of(base)),
          {}};
}

inline Result fcr(const Sums& s, const FcrOptions& o = {}) {
  const Field base = detail::fcr_base_field(o);
  return detail::ratio(s.value(Field::resolved_first_contact), s.value(base), 100.0, s.raw(base),
                       base == Field::handled ? "no handled contacts" : "no resolved contacts");
}

/// fcr from plain numbers: 100 × resolved_first_contact / handled.
inline Result fcr(std::int64_t resolved_first_contact, std::int64_t handled) {
  Sums s;
  s.add(Field::resolved_first_contact, resolved_first_contact);
  s.add(Field::handled, handled);
  return fcr(s);
}

}  // namespace cxkpi
