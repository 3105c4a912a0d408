#pragma once
/// Volume and cost metrics.
///
/// contact-rate: 100 × contacts / orders (or / customers with `per = customers`), in percent
///   ("contacts per 100 orders"). Null when the base is 0.
///   Example: 1200 contacts, 40000 orders → 3.0.
/// cost-per-contact: total_cost / contacts (or / handled with `per = handled`), in currency.
///   Null when the base is 0. Example: 50000 / 12500 → 4.00.

#include <cstdint>
#include <optional>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

enum class ContactBase : std::uint8_t { orders, customers };
enum class CostBase : std::uint8_t { contacts, handled };

struct ContactRateOptions {
  std::optional<ContactBase> per;  ///< unset: orders, or customers when only they are given
};

struct CostPerContactOptions {
  CostBase per = CostBase::contacts;
};

namespace detail {
inline Field contact_base_field(const ContactRateOptions& o, const FieldSet& present) {
  if (o.per) return *o.per == ContactBase::orders ? Field::orders : Field::customers;
  return present.has(Field::customers) && !present.has(Field::orders) ? Field::customers : Field::orders;
}
inline Field cost_base_field(const CostPerContactOptions& o) {
  return o.per == CostBase::contacts ? Field::contacts : Field::handled;
}
}  // namespace detail

inline Plan plan_contact_rate(const ContactRateOptions& o, const FieldSet& present) {
  const Field base = detail::contact_base_field(o, present);
  return {{Field::contacts, base},
          {},
          "percent",
          base == Field::orders ? "100 × contacts / orders" : "100 × contacts / customers",
          {}};
}

inline Result contact_rate(const Sums& s, const ContactRateOptions& o = {}) {
  const Field base = detail::contact_base_field(o, s.present());
  return detail::ratio(s.value(Field::contacts), s.value(base), 100.0, s.raw(Field::contacts),
                       base == Field::orders ? "no orders" : "no customers");
}

/// contact-rate from plain numbers: 100 × contacts / orders.
inline Result contact_rate(std::int64_t contacts, std::int64_t orders) {
  Sums s;
  s.add(Field::contacts, contacts);
  s.add(Field::orders, orders);
  return contact_rate(s);
}

inline Plan plan_cost_per_contact(const CostPerContactOptions& o, const FieldSet&) {
  const Field base = detail::cost_base_field(o);
  return {{Field::total_cost, base},
          {},
          "currency",
          base == Field::contacts ? "total_cost / contacts" : "total_cost / handled",
          {}};
}

inline Result cost_per_contact(const Sums& s, const CostPerContactOptions& o = {}) {
  const Field base = detail::cost_base_field(o);
  return detail::ratio(s.value(Field::total_cost), s.value(base), 1.0, s.raw(base),
                       base == Field::contacts ? "no contacts" : "no handled contacts");
}

/// cost-per-contact from plain numbers: total_cost / contacts.
inline Result cost_per_contact(double total_cost, std::int64_t contacts) {
  Sums s;
  s.add_amount(Field::total_cost, total_cost);
  s.add(Field::contacts, contacts);
  return cost_per_contact(s);
}

}  // namespace cxkpi
