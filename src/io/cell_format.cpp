#include "io/cell_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "errors.hpp"
#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

struct UnitSuffix {
  std::string_view suffix;  // of a normalised header
  DurationUnit unit;
};

// Longer suffixes first: "_in_minutes" before "_minutes", "_in_hrs" before "_hrs".
constexpr std::array<UnitSuffix, 7> kUnitSuffixes{{
    {"_in_minutes", DurationUnit::minutes},
    {"_minutes", DurationUnit::minutes},
    {"_in_hrs", DurationUnit::clock},
    {"_hrs", DurationUnit::hours},
    {"_in_hours", DurationUnit::hours},
    {"_hours", DurationUnit::hours},
    {"_ms", DurationUnit::milliseconds},
}};

constexpr std::array<DurationUnit, 5> kUnits{DurationUnit::milliseconds, DurationUnit::seconds, DurationUnit::minutes,
                                             DurationUnit::hours, DurationUnit::clock};

std::optional<DurationUnit> unit_named(std::string_view name) {
  for (const auto unit : kUnits)
    if (equals_ignoring_case(trim(name), unit_name(unit))) return unit;
  return std::nullopt;
}

Error unit_on_no_duration(std::string_view spec, CellKind kind, std::string_view field, std::string_view map) {
  return Error::usage(fmt::format(
      "--map {}: {} is a unit of time, and {} is {}, so it takes none (a unit goes with a duration such as talk_s)",
      map, spec, field, kind == CellKind::flag ? "a yes/no flag" : "no duration"));
}

Error values_on_no_flag(std::string_view spec, CellKind kind, std::string_view field, std::string_view map) {
  if (kind == CellKind::duration)
    return Error::usage(fmt::format("--map {}: {} is no unit of time; {} is a duration in ms, s, min, h or hh:mm:ss",
                                    map, quote_value(spec), field));
  return Error::usage(
      fmt::format("--map {}: {} is no yes/no flag, so it takes no list of the values that mean yes (such a list goes "
                  "with answered, abandoned, resolved, first_contact_resolved or transferred in a log)",
                  map, field));
}

}  // namespace

std::optional<std::pair<std::string_view, DurationUnit>> split_unit_suffix(std::string_view normalised) {
  for (const auto& [suffix, unit] : kUnitSuffixes)
    if (normalised.size() > suffix.size() && normalised.ends_with(suffix))
      return std::pair{normalised.substr(0, normalised.size() - suffix.size()), unit};
  return std::nullopt;
}

CellFormat cell_format(std::string_view header, std::string_view spec, CellKind kind, std::string_view field,
                       std::string_view map) {
  CellFormat format;
  if (spec.empty()) {
    if (const auto cut = split_unit_suffix(normalize_header(header)); cut && kind == CellKind::duration)
      format.unit = cut->second;
    return format;
  }
  if (const auto unit = unit_named(spec)) {
    if (kind != CellKind::duration) throw unit_on_no_duration(spec, kind, field, map);
    format.unit = *unit;
    return format;
  }
  if (kind != CellKind::flag) throw values_on_no_flag(spec, kind, field, map);
  format.yes_words = word_list(spec);
  if (format.yes_words.empty())
    throw Error::usage(fmt::format("--map {}: no value after ':' says which cells mean yes", map));
  return format;
}

std::string_view unit_name(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::milliseconds:
      return "ms";
    case DurationUnit::minutes:
      return "min";
    case DurationUnit::hours:
      return "h";
    case DurationUnit::clock:
      return "hh:mm:ss";
    case DurationUnit::seconds:
      break;
  }
  return "s";
}

std::string describe_reading(std::string_view field, CellKind kind, const CellFormat& format) {
  if (kind == CellKind::duration) return fmt::format("{} ({})", field, unit_name(format.unit));
  if (kind == CellKind::flag && !format.yes_words.empty())
    return fmt::format("{} (yes: {})", field, fmt::join(format.yes_words, ", "));
  return std::string(field);
}

}  // namespace cxkpi::cli
