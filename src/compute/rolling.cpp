#include "compute/rolling.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "records/timestamps.hpp"

namespace cxkpi::cli {

std::optional<std::int32_t> rolling_days_named(std::string_view text) {
  if (text.size() < 2 || text.back() != 'd' || text.front() < '0' || text.front() > '9') return std::nullopt;
  std::int32_t days = 0;
  const auto digits = text.substr(0, text.size() - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
  if (ec != std::errc() || end != digits.data() + digits.size() || days < 1) return std::nullopt;
  return days;
}

namespace {

// A day's label as --by day writes it, from its order (days since the epoch).
std::string day_label(std::int64_t day) {
  return period_of(day * 86400, BucketBy::day).label;
}

}  // namespace

std::vector<std::string> roll_days(BucketTable& buckets, std::int32_t days) {
  std::vector<std::string> short_windows;
  if (buckets.buckets.empty()) return short_windows;
  // By group, then day: the window of a day is the `days` entries up to it.
  std::map<std::vector<std::string>, std::map<std::int64_t, Sums>> by_group;
  const auto first = buckets.buckets.front().period.order;  // sorted by period first
  const auto last = buckets.buckets.back().period.order;
  for (auto& b : buckets.buckets)
    by_group[std::move(b.groups)].emplace(b.period.order, std::move(b.sums));
  std::vector<Bucket> rolled;
  for (auto day = first; day <= last; ++day) {
    const auto label = day_label(day);
    const auto start = day - days + 1;
    const auto reason = start < first ? fmt::format("its {}-day window starts on {}, before the log's first day, {}",
                                                    days, day_label(start), day_label(first))
                                      : std::string();
    for (const auto& [groups, sums_by_day] : by_group) {
      Bucket window{{day, label}, groups, {}, {}};
      for (auto it = sums_by_day.lower_bound(start); it != sums_by_day.end() && it->first <= day; ++it)
        window.sums.merge(it->second);
      rolled.push_back(std::move(window));
      short_windows.push_back(reason);
    }
  }
  buckets.buckets = std::move(rolled);
  return short_windows;
}

void refuse_short_windows(ResultTable& table, const std::vector<std::string>& short_windows) {
  for (std::size_t i = 0; i < table.rows.size() && i < short_windows.size(); ++i) {
    if (short_windows[i].empty()) continue;
    auto& r = table.rows[i].result;
    r.value.reset();
    r.small_n = false;
    r.reason = short_windows[i];
    r.details.clear();  // a median of the days there are is as short as the value
    r.histogram.clear();
  }
}

}  // namespace cxkpi::cli
