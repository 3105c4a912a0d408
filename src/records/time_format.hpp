#pragma once
// --time-format: times an export writes in a form of its own (`02/03/2026 08:05`), read with
// a strftime-style format (Howard Hinnant's date::parse) before the built-in forms
// (parse_timestamp), for every time column or for one.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records/timestamps.hpp"

namespace cxkpi::cli {

class TimeFormat {
 public:
  /// Throws Error (usage) for a format without a conversion, or with one cxkpi cannot trust.
  explicit TimeFormat(std::string format);
  /// `text` read by the format, whole; nullopt when the format does not read it.
  [[nodiscard]] std::optional<Timestamp> read(std::string_view text) const;
  [[nodiscard]] const std::string& text() const { return format_; }

 private:
  std::string format_;
  bool has_time_of_day_ = true;
};

/// The --time-format values: one for every time column, and one per named column.
struct TimeFormats {
  std::optional<TimeFormat> all;
  std::vector<std::pair<std::string, TimeFormat>> by_column;  // column name as given, format

  /// Parses FMT and column=FMT values; throws Error (usage) for a bad one.
  static TimeFormats parse(const std::vector<std::string>& values);
  /// The format of a time column, known by its header and the field it holds; null for none.
  [[nodiscard]] const TimeFormat* of(std::string_view header, std::string_view field) const;
};

/// A time cell: read by `format` when there is one and it reads the cell, else by the
/// built-in forms; on failure sets `error`, naming the format too.
std::optional<Timestamp> read_time_cell(std::string_view text, const TimeFormat* format, std::string& error);
/// A date cell (`2026-03-04`, or a date `format` reads without a time of day), as above.
std::optional<Timestamp> read_date_cell(std::string_view text, const TimeFormat* format, std::string& error);

}  // namespace cxkpi::cli
