#pragma once
// The times of one row of a record log: when it was opened (opened_at, date + time, or a
// view log's viewed_at), and
// the first-response and resolution durations that follow from its other timestamps.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "cxkpi/record.hpp"
#include "io/table.hpp"
#include "records/record_columns.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

// The local time of a timestamp that differs from the last one remembered only in its
// seconds digits (`…T09:15:07Z` after `…T09:15:02Z`): rows of a log mostly share their
// minute with the row before, and a full parse and zone lookup per row would cost more
// than the rest of the row.
class MinuteMemo {
 public:
  /// The local seconds of `text`, if it is the remembered minute. Inline: every row asks.
  [[nodiscard]] std::optional<std::int64_t> recall(std::string_view text) const {
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
    for (std::size_t i = kSeconds + 2; i < text.size(); ++i)  // `Z`, an offset or a fraction: short
      if (text[i] != text_[i]) return std::nullopt;
    return minute_local_ + tens * 10 + ones;
  }
  /// Remembers `text` (parsed as `t`, at `local`) when its seconds are at a fixed place and
  /// the zone's offset is the same all that minute; forgets otherwise.
  void remember(std::string_view text, const Timestamp& t, std::int64_t local, const LocalClock& clock);

 private:
  static constexpr std::size_t kSeconds = 17;  // YYYY-MM-DDTHH:MM:SS
  static_assert(kSeconds == 2 * sizeof(std::uint64_t) + 1);
  std::string text_;
  std::int64_t minute_local_ = 0;
  bool valid_ = false;
};

class RowClock {
 public:
  RowClock(const TableReader& reader, const RecordColumnMap& columns, const LocalClock& clock,
           const std::optional<BusinessCalendar>& business_hours = std::nullopt);

  /// Whether the log has an opened time (opened_at, date and time, or viewed_at).
  [[nodiscard]] bool available() const;
  /// Local seconds of the current row's opened time; throws Error for an unreadable or missing time.
  [[nodiscard]] std::int64_t local_seconds() const;
  /// UTC seconds of the current row's opened time; throws Error as local_seconds does.
  [[nodiscard]] std::int64_t opened_utc() const;
  /// Sets c.first_response and c.resolution (raw 1/10000 s) from the row's timestamps,
  /// counting business seconds only when business hours are set. Throws Error for a bad cell.
  void read_durations(Contact& c) const;

 private:
  [[nodiscard]] Timestamp opened() const;
  [[nodiscard]] std::optional<std::int64_t> utc_of(RecordField f) const;
  [[nodiscard]] std::optional<std::int64_t> duration_to(RecordField f, std::int64_t opened) const;

  const TableReader& reader_;
  const RecordColumnMap& columns_;
  const LocalClock& clock_;
  const std::optional<BusinessCalendar>& business_hours_;
  std::optional<std::size_t> timestamp_column_;  // opened_at or viewed_at; none for date + time
  bool measures_durations_ = false;              // an opened time and first_response_at or resolved_at
  mutable MinuteMemo minute_;
};

}  // namespace cxkpi::cli
