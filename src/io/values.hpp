#pragma once
// Locale-independent parsing of one cell or flag value into a field's exact units.

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/fields.hpp"
#include "cxkpi/sums.hpp"
#include "io/duration_unit.hpp"

namespace cxkpi::cli {

/// A parsed value in the field's raw units (1 for counts, 1/10000 for seconds and money),
/// or an explanation of what is wrong with the text.
struct ParsedValue {
  std::int64_t raw = 0;
  std::string error;         // empty on success; otherwise e.g. `"abc" is not a number (expected …)`
  bool lost_digits = false;  // the error: an amount with digits below 1/10000, which it cannot keep
  [[nodiscard]] bool ok() const { return error.empty(); }
};

/// An ASCII digit (std::isdigit depends on the locale).
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Spaces and tabs around a value are not part of it (` 12 ` is 12).
/// Inline: every cell of every row passes through it.
inline std::string_view trim(std::string_view text) {
  // A plain loop: find_first_not_of(" \t") searches the set once per character.
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && (text[first] == ' ' || text[first] == '\t'))
    ++first;
  while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t'))
    --last;
  return text.substr(first, last - first);
}

/// An empty cell is missing data (a survey not answered), never zero.
inline bool is_missing(std::string_view text) {
  return trim(text).empty();
}

/// "N/A, Null,," → {"n/a", "null"}: the words of a comma-separated list, trimmed, in lower
/// case, each once, empty ones dropped.
std::vector<std::string> word_list(std::string_view list);

/// Whether `text`, trimmed, is one of `words` (in lower case) but for the case of its letters.
bool is_one_of(std::string_view text, const std::vector<std::string>& words);

/// What a number, score or flag cell may say instead of a value (--na): besides an empty
/// cell, exports write N/A, NULL or - for "no value". Such a cell is missing, like an empty
/// one, never 0 and never an error. Words compare ignoring case and surrounding spaces.
class MissingValues {
 public:
  /// The default words: N/A, NULL, -, n/a.
  MissingValues() : MissingValues("N/A,NULL,-,n/a") {}
  /// Empty cells and the words of a comma-separated list (an empty list: empty cells only).
  explicit MissingValues(std::string_view words);
  /// Whether `text` is empty or one of the words. Inline: an agent cell of every row comes
  /// here, and its first character turns away almost every value without a comparison.
  [[nodiscard]] bool operator()(std::string_view text) const {
    const auto s = trim(text);
    return s.empty() || (first_chars_[static_cast<unsigned char>(s.front())] && is_word(s));
  }

 private:
  [[nodiscard]] bool is_word(std::string_view trimmed) const;

  std::vector<std::string> words_;  // lower case, trimmed
  std::bitset<256> first_chars_;    // the first characters of the words, in either case
};

/// The common shapes of a number cell, read without the general parser: up to 14 plain
/// digits, optionally followed by '.' and 1-4 decimals (`168`, `6.48`). `raw` is in 1/10000
/// units. Anything else (spaces, signs, exponents, h:mm:ss, a decimal comma, more digits)
/// returns false and goes to parse_value, which gives the same value or the message; the
/// fast path only saves time on the cells every large log is made of.
inline bool parse_plain_amount(std::string_view s, std::int64_t& raw) {
  constexpr std::size_t kMaxWholeDigits = 14;  // 10^14 × kAmountScale (10^4) stays inside int64
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < s.size() && i <= kMaxWholeDigits; ++i) {
    const unsigned digit = static_cast<unsigned char>(s[i]) - unsigned{'0'};
    if (digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i == 0 || i > kMaxWholeDigits) return false;
  std::int64_t fraction = 0;
  std::int64_t scale = kAmountScale;  // what one unit of the last decimal read is worth
  if (i < s.size()) {
    if (s[i] != '.' || s.size() - i < 2 || s.size() - i > 5) return false;
    for (++i; i < s.size(); ++i) {
      const unsigned digit = static_cast<unsigned char>(s[i]) - unsigned{'0'};
      if (digit > 9) return false;
      fraction = fraction * 10 + digit;
      scale /= 10;
    }
  }
  raw = whole * kAmountScale + fraction * scale;
  return true;
}

/// Counts: whole numbers ≥ 0 (`12`, `+12`, `12.0`). Seconds: decimals ≥ 0 or `h:mm:ss` /
/// `mm:ss`, kept to 1/10000 s. Money: decimals ≥ 0 with at most 4 decimals that are not 0
/// (`1.230000` is fine, `1.23456` is refused: it would be rounded to what the sums keep).
/// Exponents (`1.5e3`) are accepted; hex, `inf`, `nan`,
/// thousands separators and trailing text are not.
/// With `decimal_comma`, `3,5` reads as 3.5 and a `.` groups thousands: `1.234` is 1234 and
/// `1.234.567,5` is 1234567.5; a `.` in any other place (`12.34`, `1.2345`) is refused.
/// A seconds field written in another `unit` is converted exactly (1 ms is 10 units of
/// 1/10000 s, a minute 600000, an hour 36000000); a value finer than 1/10000 s is refused
/// (lost_digits), never rounded.
ParsedValue parse_value(std::string_view text, FieldKind kind, bool decimal_comma = false,
                        DurationUnit unit = DurationUnit::seconds);

/// A whole number in [min, max], for scores and small settings.
ParsedValue parse_integer_in(std::string_view text, std::int64_t min, std::int64_t max);

/// A span of time for flags such as --window and --interval: `90` or `90s`, `30m`, `24h`,
/// `7d` (one unit, whole or decimal, > 0). `raw` is in 1/10000 s, like seconds fields.
ParsedValue parse_duration(std::string_view text);

}  // namespace cxkpi::cli
