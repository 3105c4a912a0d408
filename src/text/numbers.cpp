#include "text/numbers.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace cxkpi::cli {
namespace {

// A double as the shortest decimal that reads back as it: value = ±0.digits × 10^point.
// People rounding by hand (or a spreadsheet) start from this text, not from the binary
// neighbour the double really holds (2.675 is stored as 2.67499999…).
struct Decimal {
  std::string digits;  // no leading zeros, except "0" for zero
  int point = 0;       // digits before the decimal point: 2 for 17.125, -1 for 0.0125
  bool negative = false;
};

Decimal shortest_decimal(double value) {
  std::array<char, 40> text{};
  const auto written = std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::scientific);
  std::string_view s(text.data(), static_cast<std::size_t>(written.ptr - text.data()));
  Decimal d;
  d.negative = s.front() == '-';
  if (d.negative) s.remove_prefix(1);
  const auto e = s.find('e');
  for (const char c : s.substr(0, e))
    if (c != '.') d.digits += c;
  int exponent = 0;
  const auto tail = s.substr(e + 1 + (s[e + 1] == '+' ? 1 : 0));
  std::from_chars(tail.data(), tail.data() + tail.size(), exponent);
  d.point = exponent + 1;
  return d;
}

// Keeps `precision` digits after the point, rounding half away from zero: the magnitude
// goes up when the first dropped digit is 5 or more, whatever the sign.
void round_half_away(Decimal& d, int precision) {
  const int keep = d.point + precision;
  if (keep >= static_cast<int>(d.digits.size())) return;
  const bool up = keep >= 0 && d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(std::max(keep, 0)));
  if (!up) return;
  auto it = d.digits.rbegin();
  for (; it != d.digits.rend() && *it == '9'; ++it)
    *it = '0';
  if (it != d.digits.rend()) {
    ++*it;
  } else {
    d.digits.insert(d.digits.begin(), '1');  // 9.995 → 10.00: one more digit before the point
    ++d.point;
  }
}

// The digit at `index` of 0.digits (negative or past the end: a 0 the notation leaves out).
char digit_at(const Decimal& d, int index) {
  return index >= 0 && index < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(index)] : '0';
}

std::string fixed_text(const Decimal& d, int precision) {
  const bool zero = d.digits.find_first_not_of('0') == std::string::npos;
  std::string out = d.negative && !zero ? "-" : "";  // never "-0"
  if (d.point <= 0) out += '0';
  for (int i = 0; i < d.point; ++i)
    out += digit_at(d, i);
  if (precision > 0) out += '.';
  for (int i = 0; i < precision; ++i)
    out += digit_at(d, d.point + i);
  return out;
}

}  // namespace

std::string format_fixed(double value, int precision) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  auto decimal = shortest_decimal(value);
  round_half_away(decimal, precision);
  return fixed_text(decimal, precision);
}

std::string format_exact(double value) {
  return fmt::format("{}", value + 0.0);
}

std::string format_clock(double seconds) {
  const auto total = static_cast<long long>(std::llround(seconds));
  const auto h = total / 3600;
  const auto m = total % 3600 / 60;
  const auto s = total % 60;
  return h > 0 ? fmt::format("{}:{:02}:{:02}", h, m, s) : fmt::format("{}:{:02}", m, s);
}

std::optional<double> parse_finite(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);  // from_chars takes '-' but not '+'
  double v = 0;
  const auto [end, ec] = fast_float::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace cxkpi::cli
