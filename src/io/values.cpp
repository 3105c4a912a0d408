#include "io/values.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

#include "cxkpi/sums.hpp"
#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr int kFractionDigits = 4;  // kAmountScale = 10^4

struct Decimal {
  bool negative = false;
  std::int64_t raw = 0;  // |value| × 10^4, rounded half up
};

enum class DecimalError { none, syntax, range };

// Plain decimals are parsed digit by digit so that "0.1" is exactly 1000 raw units; only
// exponent forms go through a double.
DecimalError parse_plain_decimal(std::string_view s, Decimal& out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) out.negative = s[i++] == '-';
  std::int64_t whole = 0;
  std::size_t digits = 0;
  for (; i < s.size() && is_digit(s[i]); ++i, ++digits)
    if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, s[i] - '0', &whole))
      return DecimalError::range;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool round_up = false;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && is_digit(s[i]); ++i, ++digits) {
      if (fraction_digits < kFractionDigits) {
        fraction = fraction * 10 + (s[i] - '0');
        ++fraction_digits;
      } else if (fraction_digits++ == kFractionDigits) {
        round_up = s[i] >= '5';
      }
    }
  }
  if (digits == 0 || i != s.size()) return DecimalError::syntax;
  for (; fraction_digits < kFractionDigits; ++fraction_digits)
    fraction *= 10;
  if (__builtin_mul_overflow(whole, kAmountScale, &out.raw) ||
      __builtin_add_overflow(out.raw, fraction + (round_up ? 1 : 0), &out.raw))
    return DecimalError::range;
  return DecimalError::none;
}

DecimalError parse_exponent_decimal(std::string_view s, Decimal& out) {
  double v = 0;
  const char* first = s.data();
  if (!s.empty() && s.front() == '+') ++first;  // from_chars takes '-' but not '+'
  const auto [end, ec] = fast_float::from_chars(first, s.data() + s.size(), v, fast_float::chars_format::scientific);
  if (ec != std::errc() || end != s.data() + s.size() || std::isnan(v)) return DecimalError::syntax;
  if (std::isinf(v)) return DecimalError::range;  // fast_float gives ±inf for 1e400
  const double raw = std::round(std::fabs(v) * static_cast<double>(kAmountScale));
  if (!(raw < 9.2233720368547758e18)) return DecimalError::range;
  out.negative = std::signbit(v);
  out.raw = static_cast<std::int64_t>(raw);
  return DecimalError::none;
}

DecimalError parse_decimal(std::string_view s, Decimal& out) {
  if (s.find_first_of("eE") == std::string_view::npos) return parse_plain_decimal(s, out);
  return parse_exponent_decimal(s, out);
}

std::string_view expectation(FieldKind kind) {
  switch (kind) {
    case FieldKind::count:
      return "expected a whole number >= 0";
    case FieldKind::seconds:
      return "expected seconds >= 0, h:mm:ss or mm:ss";
    case FieldKind::money:
      return "expected an amount >= 0";
  }
  return "";
}

ParsedValue failure(std::string_view text, std::string_view what, FieldKind kind) {
  return {0, fmt::format("{} {} ({})", quote_value(text), what, expectation(kind))};
}

// "h:mm:ss" or "mm:ss"; the last part may have decimals.
std::optional<std::int64_t> parse_clock(std::string_view s) {
  std::array<std::string_view, 3> parts{};
  std::size_t count = 0;
  for (std::size_t start = 0;;) {
    const auto colon = s.find(':', start);
    if (count == parts.size()) return std::nullopt;
    parts[count++] = s.substr(start, colon == std::string_view::npos ? colon : colon - start);
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (count < 2) return std::nullopt;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < count; ++i) {
    Decimal d;
    const bool last = i + 1 == count;
    if (parts[i].empty() || !is_digit(parts[i].front()) || parse_plain_decimal(parts[i], d) != DecimalError::none)
      return std::nullopt;
    if (!last && d.raw % kAmountScale != 0) return std::nullopt;   // only seconds may be fractional
    if (i > 0 && d.raw >= 60 * kAmountScale) return std::nullopt;  // mm and ss stay below 60
    if (__builtin_mul_overflow(total, i == 0 ? 1 : 60, &total) || __builtin_add_overflow(total, d.raw, &total))
      return std::nullopt;
  }
  return total;
}

ParsedValue parse_count(std::string_view s) {
  std::size_t i = s.front() == '+' ? 1 : 0;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
  const std::string_view rest(end, static_cast<std::size_t>(s.data() + s.size() - end));
  const bool whole_fraction =
      rest.size() > 1 && rest.front() == '.' && rest.find_first_not_of('0', 1) == std::string_view::npos;
  if (ec == std::errc() && (rest.empty() || whole_fraction) && s[i] != '-' && s[i] != '+') return {v, {}};
  if (ec == std::errc::result_out_of_range) return failure(s, "is out of range", FieldKind::count);
  Decimal d;
  switch (parse_decimal(s, d)) {
    case DecimalError::range:
      return failure(s, "is out of range", FieldKind::count);
    case DecimalError::syntax:
      return failure(s, "is not a number", FieldKind::count);
    case DecimalError::none:
      break;
  }
  if (d.negative && d.raw != 0) return failure(s, "is negative", FieldKind::count);
  if (d.raw % kAmountScale != 0) return failure(s, "is not a whole number", FieldKind::count);
  return {d.raw / kAmountScale, {}};
}

// How many decimals a well-formed number needs once its trailing zeros are dropped:
// "1.230000" needs 2, "1.5e-5" needs 6, "12000e-7" needs 4, "12e3" none.
int decimals_needed(std::string_view s) {
  const auto e = s.find_first_of("eE");
  long exponent = 0;
  if (e != std::string_view::npos) {
    const auto text = s.substr(e + 1 + (s[e + 1] == '+' ? 1 : 0));
    if (std::from_chars(text.data(), text.data() + text.size(), exponent).ec != std::errc())
      return std::numeric_limits<int>::max();  // no amount has such an exponent
  }
  auto mantissa = s.substr(0, e);
  if (!mantissa.empty() && (mantissa.front() == '+' || mantissa.front() == '-')) mantissa.remove_prefix(1);
  const auto point = mantissa.find('.');
  const auto whole = mantissa.substr(0, point);
  auto fraction = point == std::string_view::npos ? std::string_view{} : mantissa.substr(point + 1);
  while (!fraction.empty() && fraction.back() == '0')
    fraction.remove_suffix(1);
  long needed = static_cast<long>(fraction.size()) - exponent;
  if (fraction.empty()) {  // the whole part's trailing zeros shift with the exponent too
    const auto last = whole.find_last_not_of('0');
    if (last == std::string_view::npos) return 0;  // zero
    needed -= static_cast<long>(whole.size() - 1 - last);
  }
  return static_cast<int>(std::clamp(needed, 0L, 1000L));
}

ParsedValue parse_amount(std::string_view s, FieldKind kind) {
  Decimal d;
  switch (parse_decimal(s, d)) {
    case DecimalError::range:
      return failure(s, "is out of range", kind);
    case DecimalError::syntax:
      if (kind == FieldKind::seconds)
        if (const auto clock = parse_clock(s)) return {*clock, {}};
      return failure(s, kind == FieldKind::seconds ? "is not a duration" : "is not a number", kind);
    case DecimalError::none:
      break;
  }
  if (kind == FieldKind::money && decimals_needed(s) > kFractionDigits)
    return {0,
            fmt::format("{} has more than {} decimals: amounts are kept to 1/10000 (at most {} decimals)",
                        quote_value(s), kFractionDigits, kFractionDigits),
            true};
  if (d.negative && d.raw != 0) return failure(s, "is negative", kind);
  return {d.raw, {}};
}

// A decimal read exactly: digits × 10^-scale, the fraction's trailing zeros dropped.
struct ExactDecimal {
  bool negative = false;
  std::int64_t digits = 0;
  int scale = 0;
};

bool append_digits(std::string_view text, std::int64_t& to) {
  for (const char c : text)
    if (__builtin_mul_overflow(to, 10, &to) || __builtin_add_overflow(to, c - '0', &to)) return false;
  return true;
}

// [digits][.digits], at least one digit.
DecimalError read_mantissa(std::string_view m, ExactDecimal& out) {
  const auto point = m.find('.');
  const auto whole = m.substr(0, point);
  auto fraction = point == std::string_view::npos ? std::string_view{} : m.substr(point + 1);
  const auto digits_only = [](std::string_view t) { return std::all_of(t.begin(), t.end(), is_digit); };
  if ((whole.empty() && fraction.empty()) || !digits_only(whole) || !digits_only(fraction)) return DecimalError::syntax;
  while (!fraction.empty() && fraction.back() == '0')
    fraction.remove_suffix(1);
  if (!append_digits(whole, out.digits) || !append_digits(fraction, out.digits)) return DecimalError::range;
  out.scale = static_cast<int>(fraction.size());
  return DecimalError::none;
}

// [+|-]digits[.digits][e[+|-]n], nothing rounded: a cell in a unit is converted from it.
DecimalError parse_exact_decimal(std::string_view s, ExactDecimal& out) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    out.negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const auto e = s.find_first_of("eE");
  if (const auto m = read_mantissa(s.substr(0, e), out); m != DecimalError::none || e == std::string_view::npos)
    return m;
  auto text = s.substr(e + 1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int exponent = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), exponent);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size())
    return DecimalError::syntax;
  constexpr int kLargestExponent = 1000;  // past it, a value is out of range or finer than kept
  if (ec != std::errc() || exponent > kLargestExponent || exponent < -kLargestExponent) return DecimalError::range;
  out.scale -= exponent;
  return DecimalError::none;
}

// What one unit is worth in 1/10000 s: factor × 10^power (a minute is 6 × 10^5).
struct UnitWorth {
  std::int64_t factor;
  int power;
};

UnitWorth worth_of(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::milliseconds:
      return {1, 1};
    case DurationUnit::minutes:
      return {6, 5};
    case DurationUnit::hours:
      return {36, 6};
    case DurationUnit::seconds:
    case DurationUnit::clock:
      break;
  }
  return {1, kFractionDigits};
}

enum class Conversion { exact, finer, range };

// `d` units in 1/10000 s, only when that is a whole number of them and fits in 64 bits.
Conversion to_raw(const ExactDecimal& d, DurationUnit unit, std::int64_t& raw) {
  const auto [factor, power] = worth_of(unit);
  if (__builtin_mul_overflow(d.digits, factor, &raw)) return Conversion::range;
  for (int p = power - d.scale; p > 0; --p)
    if (__builtin_mul_overflow(raw, 10, &raw)) return Conversion::range;
  for (int p = power - d.scale; p < 0; ++p) {
    if (raw % 10 != 0) return Conversion::finer;
    raw /= 10;
  }
  return Conversion::exact;
}

std::string_view unit_words(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::milliseconds:
      return "milliseconds";
    case DurationUnit::minutes:
      return "minutes";
    case DurationUnit::hours:
      return "hours";
    case DurationUnit::seconds:
    case DurationUnit::clock:
      break;
  }
  return "seconds";
}

ParsedValue unit_failure(std::string_view text, std::string_view what, DurationUnit unit) {
  if (unit == DurationUnit::clock)
    return {0, fmt::format("{} {} (expected h:mm:ss or mm:ss)", quote_value(text), what)};
  return {0, fmt::format("{} {} (expected {} >= 0)", quote_value(text), what, unit_words(unit))};
}

// A duration cell in ms, minutes, hours or clock style, as 1/10000 s.
ParsedValue parse_in_unit(std::string_view s, DurationUnit unit) {
  if (unit == DurationUnit::clock) {
    if (const auto clock = parse_clock(s)) return {*clock, {}};
    return unit_failure(s, "is not a duration", unit);
  }
  ExactDecimal d;
  switch (parse_exact_decimal(s, d)) {
    case DecimalError::syntax:
      return unit_failure(s, "is not a number", unit);
    case DecimalError::range:
      return unit_failure(s, "is out of range", unit);
    case DecimalError::none:
      break;
  }
  if (d.negative && d.digits != 0) return unit_failure(s, "is negative", unit);
  std::int64_t raw = 0;
  switch (to_raw(d, unit, raw)) {
    case Conversion::range:
      return unit_failure(s, "is out of range", unit);
    case Conversion::finer:
      return {
          0,
          fmt::format("{} {} is finer than 1/10000 s, which durations are kept to", quote_value(s), unit_words(unit)),
          true};
    case Conversion::exact:
      break;
  }
  return {raw, {}};
}

// Whether the '.' in `whole` group its digits in threes: 1.234 and 12.345.678, not 12.34,
// 1.2345 or .234.
bool valid_grouping(std::string_view whole) {
  const auto first = whole.find('.');
  if (first == 0 || first > 3 || (whole.size() - first) % 4 != 0) return false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const bool dot_place = i >= first && (i - first) % 4 == 0;
    if (dot_place ? whole[i] != '.' : !is_digit(whole[i])) return false;
  }
  return true;
}

// A number written with a decimal comma, as it reads with a decimal point: 1.234,5 is 1234.5.
// nullopt when a '.' groups no thousands (12.34 would be 12.34 to one reader and 1234 to
// another) or a second ',' follows the first.
std::optional<std::string> decimal_point_form(std::string_view s) {
  std::string out;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    out += s.front();
    s.remove_prefix(1);
  }
  const auto exponent = std::min(s.find_first_of("eE"), s.size());
  const auto mantissa = s.substr(0, exponent);
  const auto comma = std::min(mantissa.find(','), mantissa.size());
  const auto whole = mantissa.substr(0, comma);
  const auto fraction = mantissa.substr(comma);  // with its ','
  if (fraction.find_first_of(".,", 1) != std::string_view::npos) return std::nullopt;
  if (whole.find('.') != std::string_view::npos && !valid_grouping(whole)) return std::nullopt;
  std::copy_if(whole.begin(), whole.end(), std::back_inserter(out), [](char c) { return c != '.'; });
  if (!fraction.empty()) out.append(".").append(fraction.substr(1));
  return out.append(s.substr(exponent));
}

// --decimal-comma: the value of `s` read with a decimal point, its messages quoting `s`.
ParsedValue parse_decimal_comma(std::string_view s, FieldKind kind, DurationUnit unit) {
  const auto dotted = decimal_point_form(s);
  if (!dotted)
    return failure(s, "is not a number with a decimal comma (a '.' groups thousands in threes: 1.234,5)", kind);
  auto parsed = parse_value(*dotted, kind, false, unit);
  if (const auto shown = quote_value(*dotted); parsed.error.starts_with(shown))
    parsed.error.replace(0, shown.size(), quote_value(s));
  return parsed;
}

}  // namespace

ParsedValue parse_value(std::string_view text, FieldKind kind, bool decimal_comma, DurationUnit unit) {
  const auto s = trim(text);
  if (decimal_comma && s.find_first_of(".,") != std::string_view::npos) return parse_decimal_comma(s, kind, unit);
  if (s.empty()) return failure(text, "is empty", kind);
  if (kind == FieldKind::seconds && unit != DurationUnit::seconds) return parse_in_unit(s, unit);
  return kind == FieldKind::count ? parse_count(s) : parse_amount(s, kind);
}

ParsedValue parse_duration(std::string_view text) {
  auto s = trim(text);
  std::int64_t unit = 1;
  if (!s.empty()) {
    constexpr std::array<std::pair<char, std::int64_t>, 4> kUnits{{{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}}};
    for (const auto& [suffix, seconds] : kUnits)
      if (s.back() == suffix) {
        unit = seconds;
        s.remove_suffix(1);
        break;
      }
  }
  auto v = parse_value(s, FieldKind::seconds);
  if (!v.ok() || v.raw <= 0 || __builtin_mul_overflow(v.raw, unit, &v.raw))
    return {0, fmt::format("{} is not a duration (expected e.g. 90s, 30m, 24h or 7d)", quote_value(text))};
  return v;
}

ParsedValue parse_integer_in(std::string_view text, std::int64_t min, std::int64_t max) {
  const auto s = trim(text);
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < min || v > max)
    return {0, fmt::format("{} is not a whole number from {} to {}", quote_value(text), min, max)};
  return {v, {}};
}

namespace {

// Locale-independent, like every other reading of cells.
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

std::vector<std::string> word_list(std::string_view list) {
  std::vector<std::string> words;
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string word(trim(list.substr(0, comma)));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    std::transform(word.begin(), word.end(), word.begin(), ascii_lower);
    if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
  }
  return words;
}

MissingValues::MissingValues(std::string_view words) : words_(word_list(words)) {
  for (const auto& word : words_) {
    first_chars_.set(static_cast<unsigned char>(word.front()));
    first_chars_.set(static_cast<unsigned char>(ascii_upper(word.front())));
  }
}

bool is_one_of(std::string_view text, const std::vector<std::string>& words) {
  const auto s = trim(text);
  return std::any_of(words.begin(), words.end(),
                     [s](const std::string& word) { return equals_ignoring_case(s, word); });
}

bool MissingValues::is_word(std::string_view s) const {
  return is_one_of(s, words_);
}

}  // namespace cxkpi::cli
