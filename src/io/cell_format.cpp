#include "io/cell_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

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
  if (spec.find('=') != std::string_view::npos)
    return Error::usage(
        fmt::format("--map {}: {} gives the score a word stands for, and {} is no survey score (such "
                    "words go with csat, nps or ces in a log)",
                    map, quote_value(spec), field));
  if (kind == CellKind::score)
    return Error::usage(
        fmt::format("--map {}: {} gives no score; {} answered in words takes WORD=SCORE or WORD=blank "
                    "(no answer) for each word, such as good=5,bad=1,offered=blank",
                    map, quote_value(spec), field));
  if (kind == CellKind::duration)
    return Error::usage(fmt::format("--map {}: {} is no unit of time; {} is a duration in ms, s, min, h or hh:mm:ss",
                                    map, quote_value(spec), field));
  return Error::usage(
      fmt::format("--map {}: {} is no yes/no flag, so it takes no list of the values that mean yes (such a list goes "
                  "with answered, abandoned, resolved, first_contact_resolved or transferred in a log)",
                  map, field));
}

// The convention an item of a SPEC names (a unit, blank=0, 0=blank, present), set on
// `format`; false for any other item, which is a word for yes.
bool read_convention(std::string_view item, CellKind kind, std::string_view field, std::string_view map,
                     CellFormat& format) {
  if (const auto unit = unit_named(item)) {
    if (kind != CellKind::duration) throw unit_on_no_duration(item, kind, field, map);
    format.unit = *unit;
    return true;
  }
  const bool blank_zero = item == "blank=0";
  const bool zero_blank = item == "0=blank";
  const bool present = item == "present";
  if (!blank_zero && !zero_blank && !present) return false;
  const bool fits = present      ? kind == CellKind::flag
                    : zero_blank ? kind == CellKind::duration
                                 : kind == CellKind::duration || kind == CellKind::flag;
  if (!fits)
    throw Error::usage(fmt::format("--map {}: {} does not go with {} ({})", map, item, field,
                                   present      ? "present reads a yes/no flag from whether a cell is filled"
                                   : zero_blank ? "0=blank goes with a duration"
                                                : "blank=0 goes with a duration or a yes/no flag"));
  format.blank_is_zero = format.blank_is_zero || blank_zero || present;
  format.zero_is_blank = format.zero_is_blank || zero_blank;
  format.present_is_yes = format.present_is_yes || present;
  return true;
}

// A score column's WORD=SCORE or WORD=blank (a word that is no answer), added to `format`;
// false for an item of another shape.
bool read_score_word(std::string_view item, std::string_view map, CellFormat& format) {
  const auto equals = item.rfind('=');
  if (equals == std::string_view::npos) return false;
  const auto word = trim(item.substr(0, equals));
  const auto value = trim(item.substr(equals + 1));
  int score = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), score);
  const bool no_answer = value == "blank";
  if (word.empty() || (!no_answer && (error != std::errc{} || end != value.data() + value.size())))
    throw Error::usage(fmt::format("--map {}: {} is no WORD=SCORE (a whole number) or WORD=blank (no answer)", map,
                                   quote_value(item)));
  if (format.score_word(word) != nullptr)
    throw Error::usage(fmt::format("--map {}: {} is given a score twice", map, quote_value(word)));
  format.score_words.push_back({std::string(word), no_answer ? std::nullopt : std::optional<int>(score)});
  return true;
}

}  // namespace

const ScoreWord* CellFormat::score_word(std::string_view text) const {
  const auto s = trim(text);
  const auto found = std::find_if(score_words.begin(), score_words.end(),
                                  [&](const ScoreWord& w) { return equals_ignoring_case(s, w.word); });
  return found == score_words.end() ? nullptr : &*found;
}

std::optional<std::pair<std::string_view, DurationUnit>> split_unit_suffix(std::string_view normalised) {
  for (const auto& [suffix, unit] : kUnitSuffixes)
    if (normalised.size() > suffix.size() && normalised.ends_with(suffix))
      return std::pair{normalised.substr(0, normalised.size() - suffix.size()), unit};
  return std::nullopt;
}

CellFormat cell_format(std::string_view header, std::string_view spec, CellKind kind, std::string_view field,
                       std::string_view map) {
  CellFormat format;
  if (const auto cut = split_unit_suffix(normalize_header(header)); cut && kind == CellKind::duration)
    format.unit = cut->second;  // a unit in the SPEC replaces it
  if (spec.empty()) return format;
  const auto items = word_list(spec);
  if (items.empty()) throw Error::usage(fmt::format("--map {}: no value after ':' says which cells mean yes", map));
  for (const auto& item : items)
    if (!read_convention(item, kind, field, map, format) &&
        !(kind == CellKind::score && read_score_word(item, map, format)))
      format.yes_words.push_back(item);
  if (format.yes_words.empty()) return format;
  if (kind != CellKind::flag) throw values_on_no_flag(format.yes_words.front(), kind, field, map);
  if (format.present_is_yes)
    throw Error::usage(fmt::format("--map {}: present makes any value yes, so it takes no list of words", map));
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
  std::vector<std::string> says;
  if (kind == CellKind::duration) says.emplace_back(unit_name(format.unit));
  if (format.present_is_yes) says.emplace_back("yes: any value");
  if (!format.yes_words.empty()) says.push_back(fmt::format("yes: {}", fmt::join(format.yes_words, ", ")));
  for (const auto& [word, score] : format.score_words)
    says.push_back(fmt::format("{}: {}", word, score ? std::to_string(*score) : "none"));
  if (format.blank_is_zero) says.emplace_back(kind == CellKind::flag ? "blank: no" : "blank: 0");
  if (format.zero_is_blank) says.emplace_back("0: none");
  if (says.empty()) return std::string(field);
  return fmt::format("{} ({})", field, fmt::join(says, ", "));
}

}  // namespace cxkpi::cli
