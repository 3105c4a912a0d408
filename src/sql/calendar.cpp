// cx_tz and cx_period for `cxkpi sql`, from LocalClock and period_of: the same code that
// buckets a local run.
#include "sql/calendar.hpp"

#include <fmt/format.h>

#include "errors.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kRawPerSecond = 10000;
constexpr std::int64_t kMostDays = 36600;  // a hundred years: the tables stay a few MB of SQL at most

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : (a - b + 1) / b;
}

std::int64_t offset_at(const LocalClock& clock, std::int64_t utc) {
  return clock.to_local(utc) - utc;
}

// The UTC day's offsets: one, or the one before a change and the one after it (found by
// bisection to the second). Zones change their offset at most once a day.
TzDay tz_day(const LocalClock& clock, std::int64_t day) {
  const auto start = day * kDaySeconds;
  const auto last = start + kDaySeconds - 1;
  const auto a = offset_at(clock, start);
  const auto b = offset_at(clock, last);
  if (a == b) return {day, a, (last + 1) * kRawPerSecond, b};
  auto lo = start;  // offset a
  auto hi = last;   // offset b
  while (hi - lo > 1) {
    const auto mid = lo + (hi - lo) / 2;
    (offset_at(clock, mid) == a ? lo : hi) = mid;
  }
  return {day, a, hi * kRawPerSecond, b};
}

}  // namespace

Calendar make_calendar(const LocalClock& clock, BucketBy by, std::int64_t from_local, std::int64_t to_local) {
  Calendar cal{from_local, to_local, {}, {}};
  const auto first_local = floor_div(from_local, kDaySeconds);
  const auto last_local = floor_div(to_local - 1, kDaySeconds);
  if (last_local - first_local > kMostDays)
    throw Error::usage("--from/--to: cxkpi sql tabulates at most a hundred years of days");
  // Every UTC day a local time of the range can fall on, with a day to spare either side.
  const auto first_utc = floor_div(clock.to_utc(from_local), kDaySeconds) - 1;
  const auto last_utc = floor_div(clock.to_utc(to_local - 1), kDaySeconds) + 1;
  for (auto day = first_utc; day <= last_utc; ++day)
    cal.tz.push_back(tz_day(clock, day));
  for (auto day = first_local; day <= last_local; ++day)
    cal.periods.push_back({day, period_of(day * kDaySeconds, by)});
  return cal;
}

}  // namespace cxkpi::cli
