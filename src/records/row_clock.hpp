#pragma once
// The times of one row of a record log: when it was opened (opened_at, date + time, or a
// view log's viewed_at), and
// the first-response and resolution durations that follow from its other timestamps.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/record.hpp"
#include "io/table.hpp"
#include "records/record_columns.hpp"
#include "records/time_format.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

// The place (local time and instant) of a timestamp that differs from the last one
// remembered only in its seconds digits (`…T09:15:07Z` after `…T09:15:02Z`): rows of a log
// mostly share their minute with the row before, and a full parse and zone lookup per row
// would cost more than the rest of the row.
class MinuteMemo {
 public:
  /// The place of `text`, if it is the remembered minute. Inline: every row asks.
  [[nodiscard]] std::optional<PlacedTime> recall(std::string_view text) const {
    if (!valid_ || text.size() != text_.size()) return std::nullopt;
    const unsigned tens = static_cast<unsigned char>(text[kSeconds]) - unsigned{'0'};
    const unsigned ones = static_cast<unsigned char>(text[kSeconds + 1]) - unsigned{'0'};
    if (tens > 5 || ones > 9) return std::nullopt;  // :60 and anything odd take the full parse
    // Bytes before the seconds: two 8-byte words and the colon (remember() made sure of 17).
    std::uint64_t a[2];
    std::uint64_t b[2];
    std::memcpy(a, text.data(), sizeof a);
    std::memcpy(b, text_.data(), sizeof b);
    if (a[0] != b[0] || a[1] != b[1] || text[16] != text_[16]) return std::nullopt;
    // A fraction's digits change from row to row (at most nine: remember() made sure);
    // what follows them (`Z`, an offset) is short and must be the same.
    std::int32_t nanos = 0;
    std::size_t i = kSeconds + 2;
    if (fraction_end_ > i) {
      if (text[i] != text_[i]) return std::nullopt;
      for (std::int32_t scale = 100'000'000; ++i < fraction_end_; scale /= 10) {
        const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
        if (digit > 9) return std::nullopt;
        nanos += static_cast<std::int32_t>(digit) * scale;
      }
    }
    for (; i < text.size(); ++i)
      if (text[i] != text_[i]) return std::nullopt;
    const std::int64_t seconds = std::int64_t{tens} * 10 + ones;
    return PlacedTime{minute_.local + seconds, minute_.utc + seconds, minute_.repeated, nanos};
  }
  /// Remembers `text` (parsed as `t`, placed at `at`) when its seconds are at a fixed place
  /// and the zone's offset is the same all that minute; forgets otherwise.
  void remember(std::string_view text, const Timestamp& t, const PlacedTime& at, const LocalClock& clock);

 private:
  static constexpr std::size_t kSeconds = 17;  // YYYY-MM-DDTHH:MM:SS
  static_assert(kSeconds == 2 * sizeof(std::uint64_t) + 1);
  std::string text_;
  PlacedTime minute_;                    // the place of second 0 of the remembered minute
  std::size_t fraction_end_ = kSeconds;  // past the fraction's digits; kSeconds + 2 without one
  bool valid_ = false;
};

// The times of the current row. read() reads every time column the log has, each cell
// once, whatever the query: a cell that is not a time fails the row even when no figure
// asked for it. The opened time it found is then asked for by bucketing, --from/--to and
// the states that span rows.
class RowClock {
 public:
  /// Throws Error (usage) for a --time-format column=FMT naming no time column of the log.
  RowClock(const TableReader& reader, const RecordColumnMap& columns, const LocalClock& clock,
           const TimeFormats& formats, const std::optional<BusinessCalendar>& business_hours = std::nullopt);

  /// Whether the log has an opened time (opened_at, date and time, or viewed_at).
  [[nodiscard]] bool available() const;
  /// Reads and checks the current row's time cells and sets c.first_response and
  /// c.resolution (raw 1/10000 s) from them, counting business seconds only when business
  /// hours are set. Throws Error for a bad cell.
  void read(Contact& c);
  /// The current row's opened time, for periods of `by`; throws Error when the row has
  /// none, or only a date and `by` needs a time of day.
  [[nodiscard]] const PlacedTime& time_for(BucketBy by) const;
  /// UTC seconds of the current row's opened time; throws Error as local_seconds does.
  [[nodiscard]] std::int64_t opened_utc() const { return opened().utc; }

 private:
  // A time column that is read only to check it: a second timestamp (viewed_at beside
  // opened_at), or a date or time of day beside an opened_at.
  struct CheckedColumn {
    std::size_t column;
    enum class Kind : std::uint8_t { timestamp, date, time_of_day } kind;
  };
  void find_formats(const RecordColumnMap& columns, const TimeFormats& formats);
  [[nodiscard]] std::optional<Timestamp> timestamp_at(std::size_t column) const;
  [[nodiscard]] std::optional<Timestamp> date_at(std::size_t column) const;
  [[nodiscard]] const PlacedTime& opened() const;
  [[nodiscard]] std::optional<PlacedTime> read_opened();
  /// `t` of `column` placed in the zone; throws Error for a time the zone skips.
  [[nodiscard]] PlacedTime placed(std::size_t column, const Timestamp& t) const;
  [[nodiscard]] std::optional<PlacedTime> instant_at(std::optional<std::size_t> column) const;
  void check(const CheckedColumn& checked) const;
  [[nodiscard]] std::optional<std::int64_t> duration_to(const std::optional<PlacedTime>& at) const;
  [[nodiscard]] std::int64_t business_seconds(std::int64_t from_utc, std::int64_t to_utc) const;
  [[noreturn]] void fail(std::size_t column, const std::string& message) const;

  const TableReader& reader_;
  const LocalClock& clock_;
  const std::optional<BusinessCalendar>& business_hours_;
  std::optional<std::size_t> timestamp_column_;  // opened_at or viewed_at; none for date + time
  std::optional<std::size_t> date_column_;       // the opened date, when it is split into date and time
  std::optional<std::size_t> time_column_;       // its time of day
  std::optional<std::size_t> response_column_;   // first_response_at
  std::optional<std::size_t> resolved_column_;   // resolved_at
  std::vector<CheckedColumn> checked_;
  std::vector<const TimeFormat*> formats_;  // by column: its --time-format, or null
  MinuteMemo minute_;
  std::optional<PlacedTime> opened_;  // the current row's, empty for an empty cell
  bool opened_has_time_ = true;       // false when the opened time is a bare date
};

}  // namespace cxkpi::cli
