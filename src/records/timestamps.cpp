#include "records/timestamps.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "cxkpi/business_hours.hpp"  // kWeekdayNames
#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::int64_t kDay = 86400;

// Reads exactly `digits` decimal digits at s[pos]; advances pos.
bool read_digits(std::string_view s, std::size_t& pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > s.size()) return false;
  out = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[pos++];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// "YYYY-MM-DD" at the start of s; returns days since the epoch.
std::optional<std::int64_t> parse_date_part(std::string_view s, std::size_t& pos) {
  int y = 0, m = 0, d = 0;
  if (!read_digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, m) ||
      pos >= s.size() || s[pos++] != '-' || !read_digits(s, pos, 2, d))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;  // 2026-02-30
  return date::sys_days{ymd}.time_since_epoch().count();
}

// A time of day as written: seconds since midnight and the fraction of the second.
struct ClockReading {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  std::size_t fraction_digits = 0;  // as written; the nanoseconds keep the first nine
};

// The digits of a fraction of a second at pos.
ClockReading read_fraction(std::string_view s, std::size_t& pos) {
  ClockReading r;
  for (std::int32_t scale = 100'000'000; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
    if (++r.fraction_digits <= kMaxFractionDigits) r.nanos += (s[pos] - '0') * scale;
    scale /= 10;
  }
  return r;
}

// "H:MM", "HH:MM:SS" with an optional fraction of the second (`.250`, `,5`).
std::optional<ClockReading> parse_time_part(std::string_view s, std::size_t& pos) {
  int h = 0, m = 0, sec = 0;
  const bool one_digit_hour = pos + 1 < s.size() && s[pos + 1] == ':';
  if (!read_digits(s, pos, one_digit_hour ? 1 : 2, h) || pos >= s.size() || s[pos++] != ':' ||
      !read_digits(s, pos, 2, m))
    return std::nullopt;
  ClockReading r;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!read_digits(s, pos, 2, sec)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) r = read_fraction(s, ++pos);
  }
  if (h > 23 || m > 59 || sec > 60) return std::nullopt;  // 60: a leap second reads as :59 + 1
  r.seconds = std::int64_t{h} * 3600 + std::int64_t{m} * 60 + sec;
  return r;
}

// Nanoseconds are what a time keeps of its second: a digit past them cannot be kept, and a
// duration rounded to 1/10000 s from a cut time could be off by one unit.
std::string too_fine(std::string_view text) {
  return fmt::format("{} has more than {} decimals of a second (times are kept to the nanosecond)", quote_value(text),
                     kMaxFractionDigits);
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// "UTC" or "GMT" (any case), which exports write after a time for an offset of zero.
bool is_utc_name(std::string_view s) {
  return s.size() == 3 && (equals_ignoring_case(s, "UTC") || equals_ignoring_case(s, "GMT"));
}

// "Z", "+02:00", "+0200", "+02", "UTC" at pos, after a space or not; nullopt offset when
// nothing is there.
bool parse_offset(std::string_view s, std::size_t& pos, std::optional<std::int64_t>& offset) {
  if (pos == s.size()) return true;
  if (s[pos] == ' ' && pos + 1 < s.size()) ++pos;
  if (s[pos] == 'Z' || s[pos] == 'z' || is_utc_name(s.substr(pos))) {
    offset = 0;
    pos += s[pos] == 'Z' || s[pos] == 'z' ? std::size_t{1} : std::size_t{3};
    return pos == s.size();
  }
  if (s[pos] != '+' && s[pos] != '-') return false;
  const int sign = s[pos++] == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!read_digits(s, pos, 2, h)) return false;
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size() && !read_digits(s, pos, 2, m)) return false;
  if (h > 23 || m > 59) return false;
  offset = sign * (std::int64_t{h} * 3600 + std::int64_t{m} * 60);
  return pos == s.size();
}

constexpr std::string_view kExpected =
    "expected ISO-8601 such as 2026-03-04T09:05:00Z or 2026-03-04 09:05:00 +0000, RFC 2822 such as "
    "Wed, 04 Mar 2026 09:05:00 +0000, or epoch seconds (9 or 10 digits) or milliseconds (12 or 13 digits)";

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Each form's parser returns the time, or nullopt and sets `error` when the text is of its
// form but no time (a tenth decimal, an 11-digit number), or leaves it empty when the text
// is not of its form.

// A date and a time of day read: the timestamp, or too_fine for a tenth decimal.
std::optional<Timestamp> at_time_of_day(std::int64_t days, const ClockReading& clock,
                                        std::optional<std::int64_t> offset, std::string_view text, std::string& error) {
  if (clock.fraction_digits > kMaxFractionDigits) {
    error = too_fine(text);
    return std::nullopt;
  }
  Timestamp t;
  t.written_seconds = days * kDay + clock.seconds;
  t.nanos = clock.nanos;
  t.offset_seconds = offset;
  return t;
}

// ISO-8601: `2026-03-04`, `2026-03-04T09:05:00.25Z`, `2026-03-04 09:05:00 +0000`, `… UTC`.
std::optional<Timestamp> parse_iso(std::string_view s, std::string_view text, std::string& error) {
  std::size_t pos = 0;
  const auto days = parse_date_part(s, pos);
  if (days && pos == s.size()) {
    Timestamp t;
    t.written_seconds = *days * kDay;
    t.has_time_of_day = false;
    return t;
  }
  if (!days || pos == s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
  ++pos;
  std::optional<std::int64_t> offset;
  const auto clock = parse_time_part(s, pos);
  if (!clock || !parse_offset(s, pos, offset)) return std::nullopt;
  return at_time_of_day(*days, *clock, offset, text, error);
}

constexpr std::array<std::string_view, 12> kMonthNames{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};

// The word of letters at pos (a day or month name), lower case; advances pos past it.
std::string read_word(std::string_view s, std::size_t& pos) {
  std::string word;
  for (; pos < s.size() && ascii_lower(s[pos]) >= 'a' && ascii_lower(s[pos]) <= 'z'; ++pos)
    word += ascii_lower(s[pos]);
  return word;
}

// RFC 2822's date, "[Mon, ]2 Mar 2026" (the day in one or two digits): days since the epoch.
// A weekday, when one is written, must be the date's: another one is a date written wrong.
std::optional<std::int64_t> parse_rfc2822_date(std::string_view s, std::size_t& pos, std::string_view text,
                                               std::string& error) {
  auto weekday = read_word(s, pos);
  if (!weekday.empty() && (pos >= s.size() || s[pos++] != ',')) return std::nullopt;
  while (pos < s.size() && s[pos] == ' ')
    ++pos;
  int d = 0, y = 0;
  const bool one_digit_day = pos + 1 < s.size() && s[pos + 1] == ' ';
  if (!read_digits(s, pos, one_digit_day ? 1 : 2, d) || pos >= s.size() || s[pos++] != ' ') return std::nullopt;
  const auto month = std::find(kMonthNames.begin(), kMonthNames.end(), read_word(s, pos));
  if (month == kMonthNames.end() || pos >= s.size() || s[pos++] != ' ' || !read_digits(s, pos, 4, y))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(month - kMonthNames.begin() + 1)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const date::sys_days day{ymd};
  const auto written = kWeekdayNames[date::weekday{day}.iso_encoding() - 1];
  if (!weekday.empty() && !equals_ignoring_case(weekday, written)) {
    error = fmt::format("{} is not a valid time: {} {} {} is a {}, not a {}", quote_value(text), d,
                        s.substr(pos - 8, 3), y, written, s.substr(0, weekday.size()));
    return std::nullopt;
  }
  return day.time_since_epoch().count();
}

// RFC 2822, as e-mail and Twilio write times: `Mon, 02 Mar 2026 08:05:12 +0000` (also `GMT`,
// `UT`, `Z`); a named zone other than those (EST, PDT) is refused, as its offset is a guess.
std::optional<Timestamp> parse_rfc2822(std::string_view s, std::string_view text, std::string& error) {
  std::size_t pos = 0;
  const auto days = parse_rfc2822_date(s, pos, text, error);
  if (!days || pos >= s.size() || s[pos++] != ' ') return std::nullopt;
  const auto clock = parse_time_part(s, pos);
  if (!clock || pos + 1 >= s.size() || s[pos] != ' ') return std::nullopt;
  std::optional<std::int64_t> offset;
  if (equals_ignoring_case(s.substr(pos + 1), "UT")) {
    offset = 0;
  } else if (!parse_offset(s, pos, offset) || !offset) {
    return std::nullopt;
  }
  return at_time_of_day(*days, *clock, offset, text, error);
}

// Epoch seconds (9 or 10 digits, 1973-03-03 to 2286-11-20, with a fraction or not) or
// milliseconds (12 or 13 digits, the same span): the count of digits tells them apart, and
// a count that could be either (11) or neither is refused rather than guessed.
std::optional<Timestamp> parse_epoch(std::string_view s, std::string_view text, std::string& error) {
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9')
    ++digits;
  if (digits == 0 || (digits < s.size() && s[digits] != '.')) return std::nullopt;
  std::size_t pos = digits;
  const auto fraction = pos < s.size() ? read_fraction(s, ++pos) : ClockReading{};
  if (pos != s.size() || (digits < s.size() && fraction.fraction_digits == 0)) return std::nullopt;
  std::int64_t number = 0;
  for (std::size_t i = 0; i < digits && digits <= 13; ++i)
    number = number * 10 + (s[i] - '0');
  const bool seconds = digits == 9 || digits == 10;
  if (seconds || ((digits == 12 || digits == 13) && fraction.fraction_digits == 0)) {
    ClockReading clock = fraction;
    clock.seconds = seconds ? number : number / 1000;
    if (!seconds) clock.nanos = static_cast<std::int32_t>(number % 1000) * 1'000'000;
    return at_time_of_day(0, clock, 0, text, error);
  }
  error = fmt::format(
      "{} is not a valid time: a number of {} digits is neither epoch seconds (9 or 10 digits, with a "
      "fraction or not) nor milliseconds (12 or 13 digits, whole), and is not guessed",
      quote_value(text), digits);
  return std::nullopt;
}

// The forms other than ISO-8601: a number is epoch seconds or milliseconds, or an RFC 2822
// date with its day first (`2 Mar 2026 …`); a word is RFC 2822's weekday.
std::optional<Timestamp> parse_other_forms(std::string_view s, std::string_view text, std::string& error) {
  if (s.empty()) return std::nullopt;
  const bool number = s.front() >= '0' && s.front() <= '9' && s.size() > 4 && s[4] != '-';
  if (number)
    if (auto t = parse_epoch(s, text, error); t || !error.empty()) return t;
  return parse_rfc2822(s, text, error);
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text, std::string& error) {
  const auto s = trim_spaces(text);
  error.clear();
  if (auto t = parse_iso(s, text, error); t || !error.empty()) return t;  // the fast path
  if (auto t = parse_other_forms(s, text, error)) return t;
  if (error.empty()) error = fmt::format("{} is not a valid time ({})", quote_value(text), kExpected);
  return std::nullopt;
}

std::optional<Timestamp> parse_date(std::string_view date_text, std::string& error) {
  const auto d = trim_spaces(date_text);
  std::size_t pos = 0;
  const auto days = parse_date_part(d, pos);
  if (!days || pos != d.size()) {
    error = fmt::format("{} is not a valid date (expected YYYY-MM-DD)", quote_value(date_text));
    return std::nullopt;
  }
  Timestamp t;
  t.written_seconds = *days * kDay;
  t.has_time_of_day = false;
  return t;
}

std::optional<Timestamp> parse_time_of_day(std::string_view time_text, std::string& error) {
  const auto tm = trim_spaces(time_text);
  std::size_t pos = 0;
  Timestamp t;
  const auto clock = parse_time_part(tm, pos);
  if (!clock || !parse_offset(tm, pos, t.offset_seconds)) {
    error = fmt::format("{} is not a valid time of day (expected H:MM or HH:MM:SS)", quote_value(time_text));
    return std::nullopt;
  }
  if (clock->fraction_digits > kMaxFractionDigits) {
    error = too_fine(time_text);
    return std::nullopt;
  }
  t.written_seconds = clock->seconds;
  t.nanos = clock->nanos;
  return t;
}

Timestamp on_date(Timestamp date, const std::optional<Timestamp>& time_of_day) {
  if (!time_of_day) return date;
  date.written_seconds += time_of_day->written_seconds;
  date.offset_seconds = time_of_day->offset_seconds;
  date.nanos = time_of_day->nanos;
  date.has_time_of_day = true;
  return date;
}

std::optional<Timestamp> parse_date_and_time(std::string_view date_text, std::string_view time_text,
                                             std::string& error) {
  const auto date = parse_date(date_text, error);
  if (!date) return std::nullopt;
  if (trim_spaces(time_text).empty()) return date;
  const auto time = parse_time_of_day(time_text, error);
  if (!time) return std::nullopt;
  return on_date(*date, time);
}

LocalClock::LocalClock(const std::string& zone_name) : name_(zone_name) {
  if (zone_name.empty() || zone_name == "UTC" || zone_name == "Etc/UTC") return;
  try {
    zone_ = date::locate_zone(zone_name);
  } catch (const std::exception&) {
    throw Error::usage(fmt::format("--tz: unknown time zone {} (use an IANA name such as Europe/Riga or UTC)",
                                   quote_value(zone_name)));
  }
}

std::int64_t LocalClock::local_seconds(const Timestamp& t) const {
  if (!t.offset_seconds) return t.written_seconds;  // already local to --tz
  const std::int64_t utc = t.written_seconds - *t.offset_seconds;
  if (zone_ == nullptr) return utc;
  const date::sys_seconds sys{std::chrono::seconds{utc}};
  return zone_->to_local(sys).time_since_epoch().count();
}

std::int64_t LocalClock::utc_seconds(const Timestamp& t) const {
  return t.offset_seconds ? t.written_seconds - *t.offset_seconds : to_utc(t.written_seconds);
}

std::optional<PlacedTime> LocalClock::place(const Timestamp& t) const {
  if (t.offset_seconds) {
    const auto utc = t.written_seconds - *t.offset_seconds;
    return PlacedTime{to_local(utc), utc, is_repeated(utc), t.nanos};
  }
  if (zone_ == nullptr || !t.has_time_of_day)
    return PlacedTime{t.written_seconds, to_utc(t.written_seconds), false, t.nanos};
  const auto info = zone_->get_info(date::local_seconds{std::chrono::seconds{t.written_seconds}});
  if (info.result == date::local_info::nonexistent) return std::nullopt;
  return PlacedTime{t.written_seconds, t.written_seconds - info.first.offset.count(), false, t.nanos};
}

// Whether `utc` is in the hour (or so) after a change back: the same local readings as the
// instants just before the change.
bool LocalClock::is_repeated(std::int64_t utc) const {
  if (zone_ == nullptr) return false;
  const auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{utc}});
  const auto since_change = utc - info.begin.time_since_epoch().count();
  if (since_change >= kDay) return false;  // no change back repeats a whole day
  const auto before = zone_->get_info(info.begin - std::chrono::seconds{1});
  return since_change < (before.offset - info.offset).count();
}

std::string LocalClock::skipped_reason(const Timestamp& t) const {
  const auto info = zone_->get_info(date::local_seconds{std::chrono::seconds{t.written_seconds}});
  const auto change = info.second.begin.time_since_epoch().count();
  const auto clock_time = [](std::int64_t local) {
    const auto seconds_of_day = local - (local >= 0 ? local / kDay : (local - kDay + 1) / kDay) * kDay;
    return fmt::format("{:02}:{:02}", seconds_of_day / 3600, seconds_of_day / 60 % 60);
  };
  return fmt::format("is no time in {}: its clocks went from {} to {} that day (give the time with its UTC offset)",
                     name_, clock_time(change + info.first.offset.count()),
                     clock_time(change + info.second.offset.count()));
}

std::int64_t LocalClock::to_local(std::int64_t utc) const {
  if (zone_ == nullptr) return utc;
  return zone_->to_local(date::sys_seconds{std::chrono::seconds{utc}}).time_since_epoch().count();
}

std::int64_t LocalClock::to_utc(std::int64_t local) const {
  if (zone_ == nullptr) return local;
  const date::local_seconds l{std::chrono::seconds{local}};
  // `first` is the only offset of a unique reading, the earlier of an ambiguous one, and
  // the offset before a spring-forward gap for a reading that does not exist.
  return local - zone_->get_info(l).first.offset.count();
}

std::optional<BucketBy> bucket_by_named(std::string_view name) {
  constexpr std::array<std::pair<std::string_view, BucketBy>, 9> kNames{{
      {"all", BucketBy::all},
      {"hour", BucketBy::hour},
      {"day", BucketBy::day},
      {"week", BucketBy::week},
      {"month", BucketBy::month},
      {"quarter", BucketBy::quarter},
      {"year", BucketBy::year},
      {"weekday", BucketBy::weekday},
      {"hour-of-day", BucketBy::hour_of_day},
  }};
  for (const auto& [n, by] : kNames)
    if (n == name) return by;
  return std::nullopt;
}

std::optional<std::int32_t> interval_minutes_named(std::string_view text) {
  if (text.size() < 2 || text.back() != 'm' || text.front() < '0' || text.front() > '9') return std::nullopt;
  std::int32_t minutes = 0;
  const auto digits = text.substr(0, text.size() - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), minutes);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return minutes;
}

std::string interval_refusal(std::int32_t minutes) {
  if (minutes > 0 && (60 % minutes == 0 || (minutes % 60 == 0 && 24 % (minutes / 60) == 0))) return {};
  return fmt::format(
      "{}m neither divides an hour nor is whole hours that divide a day, so its intervals would not "
      "start at the same clock times every hour or every day; take one that does: 5m, 10m, 15m, 20m, "
      "30m, 60m, or 120m, 180m, 240m, 360m, 480m, 720m",
      minutes);
}

bool needs_time_of_day(BucketBy by) {
  return by == BucketBy::hour || by == BucketBy::hour_of_day || by == BucketBy::weekday_hour ||
         by == BucketBy::interval;
}

bool splits_repeated_hour(BucketBy by, std::int32_t minutes) {
  return by == BucketBy::hour || (by == BucketBy::interval && minutes <= 60);
}

namespace {

std::string iso_date(const date::year_month_day& ymd) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// --by week: the ISO week (Monday to Sunday; week 1 holds the year's first Thursday), ordered by its Monday.
Period iso_week_of(date::sys_days day) {
  const iso_week::year_weeknum_weekday iso{day};
  const auto monday = date::sys_days{iso_week::year_weeknum_weekday{iso.year(), iso.weeknum(), iso_week::mon}};
  return {monday.time_since_epoch().count(),
          fmt::format("{:04}-W{:02}", static_cast<int>(iso.year()), static_cast<unsigned>(iso.weeknum()))};
}

// --by month, quarter or year, ordered by months, quarters or years since year 0.
Period month_quarter_or_year(const date::year_month_day& ymd, BucketBy by) {
  const std::int64_t y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  if (by == BucketBy::month) return {y * 12 + m, fmt::format("{:04}-{:02}", y, m)};
  if (by == BucketBy::quarter) return {y * 4 + (m - 1) / 3, fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1)};
  return {y, fmt::format("{:04}", y)};
}

// --by weekday (Monday first), or with an hour the weekday × hour buckets of best-time-to-call.
Period weekday_of(date::sys_days day, std::optional<std::int64_t> hour) {
  const std::int64_t monday_based = date::weekday{day}.iso_encoding() - 1;
  const auto name = kWeekdayNames[static_cast<std::size_t>(monday_based)];
  if (!hour) return {monday_based + 1, std::string(name)};
  return {monday_based * 24 + *hour, fmt::format("{} {:02}", name, *hour)};
}

// --by 15m: the interval of `second_of_day` on `day`, labelled by its first minute. An interval
// of an hour or less divides the hour (interval_refusal) and is ordered within it, with the
// minutes of the hour's second reading after those of its first (period_of below); a longer
// one is whole hours that divide the day, ordered by its count since the epoch.
Period interval_of(date::sys_days day, std::int64_t second_of_day, std::int32_t minutes) {
  const std::int64_t length = std::int64_t{minutes} * 60;
  const auto start = second_of_day / length * length;
  const std::int64_t days = day.time_since_epoch().count();
  const auto order =
      minutes <= 60 ? ((days * 24 + start / 3600) * 2) * 60 + start / 60 % 60 : days * (kDay / length) + start / length;
  return {order, fmt::format("{}T{:02}:{:02}", iso_date(date::year_month_day{day}), start / 3600, start / 60 % 60)};
}

}  // namespace

Period period_of(std::int64_t local_seconds, BucketBy by, std::int32_t minutes) {
  const auto days = local_seconds >= 0 ? local_seconds / kDay : (local_seconds - kDay + 1) / kDay;
  const date::sys_days day{date::days{days}};
  const std::int64_t hour = (local_seconds - days * kDay) / 3600;
  switch (by) {
    case BucketBy::interval:
      return interval_of(day, local_seconds - days * kDay, minutes);
    case BucketBy::hour:  // twice the hour: the later reading of a repeated hour sorts between
      return {(days * 24 + hour) * 2, fmt::format("{}T{:02}", iso_date(date::year_month_day{day}), hour)};
    case BucketBy::day:
      return {days, iso_date(date::year_month_day{day})};
    case BucketBy::week:
      return iso_week_of(day);
    case BucketBy::month:
    case BucketBy::quarter:
    case BucketBy::year:
      return month_quarter_or_year(date::year_month_day{day}, by);
    case BucketBy::weekday:
      return weekday_of(day, std::nullopt);
    case BucketBy::hour_of_day:
      return {hour, fmt::format("{:02}", hour)};
    case BucketBy::weekday_hour:
      return weekday_of(day, hour);
    case BucketBy::all:
      break;
  }
  return {0, "all"};
}

Period period_of(const PlacedTime& at, BucketBy by, std::int32_t minutes) {
  auto period = period_of(at.local, by, minutes);
  if (at.repeated && splits_repeated_hour(by, minutes)) {
    const auto offset = at.local - at.utc;
    const auto size = offset < 0 ? -offset : offset;
    period.order += by == BucketBy::hour ? 1 : 60;  // after every minute of the hour's first reading
    period.label += fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', size / 3600, size / 60 % 60);
  }
  return period;
}

}  // namespace cxkpi::cli
