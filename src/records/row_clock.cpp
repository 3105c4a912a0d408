#include "records/row_clock.hpp"

#include <cstring>
#include <string>

#include "errors.hpp"
#include "io/values.hpp"

namespace cxkpi::cli {

void MinuteMemo::remember(std::string_view text, const Timestamp& t, std::int64_t local, const LocalClock& clock) {
  valid_ = false;
  // The parse succeeded; these places make sure the two digits at kSeconds are its seconds.
  const bool fixed_places = text.size() >= kSeconds + 2 && text[4] == '-' && text[7] == '-' && text[13] == ':' &&
                            text[16] == ':' && is_digit(text[kSeconds]) && is_digit(text[kSeconds + 1]) &&
                            (text.size() == kSeconds + 2 || !is_digit(text[kSeconds + 2]));
  if (!fixed_places) return;
  const int seconds = (text[kSeconds] - '0') * 10 + (text[kSeconds + 1] - '0');
  if (seconds > 59) return;
  if (t.offset_seconds) {  // a zone's offset changes on some minute: not inside this one
    const auto minute_utc = t.written_seconds - *t.offset_seconds - seconds;
    if (clock.to_local(minute_utc + 59) - clock.to_local(minute_utc) != 59) return;
  }
  text_.assign(text);
  minute_local_ = local - seconds;
  valid_ = true;
}

RowClock::RowClock(const TableReader& reader, const RecordColumnMap& columns, const LocalClock& clock,
                   const std::optional<BusinessCalendar>& business_hours)
    : reader_(reader), columns_(columns), clock_(clock), business_hours_(business_hours) {
  measures_durations_ =
      available() && (columns.has(RecordField::first_response_at) || columns.has(RecordField::resolved_at));
  // One column holds the opened time, unless it is split into date and time; a
  // knowledge-base view log is timed by its views.
  if (columns.has(RecordField::opened_at))
    timestamp_column_ = columns.column_of(RecordField::opened_at);
  else if (!columns.has(RecordField::date))
    timestamp_column_ = columns.column_of(RecordField::viewed_at);
}

bool RowClock::available() const {
  return columns_.has(RecordField::opened_at) || columns_.has(RecordField::date) ||
         columns_.has(RecordField::viewed_at);
}

Timestamp RowClock::opened() const {
  std::string error;
  std::optional<Timestamp> t;
  std::size_t blame = 0;  // the column named in a message
  if (timestamp_column_) {
    blame = *timestamp_column_;
    t = parse_timestamp(reader_.cell(blame), error);
  } else {
    blame = *columns_.column_of(RecordField::date);
    const auto time_col = columns_.column_of(RecordField::time);
    t = parse_date_and_time(reader_.cell(blame), time_col ? reader_.cell(*time_col) : std::string_view{}, error);
  }
  if (!t) throw Error::data(reader_.where(blame), reader_.header()[blame], error);
  return *t;
}

std::int64_t RowClock::local_seconds() const {
  if (!timestamp_column_) return clock_.local_seconds(opened());
  const auto text = reader_.cell(*timestamp_column_);
  if (const auto local = minute_.recall(text)) return *local;
  const auto t = opened();
  const auto local = clock_.local_seconds(t);
  minute_.remember(text, t, local, clock_);
  return local;
}

std::int64_t RowClock::opened_utc() const {
  return clock_.utc_seconds(opened());
}

std::optional<std::int64_t> RowClock::utc_of(RecordField f) const {
  const auto col = columns_.column_of(f);
  if (!col || is_missing(reader_.cell(*col))) return std::nullopt;
  std::string error;
  const auto t = parse_timestamp(reader_.cell(*col), error);
  if (!t) throw Error::data(reader_.where(*col), reader_.header()[*col], error);
  return clock_.utc_seconds(*t);
}

std::optional<std::int64_t> RowClock::duration_to(RecordField f, std::int64_t opened) const {
  const auto at = utc_of(f);
  if (!at) return std::nullopt;
  auto seconds = *at - opened;
  if (seconds > 0 && business_hours_)
    seconds = business_hours_->seconds_between(
        opened, *at, [this](std::int64_t utc) { return clock_.to_local(utc); },
        [this](std::int64_t local) { return clock_.to_utc(local); });
  return seconds * kAmountScale;
}

void RowClock::read_durations(Contact& c) const {
  if (!measures_durations_) return;
  const auto opened_col = timestamp_column_ ? *timestamp_column_ : *columns_.column_of(RecordField::date);
  if (is_missing(reader_.cell(opened_col))) return;  // no opened time: nothing to measure from
  const auto opened = opened_utc();
  c.first_response = duration_to(RecordField::first_response_at, opened);
  c.resolution = duration_to(RecordField::resolved_at, opened);
}

}  // namespace cxkpi::cli
