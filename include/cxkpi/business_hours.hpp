#pragma once
/// Business hours: weekly opening windows (`Mon-Fri 09:00-18:00; Sat 10:00-14:00`) minus
/// holidays, and the number of business seconds between two instants.
///
/// Windows are local wall-clock times. The caller supplies the zone as two conversions
/// (UTC seconds ↔ local seconds), so that a window on a day with a DST change still counts
/// the real seconds that passed, and the library needs no time-zone database of its own.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi {

inline constexpr std::int64_t kSecondsPerDay = 86400;

/// Days since 1970-01-01 of a local-seconds value (floor, also before 1970).
constexpr std::int64_t day_of(std::int64_t local_seconds) {
  return local_seconds >= 0 ? local_seconds / kSecondsPerDay : (local_seconds - kSecondsPerDay + 1) / kSecondsPerDay;
}

/// Weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
constexpr int weekday_of_day(std::int64_t day) {
  const auto w = (day + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

inline constexpr std::array<std::string_view, 7> kWeekdayNames{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct OpeningWindow {
  std::int64_t start = 0;  ///< seconds after local midnight
  std::int64_t end = 0;    ///< exclusive; up to 86400 (24:00)
};

class BusinessCalendar {
 public:
  /// Parses `Mon-Fri 09:00-18:00`, clauses joined by `;` or `,` (`Mon-Fri 09:00-17:00; Sat
  /// 10:00-14:00`). Day ranges may wrap (`Sat-Sun`, `Fri-Mon`). Returns nullopt and sets
  /// `error` on anything else.
  static std::optional<BusinessCalendar> parse(std::string_view spec, std::string& error) {
    BusinessCalendar cal;
    std::size_t clauses = 0;
    while (!spec.empty()) {
      const auto cut = spec.find_first_of(";,");
      const auto clause = trim(spec.substr(0, cut));
      spec = cut == std::string_view::npos ? std::string_view{} : spec.substr(cut + 1);
      if (clause.empty()) continue;
      if (!cal.add_clause(clause, error)) return std::nullopt;
      ++clauses;
    }
    if (clauses == 0) {
      error = "is empty (expected e.g. \"Mon-Fri 09:00-18:00\")";
      return std::nullopt;
    }
    return cal;
  }

  /// Local days (see day_of) on which no window opens.
  void add_holiday(std::int64_t day) { holidays_.insert(day); }
  [[nodiscard]] std::size_t holiday_count() const { return holidays_.size(); }

  /// Business seconds in [from_utc, to_utc): the parts of opening windows that lie between
  /// them. `to_local(utc)` and `to_utc(local)` convert seconds in the zone of the windows.
  template <class ToLocal, class ToUtc>
  [[nodiscard]] std::int64_t seconds_between(std::int64_t from_utc, std::int64_t to_utc, ToLocal to_local,
                                             ToUtc to_utc_of) const {
    if (to_utc <= from_utc) return 0;
    std::int64_t total = 0;
    const auto last = day_of(to_local(to_utc));
    for (auto day = day_of(to_local(from_utc)); day <= last; ++day) {
      if (holidays_.count(day) != 0) continue;
      for (const auto& w : windows_[static_cast<std::size_t>(weekday_of_day(day))]) {
        const auto open = std::max(from_utc, to_utc_of(day * kSecondsPerDay + w.start));
        const auto close = std::min(to_utc, to_utc_of(day * kSecondsPerDay + w.end));
        if (close > open) total += close - open;
      }
    }
    return total;
  }

  [[nodiscard]] const std::vector<OpeningWindow>& windows(int weekday) const {
    return windows_[static_cast<std::size_t>(weekday)];
  }

 private:
  static std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
      s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
      s.remove_suffix(1);
    return s;
  }
  static std::optional<int> weekday_named(std::string_view name) {
    for (std::size_t i = 0; i < kWeekdayNames.size(); ++i) {
      const auto w = kWeekdayNames[i];
      if (name.size() == 3 &&
          std::tolower(static_cast<unsigned char>(name[0])) == std::tolower(static_cast<unsigned char>(w[0])) &&
          std::tolower(static_cast<unsigned char>(name[1])) == w[1] &&
          std::tolower(static_cast<unsigned char>(name[2])) == w[2])
        return static_cast<int>(i);
    }
    return std::nullopt;
  }
  // "09:00" → 32400; "24:00" allowed as an end.
  static std::optional<std::int64_t> clock_of(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (const auto i : {0, 1, 3, 4})
      if (!std::isdigit(static_cast<unsigned char>(t[static_cast<std::size_t>(i)]))) return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return std::int64_t{h} * 3600 + std::int64_t{m} * 60;
  }
  bool add_clause(std::string_view clause, std::string& error) {
    const auto space = clause.find(' ');
    const auto days = clause.substr(0, space);
    const auto hours = space == std::string_view::npos ? std::string_view{} : trim(clause.substr(space + 1));
    const auto dash = days.find('-');
    const auto first = weekday_named(days.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : weekday_named(days.substr(dash + 1));
    const auto hdash = hours.find('-');
    const auto open = clock_of(hours.substr(0, hdash));
    // -1 (not std::optional): GCC 12 misreads an optional here as used uninitialised.
    const std::int64_t close = hdash == std::string_view::npos ? -1 : clock_of(hours.substr(hdash + 1)).value_or(-1);
    if (!first || !last || !open || close <= *open) {
      error = "clause \"" + std::string(clause) +
              "\" is not \"Day[-Day] HH:MM-HH:MM\" with the end after the start (e.g. \"Mon-Fri 09:00-18:00\")";
      return false;
    }
    for (int d = *first;; d = (d + 1) % 7) {
      add_window(windows_[static_cast<std::size_t>(d)], {*open, close});
      if (d == *last) break;
    }
    return true;
  }
  // Keeps a day's windows sorted and disjoint, so overlapping clauses never count twice.
  static void add_window(std::vector<OpeningWindow>& day, OpeningWindow w) {
    day.push_back(w);
    std::sort(day.begin(), day.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<OpeningWindow> merged;
    for (const auto& x : day) {
      if (!merged.empty() && x.start <= merged.back().end)
        merged.back().end = std::max(merged.back().end, x.end);
      else
        merged.push_back(x);
    }
    day = std::move(merged);
  }

  std::array<std::vector<OpeningWindow>, 7> windows_;
  std::set<std::int64_t> holidays_;
};

}  // namespace cxkpi
