#include "records/period_labels.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <string_view>

namespace cxkpi::cli {
namespace {

constexpr std::int64_t kDay = 86400;

// Exactly `width` digits at s[pos], as a number; advances pos.
std::optional<int> digits_at(std::string_view s, std::size_t& pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool take(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::int64_t seconds_of(date::sys_days day) {
  return std::int64_t{day.time_since_epoch().count()} * kDay;
}

std::optional<std::int64_t> first_second(int y, int m, int d) {
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return seconds_of(date::sys_days{ymd});
}

// The span of months [m, m + count) of year y.
std::optional<LabelSpan> months(int y, int m, int count) {
  const auto start = first_second(y, m, 1);
  if (!start) return std::nullopt;
  const auto next = date::year_month{date::year{y}, date::month{static_cast<unsigned>(m)}} + date::months{count};
  return LabelSpan{*start, seconds_of(date::sys_days{next / 1}), std::nullopt};
}

std::optional<LabelSpan> iso_week(int y, int w) {
  const iso_week::year_weeknum_weekday monday{iso_week::year{y}, iso_week::weeknum{static_cast<unsigned>(w)},
                                              iso_week::mon};
  if (!monday.ok()) return std::nullopt;
  const auto start = seconds_of(date::sys_days{monday});
  return LabelSpan{start, start + 7 * kDay, std::nullopt};
}

// `+hh:mm` or `-hh:mm` after a repeated hour or interval: the offset it was read at.
std::optional<std::int64_t> offset_at(std::string_view s, std::size_t& pos) {
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
  const bool negative = s[pos++] == '-';
  const auto h = digits_at(s, pos, 2);
  if (!h || !take(s, pos, ':')) return std::nullopt;
  const auto m = digits_at(s, pos, 2);
  if (!m) return std::nullopt;
  const std::int64_t seconds = std::int64_t{*h} * 3600 + std::int64_t{*m} * 60;
  return negative ? -seconds : seconds;
}

// `YYYY-MM-DD`, then `Thh`, `Thh:mm` and an offset, each optional.
std::optional<LabelSpan> day_or_finer(std::string_view s, std::size_t pos, int y, int m) {
  const auto d = digits_at(s, pos, 2);
  const auto day = d ? first_second(y, m, *d) : std::nullopt;
  if (!day) return std::nullopt;
  if (pos == s.size()) return LabelSpan{*day, *day + kDay, std::nullopt};
  const auto h = take(s, pos, 'T') ? digits_at(s, pos, 2) : std::nullopt;
  if (!h || *h > 23) return std::nullopt;
  const std::int64_t hour = *h;
  LabelSpan span{*day + hour * 3600, *day + (hour + 1) * 3600, std::nullopt};
  if (take(s, pos, ':')) {
    const auto minute = digits_at(s, pos, 2);
    if (!minute || *minute > 59) return std::nullopt;
    span = {span.start + std::int64_t{*minute} * 60, std::nullopt, std::nullopt};
  }
  if (pos < s.size()) {
    span.offset = offset_at(s, pos);
    if (!span.offset || pos != s.size()) return std::nullopt;
  }
  return span;
}

}  // namespace

std::optional<LabelSpan> span_of_period_label(std::string_view s) {
  std::size_t pos = 0;
  const auto y = digits_at(s, pos, 4);
  if (!y) return std::nullopt;
  if (pos == s.size()) return months(*y, 1, 12);
  if (!take(s, pos, '-')) return std::nullopt;
  if (take(s, pos, 'Q')) {
    const auto q = digits_at(s, pos, 1);
    if (!q || *q < 1 || *q > 4 || pos != s.size()) return std::nullopt;
    return months(*y, (*q - 1) * 3 + 1, 3);
  }
  if (take(s, pos, 'W')) {
    const auto w = digits_at(s, pos, 2);
    if (!w || pos != s.size()) return std::nullopt;
    return iso_week(*y, *w);
  }
  const auto m = digits_at(s, pos, 2);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (pos == s.size()) return months(*y, *m, 1);
  if (!take(s, pos, '-')) return std::nullopt;
  return day_or_finer(s, pos, *y, *m);
}

}  // namespace cxkpi::cli
