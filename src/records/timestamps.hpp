#pragma once
// Timestamps of record logs, and the periods (buckets) they fall into in a time zone.
//
// ISO-8601 with or without an offset (`2026-03-04T09:00:00Z`, `2026-03-04 09:00`,
// `…+02:00`), a bare date, or separate date and time columns. Timestamps without an offset
// are local to --tz; bucketing is always in --tz local time (DST-aware through the system
// tz database). A fraction of the second is kept to the nanosecond (`09:00:00.123456Z`);
// more digits are refused. Periods need whole seconds only; durations keep the fraction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace cxkpi::cli {

/// A parsed timestamp: seconds since the epoch of the time as written, and its UTC offset
/// when one was written.
struct Timestamp {
  std::int64_t written_seconds = 0;            // the wall-clock reading, as if it were UTC
  std::optional<std::int64_t> offset_seconds;  // set for `Z` or `±hh:mm`
  bool has_time_of_day = true;                 // false for a bare date (`2026-03-04`)
  std::int32_t nanos = 0;                      // the fraction of the second, in nanoseconds
};

/// Decimals of a second a time keeps: nanoseconds.
inline constexpr std::size_t kMaxFractionDigits = 9;

/// Parses an ISO-8601 timestamp or date; on failure returns nullopt and sets `error`.
std::optional<Timestamp> parse_timestamp(std::string_view text, std::string& error);
/// Parses a date cell (`2026-03-04`): the day, with no time of day.
std::optional<Timestamp> parse_date(std::string_view date, std::string& error);
/// Parses a time-of-day cell (`9:05`, `09:05:30`, with an optional offset): its seconds
/// since midnight as `written_seconds`.
std::optional<Timestamp> parse_time_of_day(std::string_view time, std::string& error);
/// `date` at `time_of_day` (or midnight when there is none), as the two cells say.
Timestamp on_date(Timestamp date, const std::optional<Timestamp>& time_of_day);
/// Parses separate date and time cells; an empty time cell is midnight.
std::optional<Timestamp> parse_date_and_time(std::string_view date, std::string_view time, std::string& error);

/// A timestamp placed in a zone: its wall-clock reading there and its instant.
struct PlacedTime {
  std::int64_t local = 0;  // wall clock in the zone, counted as if UTC
  std::int64_t utc = 0;    // seconds since the epoch
  bool repeated = false;   // the later of two instants a change back from summer time gives one reading
  std::int32_t nanos = 0;  // the fraction of the second, in nanoseconds
};

/// Converts timestamps to local time in one zone (UTC unless --tz names another).
class LocalClock {
 public:
  /// Throws Error (usage) for an unknown zone name, with a hint.
  explicit LocalClock(const std::string& zone_name);
  /// Local seconds (wall clock in the zone, counted as if UTC) for `t`.
  [[nodiscard]] std::int64_t local_seconds(const Timestamp& t) const;
  /// Seconds since the epoch (UTC) of `t`; a time without offset is local to the zone.
  [[nodiscard]] std::int64_t utc_seconds(const Timestamp& t) const;
  /// Both readings of `t` at once: its local time in the zone and its instant. Nullopt for
  /// a time without offset that does not exist in the zone (the clocks skip it when summer
  /// time starts); a reading the zone repeats is the earlier instant; a bare date is the
  /// day's first instant.
  [[nodiscard]] std::optional<PlacedTime> place(const Timestamp& t) const;
  /// Why `t`, which place() refused, is no time in the zone.
  [[nodiscard]] std::string skipped_reason(const Timestamp& t) const;
  [[nodiscard]] std::int64_t to_local(std::int64_t utc) const;
  /// The UTC time of a local wall-clock reading; a reading in a DST gap or overlap takes
  /// the earlier instant.
  [[nodiscard]] std::int64_t to_utc(std::int64_t local) const;
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  [[nodiscard]] bool is_repeated(std::int64_t utc) const;

  std::string name_;
  const date::time_zone* zone_ = nullptr;  // nullptr = UTC
};

/// weekday_hour (label `Mon 09`, order 0 … 167) is internal to best-time-to-call, not a --by name.
/// `interval` is `--by 15m`: intervals of a number of minutes, given beside it.
enum class BucketBy { all, hour, day, week, month, quarter, year, weekday, hour_of_day, weekday_hour, interval };

std::optional<BucketBy> bucket_by_named(std::string_view name);

/// The minutes of a --by interval (`15m` → 15), or nullopt when `text` is no `<N>m`.
std::optional<std::int32_t> interval_minutes_named(std::string_view text);
/// Why an interval of `minutes` cannot be a period (empty when it can): it must divide an hour,
/// or be whole hours that divide a day, so that intervals start at the same clock times.
std::string interval_refusal(std::int32_t minutes);

/// A period: its label (`2026-W07`, `2026-03-04`, `Mon`, …) and a key that sorts periods in
/// time order.
struct Period {
  std::int64_t order = 0;
  std::string label;
};

/// Whether periods of `by` need a time of day (a bare date has none).
bool needs_time_of_day(BucketBy by);

/// The period of local time `local_seconds`; `minutes` is the length of a BucketBy::interval
/// (`2026-03-04T09:15`, intervals counted from local midnight).
Period period_of(std::int64_t local_seconds, BucketBy by, std::int32_t minutes = 0);
/// The period of a placed time: as above, except that a local hour the zone repeats is two
/// hours, the later labelled with its UTC offset (`2026-10-25T02+01:00`, after
/// `2026-10-25T02`, as a time written without offset reads the earlier one). So are the
/// intervals of an hour or less in it (`2026-10-25T02:15+01:00`); a longer interval holds
/// both readings, as a day does.
Period period_of(const PlacedTime& at, BucketBy by, std::int32_t minutes = 0);
/// Whether `by` (with `minutes`) gives the repeated readings of an hour periods of their own.
bool splits_repeated_hour(BucketBy by, std::int32_t minutes);

}  // namespace cxkpi::cli
