#include "records/time_format.hpp"

// GCC 12 sees date::from_stream's seconds (a long double it sets only when %S reads them)
// as maybe used uninitialised when inlined here; date.h is not cxkpi's to change.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>
#pragma GCC diagnostic pop
#include <fmt/format.h>

#include <chrono>
#include <sstream>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Whether `format` has a conversion of the time of day; without one (`%d/%m/%Y`) a cell is a
// bare date, as `2026-03-04` is.
bool names_time_of_day(std::string_view format) {
  for (std::size_t i = 0; i + 1 < format.size(); ++i)
    if (format[i] == '%' && std::string_view("HIMSTRrXcs").find(format[i + 1]) != std::string_view::npos) return true;
  return false;
}

// column=FMT: a name before the first '=' that comes before any conversion.
std::optional<std::pair<std::string, std::string>> split_column(const std::string& value) {
  const auto eq = value.find('=');
  if (eq == std::string::npos || eq == 0 || value.find('%') < eq) return std::nullopt;
  return std::pair{value.substr(0, eq), value.substr(eq + 1)};
}

}  // namespace

TimeFormat::TimeFormat(std::string format) : format_(std::move(format)), has_time_of_day_(names_time_of_day(format_)) {
  if (format_.find('%') == std::string::npos)
    throw Error::usage(fmt::format("--time-format {} has no conversion such as %d/%m/%Y %H:%M (strftime-style)",
                                   quote_value(format_)));
  // date::parse ignores %p after %I (HowardHinnant/date#893): 08:05 PM would read as 08:05.
  if (format_.find("%p") != std::string::npos)
    throw Error::usage(
        fmt::format("--time-format {}: %p is not applied to %I by the date parser cxkpi uses, so "
                    "PM times would read as AM; write a 12-hour time as %r (08:05:00 PM)",
                    quote_value(format_)));
}

std::optional<Timestamp> TimeFormat::read(std::string_view text) const {
  std::istringstream in{std::string(text)};
  date::local_time<std::chrono::nanoseconds> time;
  std::string zone;
  auto offset = std::chrono::minutes::min();  // stays so unless %z reads one
  in >> date::parse(format_, time, zone, offset);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  if (!zone.empty() && zone != "UTC" && zone != "GMT" && zone != "Z") return std::nullopt;  // EST: a guess
  const auto seconds = date::floor<std::chrono::seconds>(time);
  Timestamp t;
  t.written_seconds = seconds.time_since_epoch().count();
  t.nanos = static_cast<std::int32_t>((time - seconds).count());
  t.has_time_of_day = has_time_of_day_;
  if (offset != std::chrono::minutes::min()) t.offset_seconds = std::int64_t{offset.count()} * 60;
  if (!zone.empty()) t.offset_seconds = 0;
  return t;
}

TimeFormats TimeFormats::parse(const std::vector<std::string>& values) {
  TimeFormats formats;
  for (const auto& value : values) {
    if (auto named = split_column(value)) {
      formats.by_column.emplace_back(std::move(named->first), TimeFormat(std::move(named->second)));
    } else {
      if (formats.all)
        throw Error::usage("--time-format FMT is given twice; name a column for the second (column=FMT)");
      formats.all.emplace(value);
    }
  }
  return formats;
}

const TimeFormat* TimeFormats::of(std::string_view header, std::string_view field) const {
  for (const auto& [column, format] : by_column)
    if (column == header || normalize_header(column) == normalize_header(header) || column == field) return &format;
  return all ? &*all : nullptr;
}

namespace {

// `text` read by `format` if it reads it as `wanted` allows, else by `built_in`.
template <typename BuiltIn, typename Wanted>
std::optional<Timestamp> read_cell(std::string_view text, const TimeFormat* format, std::string& error,
                                   const BuiltIn& built_in, const Wanted& wanted) {
  if (format != nullptr)
    if (auto t = format->read(text); t && wanted(*t)) return t;
  auto t = built_in(text, error);
  if (!t && format != nullptr) error += fmt::format("; nor does --time-format {} read it", format->text());
  return t;
}

}  // namespace

std::optional<Timestamp> read_time_cell(std::string_view text, const TimeFormat* format, std::string& error) {
  return read_cell(text, format, error, parse_timestamp, [](const Timestamp&) { return true; });
}

std::optional<Timestamp> read_date_cell(std::string_view text, const TimeFormat* format, std::string& error) {
  return read_cell(text, format, error, parse_date, [](const Timestamp& t) { return !t.has_time_of_day; });
}

}  // namespace cxkpi::cli
