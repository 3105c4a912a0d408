#pragma once
// The times of one row of a record log: when it was opened (opened_at, date + time, or a
// view log's viewed_at), and
// the first-response and resolution durations that follow from its other timestamps.

#include <cstdint>
#include <optional>

#include "cxkpi/record.hpp"
#include "io/table.hpp"
#include "records/record_columns.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

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
};

}  // namespace cxkpi::cli
