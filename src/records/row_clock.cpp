#include "records/row_clock.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "errors.hpp"
#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// A duration of `seconds` and `nanos` (|nanos| < 2 s) in raw 1/10000 s, rounded half up as a
// seconds cell is: from times kept to the nanosecond, the exact duration rounded once. A
// negative duration stays negative however small, for check_contact to refuse (a response
// 10 µs before its contact opened is still before it).
std::int64_t raw_duration(std::int64_t seconds, std::int64_t nanos) {
  constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
  constexpr std::int64_t kNanosPerRaw = kNanosPerSecond / kAmountScale;
  static_assert(kNanosPerRaw * kAmountScale == kNanosPerSecond);
  if (nanos < 0) {  // borrow a second, so that the sign of the duration is that of `seconds`
    nanos += kNanosPerSecond;
    --seconds;
  }
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  const auto raw = seconds * kAmountScale + (nanos + kNanosPerRaw / 2) / kNanosPerRaw;
  return seconds < 0 && raw >= 0 ? -1 : raw;
}

// A time cell with no time in it: empty, or 0, which exports that write epoch seconds write
// for a time that never came (Chatwoot's first_reply_created_at of a conversation with no reply).
bool no_time(std::string_view text) {
  const auto t = trim(text);
  return t.empty() || t == "0";
}

// The columns a --time-format reads: a time of day beside a date is read as H:MM[:SS] only.
constexpr std::array kFormattedFields{RecordField::opened_at, RecordField::viewed_at, RecordField::date,
                                      RecordField::resolved_at, RecordField::first_response_at};

// A first response given as a duration (first_response_s) is the export's own measure: it
// cannot be cut to business hours, and beside a first_response_at the two would be two
// answers to one question.
void check_response_duration(const TableReader& reader, const RecordColumnMap& columns, bool business_hours) {
  const auto duration = columns.column_of(RecordField::first_response_s);
  if (!duration) return;
  const auto& header = reader.header();
  if (const auto time = columns.column_of(RecordField::first_response_at))
    throw Error::data(
        fmt::format("{}: columns {} and {} both give the first response, as a time and as a "
                    "duration (--label one of them keeps it out)",
                    reader.source_name(), quote_value(header[*time]), quote_value(header[*duration])));
  if (business_hours)
    throw Error::usage(
        fmt::format("{}: --business-hours: {} gives the first response as a duration, which cannot "
                    "be cut to opening hours: drop --business-hours (an export's own business-hours "
                    "column is read with --map first_response_s=HEADER)",
                    reader.source_name(), quote_value(header[*duration])));
}

}  // namespace

void MinuteMemo::remember(std::string_view text, const Timestamp& t, const PlacedTime& at, const LocalClock& clock) {
  valid_ = false;
  // The parse succeeded; these places make sure the two digits at kSeconds are its seconds.
  const bool fixed_places = text.size() >= kSeconds + 2 && text[4] == '-' && text[7] == '-' && text[13] == ':' &&
                            text[16] == ':' && is_digit(text[kSeconds]) && is_digit(text[kSeconds + 1]) &&
                            (text.size() == kSeconds + 2 || !is_digit(text[kSeconds + 2]));
  if (!fixed_places) return;
  const int seconds = (text[kSeconds] - '0') * 10 + (text[kSeconds + 1] - '0');
  if (seconds > 59) return;
  // A zone's offset changes on some minute, not inside this one: its first and last second
  // are 59 s apart on the clock and in time alike.
  Timestamp first = t;
  first.written_seconds -= seconds;
  Timestamp last = t;
  last.written_seconds += 59 - seconds;
  const auto start = clock.place(first);
  const auto end = clock.place(last);
  if (!start || !end || end->local - start->local != 59 || end->utc - start->utc != 59 ||
      start->local != at.local - seconds || start->utc != at.utc - seconds || start->repeated != end->repeated)
    return;
  text_.assign(text);
  minute_ = *start;
  fraction_end_ = kSeconds + 2;
  if (fraction_end_ < text.size() && (text[fraction_end_] == '.' || text[fraction_end_] == ','))
    while (++fraction_end_ < text.size() && is_digit(text[fraction_end_])) {
    }
  valid_ = true;
}

RowClock::RowClock(const TableReader& reader, const RecordColumnMap& columns, const LocalClock& clock,
                   const TimeFormats& formats, const std::optional<BusinessCalendar>& business_hours)
    : reader_(reader), clock_(clock), business_hours_(business_hours) {
  find_formats(columns, formats);
  check_response_duration(reader, columns, business_hours.has_value());
  using Kind = CheckedColumn::Kind;
  const auto column = [&](RecordField f) { return columns.column_of(f); };
  response_column_ = column(RecordField::first_response_at);
  resolved_column_ = column(RecordField::resolved_at);
  // One column holds the opened time, unless it is split into date and time; a
  // knowledge-base view log is timed by its views.
  if (columns.has(RecordField::opened_at)) {
    timestamp_column_ = column(RecordField::opened_at);
  } else if (columns.has(RecordField::date)) {
    date_column_ = column(RecordField::date);
    time_column_ = column(RecordField::time);
  } else {
    timestamp_column_ = column(RecordField::viewed_at);
  }
  // The time columns the opened time does not come from are checked all the same.
  const auto check_also = [&](RecordField f, Kind kind) {
    if (const auto c = column(f); c && c != timestamp_column_ && c != date_column_ && c != time_column_)
      checked_.push_back({*c, kind});
  };
  check_also(RecordField::viewed_at, Kind::timestamp);
  check_also(RecordField::date, Kind::date);
  check_also(RecordField::time, Kind::time_of_day);
}

// Each time column's --time-format; a column=FMT must name one of them.
void RowClock::find_formats(const RecordColumnMap& columns, const TimeFormats& formats) {
  const auto& header = reader_.header();
  formats_.assign(header.size(), nullptr);
  std::vector<std::string> names;
  for (const auto f : kFormattedFields)
    if (const auto c = columns.column_of(f)) {
      formats_[*c] = formats.of(header[*c], record_field_name(f));
      names.push_back(header[*c]);
    }
  for (const auto& [name, format] : formats.by_column)
    if (std::find(formats_.begin(), formats_.end(), &format) == formats_.end())
      throw Error::unknown(fmt::format("--time-format: {} has no timestamp or date column", reader_.source_name()),
                           name, names, {}, HintStyle::quoted);
}

bool RowClock::available() const {
  return timestamp_column_ || date_column_;
}

void RowClock::read(Contact& c) {
  opened_ = read_opened();
  for (const auto& checked : checked_)
    check(checked);
  if (!response_column_ && !resolved_column_) return;
  const auto response = instant_at(response_column_);
  const auto resolved = instant_at(resolved_column_);
  if (!opened_) return;                                            // no opened time: nothing to measure from
  if (response_column_) c.first_response = duration_to(response);  // else it may be a duration cell's
  c.resolution = duration_to(resolved);
}

std::optional<PlacedTime> RowClock::read_opened() {
  opened_has_time_ = true;
  if (timestamp_column_) {
    const auto text = reader_.cell(*timestamp_column_);
    // A remembered minute has a time of day. A --time-format's fields need not be where
    // ISO's are, so its cells are not remembered.
    const bool iso = formats_[*timestamp_column_] == nullptr;
    if (iso)
      if (const auto at = minute_.recall(text)) return at;
    const auto t = timestamp_at(*timestamp_column_);
    if (!t) return std::nullopt;
    const auto at = placed(*timestamp_column_, *t);
    if (iso) minute_.remember(text, *t, at, clock_);
    opened_has_time_ = t->has_time_of_day;
    return at;
  }
  if (!date_column_) return std::nullopt;
  std::string error;
  std::optional<Timestamp> time;
  if (const auto text = time_column_ ? reader_.cell(*time_column_) : std::string_view{}; !is_missing(text)) {
    time = parse_time_of_day(text, error);
    if (!time) fail(*time_column_, error);
  }
  const auto date = date_at(*date_column_);
  if (!date) return std::nullopt;
  opened_has_time_ = time.has_value();
  return placed(time ? *time_column_ : *date_column_, on_date(*date, time));
}

// The timestamp of a cell, nullopt for no time; throws Error for a cell that is none.
std::optional<Timestamp> RowClock::timestamp_at(std::size_t column) const {
  const auto text = reader_.cell(column);
  if (no_time(text)) return std::nullopt;
  std::string error;
  auto t = read_time_cell(text, formats_[column], error);
  if (!t) fail(column, error);
  return t;
}

std::optional<Timestamp> RowClock::date_at(std::size_t column) const {
  const auto text = reader_.cell(column);
  if (is_missing(text)) return std::nullopt;
  std::string error;
  auto t = read_date_cell(text, formats_[column], error);
  if (!t) fail(column, error);
  return t;
}

PlacedTime RowClock::placed(std::size_t column, const Timestamp& t) const {
  const auto at = clock_.place(t);
  if (!at) fail(column, fmt::format("{} {}", quote_value(reader_.cell(column)), clock_.skipped_reason(t)));
  return *at;
}

const PlacedTime& RowClock::opened() const {
  if (!opened_)
    fail(timestamp_column_ ? *timestamp_column_ : *date_column_,
         "empty cell, but this query places every row in time (--by, --from/--to, --window, --awaiting)");
  return *opened_;
}

const PlacedTime& RowClock::time_for(BucketBy by) const {
  const auto& at = opened();
  if (!opened_has_time_ && needs_time_of_day(by)) {
    const auto column = timestamp_column_ ? *timestamp_column_ : *date_column_;
    fail(column, fmt::format("{} is a date without a time of day, and periods within a day (--by hour, 15m, "
                             "hour-of-day, best-time-to-call) need one",
                             quote_value(reader_.cell(column))));
  }
  return at;
}

void RowClock::check(const CheckedColumn& checked) const {
  switch (checked.kind) {
    case CheckedColumn::Kind::timestamp:
      (void)instant_at(checked.column);
      break;
    case CheckedColumn::Kind::date:
      (void)date_at(checked.column);
      break;
    case CheckedColumn::Kind::time_of_day: {
      const auto text = reader_.cell(checked.column);
      std::string error;
      if (!is_missing(text) && !parse_time_of_day(text, error)) fail(checked.column, error);
      break;
    }
  }
}

std::optional<PlacedTime> RowClock::instant_at(std::optional<std::size_t> column) const {
  if (!column) return std::nullopt;
  const auto t = timestamp_at(*column);
  if (!t) return std::nullopt;
  return placed(*column, *t);
}

// Opening windows start and end on whole seconds, so a second is business time whole or
// not at all: the business time between two instants is that between their seconds, less
// the opened second's fraction and plus the later second's, each when its second is open.
std::optional<std::int64_t> RowClock::duration_to(const std::optional<PlacedTime>& at) const {
  if (!at) return std::nullopt;
  const auto& from = *opened_;
  auto seconds = at->utc - from.utc;
  std::int64_t nanos = at->nanos - from.nanos;
  if ((seconds > 0 || (seconds == 0 && nanos > 0)) && business_hours_) {
    seconds = business_seconds(from.utc, at->utc);
    nanos = (at->nanos == 0 ? 0 : at->nanos * business_seconds(at->utc, at->utc + 1)) -
            (from.nanos == 0 ? 0 : from.nanos * business_seconds(from.utc, from.utc + 1));
  }
  return raw_duration(seconds, nanos);
}

std::int64_t RowClock::business_seconds(std::int64_t from_utc, std::int64_t to_utc) const {
  return business_hours_->seconds_between(
      from_utc, to_utc, [this](std::int64_t utc) { return clock_.to_local(utc); },
      [this](std::int64_t local) { return clock_.to_utc(local); });
}

void RowClock::fail(std::size_t column, const std::string& message) const {
  throw Error::data(reader_.where(column), reader_.header()[column], message);
}

}  // namespace cxkpi::cli
