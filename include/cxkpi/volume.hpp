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
#include <string>

#include "cxkpi/checks.hpp"
#include "cxkpi/left_out.hpp"
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
          Unit::percent,
          base == Field::orders ? "100 × contacts / orders" : "100 × contacts / customers",
          {}};
}

inline Result contact_rate(const Sums& s, const ContactRateOptions& o = {}) {
  const Field base = detail::contact_base_field(o, s.present());
  return detail::count_ratio(s.raw(Field::contacts), s.raw(base), 100.0, s.raw(Field::contacts),
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
          Unit::currency,
          base == Field::contacts ? "total_cost / contacts" : "total_cost / handled",
          {}};
}

inline Result cost_per_contact(const Sums& s, const CostPerContactOptions& o = {}) {
  if (o.per == CostBase::contacts) {
    const auto left = detail::LeftOutRows(s).leave(Field::cost_unknown);
    const auto contacts = checked_sub(s.raw(Field::contacts), left.in_denominator(), Field::contacts);
    return left.applied(detail::per_count(s.value(Field::total_cost), contacts, 1.0, contacts, "no contacts"));
  }
  // Per handled contact the costs of all contacts count, so a contact of unknown cost leaves
  // whatever its outcome, and one of unknown outcome leaves with its cost.
  const auto left = detail::LeftOutRows(s).report(Field::cost_unknown).report(Field::outcome_unknown_costed);
  const auto handled = checked_sub(s.raw(Field::handled), s.raw(Field::handled_cost_unknown), Field::handled);
  const auto cost = Sums::units(
      Field::total_cost, checked_sub(s.raw(Field::total_cost), s.raw(Field::outcome_unknown_cost), Field::total_cost));
  return left.applied(detail::per_count(cost, handled, 1.0, handled, "no handled contacts"));
}

/// cost-per-contact from plain numbers: total_cost / contacts.
inline Result cost_per_contact(double total_cost, std::int64_t contacts) {
  Sums s;
  s.add_amount(Field::total_cost, total_cost);
  s.add(Field::contacts, contacts);
  return cost_per_contact(s);
}

// --- cost per resolution, conversion, retention -----------------------------------------

/// cost-per-resolution: total_cost / resolved (all costs, including unresolved and
/// abandoned work), in currency. Example (fixture F): 44 / 7 = 6.2857….
inline Plan plan_cost_per_resolution(const FieldSet&) {
  return {{Field::total_cost, Field::resolved}, {}, Unit::currency, "total_cost / resolved", {}};
}

inline Result cost_per_resolution(const Sums& s) {
  // All costs count: a contact of unknown cost leaves (and its resolution with it), and one of
  // unknown resolution leaves with its cost.
  const auto left = detail::LeftOutRows(s).report(Field::cost_unknown).report(Field::resolution_unknown_costed);
  const auto resolved = checked_sub(s.raw(Field::resolved), s.raw(Field::resolved_cost_unknown), Field::resolved);
  const auto cost =
      Sums::units(Field::total_cost,
                  checked_sub(s.raw(Field::total_cost), s.raw(Field::resolution_unknown_cost), Field::total_cost));
  return left.applied(detail::per_count(cost, resolved, 1.0, resolved, "no resolved contacts"));
}

enum class ConversionBase : std::uint8_t { contacts, handled, visits };

/// conversion-rate: 100 × orders / contacts (or / handled, or / visits), in percent. More
/// orders than the base is an error unless `allow_multi_orders`.
/// Example: 60 orders of 500 contacts → 12.0; 200 of 400 visits → 50.0.
struct ConversionOptions {
  ConversionBase den = ConversionBase::contacts;
  bool allow_multi_orders = false;
};

namespace detail {
inline Field conversion_base_field(const ConversionOptions& o) {
  switch (o.den) {
    case ConversionBase::handled:
      return Field::handled;
    case ConversionBase::visits:
      return Field::visits;
    case ConversionBase::contacts:
      break;
  }
  return Field::contacts;
}
}  // namespace detail

inline Plan plan_conversion_rate(const ConversionOptions& o, const FieldSet&) {
  const Field base = detail::conversion_base_field(o);
  return {{Field::orders, base}, {}, Unit::percent, "100 × orders / " + std::string(name_of(base)), {}};
}

inline Result conversion_rate(const Sums& s, const ConversionOptions& o = {}) {
  const Field base = detail::conversion_base_field(o);
  return detail::count_ratio(s.raw(Field::orders), s.raw(base), 100.0, s.raw(base),
                             base == Field::contacts  ? "no contacts"
                             : base == Field::handled ? "no handled contacts"
                                                      : "no visits");
}

/// More orders than contacts in one row, unless several orders per contact are allowed.
inline std::optional<Violation> check_conversion(const Sums& row, const ConversionOptions& o) {
  const Field base = detail::conversion_base_field(o);
  if (o.allow_multi_orders || !row.present().has(base) || row.raw(Field::orders) <= row.raw(base)) return std::nullopt;
  return Violation{Field::orders, "orders (" + std::to_string(row.raw(Field::orders)) + ") is greater than " +
                                      std::string(name_of(base)) + " (" + std::to_string(row.raw(base)) +
                                      "); give --allow-multi-orders if a contact can bring several orders"};
}

/// retention-rate: customer retention, 100 × (customers_end − customers_new) /
/// customers_start, in percent. Null when nobody was a customer at the start.
/// Example: start 2000, end 2100, new 300 → 90.0.
inline Plan plan_retention_rate(const FieldSet&) {
  return {{Field::customers_start, Field::customers_end, Field::customers_new},
          {},
          Unit::percent,
          "100 × (customers_end − customers_new) / customers_start",
          {}};
}

inline Result retention_rate(const Sums& s) {
  const auto kept = checked_sub(s.raw(Field::customers_end), s.raw(Field::customers_new), Field::customers_end);
  return detail::count_ratio(kept, s.raw(Field::customers_start), 100.0, s.raw(Field::customers_start),
                             "no customers at the start");
}

}  // namespace cxkpi
