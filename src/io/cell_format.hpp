#pragma once
// How a column's cells are written, beyond which field it holds: the unit of a duration
// (`--map talk_s='Total Talk:ms'`, or a header ending in a unit such as `talk_time_ms` or
// `Hold (in minutes)`), the words that mean yes in a yes/no column (`--map
// answered=outcome:AGENT,ANSWERED`), and the score each word of a survey answered in words
// stands for (`--map csat=satisfaction_rating.score:good=5,bad=1,offered=blank`). One reading
// for period tables and logs alike.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/duration_unit.hpp"

namespace cxkpi::cli {

/// What a field's cells are, for what a --map may say of them.
enum class CellKind : std::uint8_t { duration, flag, score, other };

/// A survey answer written as a word, and the score it stands for: none for a word that is no
/// answer (Zendesk's offered: the survey was sent and not answered).
struct ScoreWord {
  std::string word;  // lower case
  std::optional<int> score;
};

struct CellFormat {
  DurationUnit unit = DurationUnit::seconds;
  std::vector<std::string> yes_words;  // lower case; empty: 1/0, yes/no, y/n, true/false
  // Conventions an export documents for one column, never assumed (a blank is missing, not 0):
  bool blank_is_zero = false;          // `blank=0`: a blank cell is 0, or no (Genesys: the segment did not occur)
  bool zero_is_blank = false;          // `0=blank`: a 0 is no value (Freshdesk's 00:00:00 response time)
  bool present_is_yes = false;         // `present`: a flag is yes when its cell holds anything, no when blank
  std::vector<ScoreWord> score_words;  // `good=5,bad=1,offered=blank`: a score column holds these words only

  /// Whether the cells need none of these readings, nor a unit or words: the fast path's.
  [[nodiscard]] bool plain() const { return unit == DurationUnit::seconds && !has_conventions(); }
  /// Whether it says more than a unit (a period table's column takes a unit only).
  [[nodiscard]] bool has_conventions() const {
    return !yes_words.empty() || blank_is_zero || zero_is_blank || present_is_yes || !score_words.empty();
  }
  /// The word of `text` (trimmed, in any case) among score_words, or null when none is.
  [[nodiscard]] const ScoreWord* score_word(std::string_view text) const;
};

/// A normalised header cut before a unit suffix: "talk_time_ms" → {"talk_time", ms},
/// "hold_in_minutes" → {"hold", minutes}. Freshdesk's "(in hrs)" columns hold h:mm:ss text,
/// so "_in_hrs" is the clock style, while "_hrs" and "_hours" are decimal hours.
std::optional<std::pair<std::string_view, DurationUnit>> split_unit_suffix(std::string_view normalised);

/// The name of a header without its unit suffix, when that name is a duration: `find(name)`
/// is what the name means (an optional-like value), `is_duration(*found)` whether it is one.
template <class Find, class IsDuration>
auto find_without_unit(std::string_view normalised, Find find, IsDuration is_duration) -> decltype(find(normalised)) {
  const auto cut = split_unit_suffix(normalised);
  if (!cut) return {};
  auto found = find(cut->first);
  return found && is_duration(*found) ? found : decltype(found){};
}

/// How a column of a `kind` field headed `header` is read: as `spec` (the text after the
/// header in --map field=Header:SPEC, empty when none) says, else in the unit of the
/// header's suffix. SPEC is a comma-separated list of a unit, the words for yes, the
/// conventions blank=0, 0=blank and present, and for a score WORD=SCORE or WORD=blank (no
/// answer). Throws Error (usage), quoting `map`, for a unit on a field that is no duration,
/// a list of values on a field that is no yes/no flag, a WORD=SCORE on one that is no score,
/// or a convention that does not fit the field.
CellFormat cell_format(std::string_view header, std::string_view spec, CellKind kind, std::string_view field,
                       std::string_view map);

/// "ms", "s", "min", "h" or "hh:mm:ss", as --map and `cxkpi columns` write them.
std::string_view unit_name(DurationUnit unit);

/// "talk_s (ms)", "answered (yes: agent, answered)", "offered (yes: any value, blank: no)",
/// "csat (good: 5, bad: 1, offered: none)":
/// a field as its column is read.
std::string describe_reading(std::string_view field, CellKind kind, const CellFormat& format);

}  // namespace cxkpi::cli
