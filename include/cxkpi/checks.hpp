#pragma once
/// Consistency checks on one input row: a part can never exceed its whole
/// (abandoned ≤ offered, csat_satisfied ≤ csat_responses, …). Checked only where the row
/// supplies both fields; a violation is bad input, not a zero or a null.

#include <array>
#include <optional>
#include <string>

#include "cxkpi/sums.hpp"

namespace cxkpi {

struct Violation {
  Field part;           ///< the field to blame (its column is where the error points)
  std::string message;  ///< e.g. "abandoned (120) is greater than offered (100)"
};

namespace detail {

struct PartOfWhole {
  Field part;
  Field whole;
};

inline constexpr std::array<PartOfWhole, 14> kPartsOfWholes{{
    {Field::abandoned, Field::offered},
    {Field::handled, Field::offered},
    {Field::queued, Field::offered},
    {Field::abandoned, Field::queued},
    {Field::short_abandoned, Field::abandoned},
    {Field::csat_satisfied, Field::csat_responses},
    {Field::resolved_first_contact, Field::handled},
    {Field::resolved_first_contact, Field::resolved},
    {Field::customers_new, Field::customers_end},
    {Field::transfers, Field::handled},
    {Field::opened, Field::delivered},
    {Field::clicked, Field::delivered},
    {Field::timed_views, Field::views},
    {Field::bounces, Field::timed_views},
}};

inline std::string show(const Sums& s, Field f) {
  const auto raw = s.raw(f);
  const auto scale = scale_of(f);
  return raw % scale == 0 ? std::to_string(raw / scale) : std::to_string(s.value(f));
}

}  // namespace detail

/// Whether check_row compares `f` with another field of a row.
constexpr bool is_checked(Field f) {
  for (const auto& [part, whole] : detail::kPartsOfWholes)
    if (part == f || whole == f) return true;
  return false;
}

/// The first part-greater-than-whole violation in `row`, if any.
inline std::optional<Violation> check_row(const Sums& row) {
  const auto& present = row.present();
  const auto both = [&](Field a, Field b) { return present.has(a) && present.has(b); };
  for (const auto& [part, whole] : detail::kPartsOfWholes) {
    if (both(part, whole) && row.raw(part) > row.raw(whole))
      return Violation{part, std::string(name_of(part)) + " (" + detail::show(row, part) + ") is greater than " +
                                 std::string(name_of(whole)) + " (" + detail::show(row, whole) + ")"};
  }
  if (!both(Field::handled, Field::abandoned) || !present.has(Field::offered)) return std::nullopt;
  if (const auto outcomes = row.raw_sum({Field::handled, Field::abandoned}); outcomes > row.raw(Field::offered))
    return Violation{Field::handled, "handled + abandoned (" + std::to_string(outcomes) +
                                         ") is greater than offered (" + detail::show(row, Field::offered) + ")"};
  return std::nullopt;
}

}  // namespace cxkpi
