#pragma once
// Maps input headers to canonical fields: case-insensitively, after trimming, through
// built-in aliases, and through `--map field=Header` overrides. The same alias table names
// the inputs of a table of intervals (erlang-c).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxkpi/fields.hpp"
#include "cxkpi/sums.hpp"
#include "errors.hpp"
#include "io/duration_unit.hpp"

namespace cxkpi::cli {

/// What one input column is.
struct ColumnRole {
  enum class Kind { field, period, label } kind = Kind::label;
  Field field{};                              // when kind == field
  DurationUnit unit = DurationUnit::seconds;  // a seconds field's cells
};

/// A `--map field=Header[:SPEC]` override, as given: SPEC is a duration's unit (ms, s, min,
/// h, hh:mm:ss) or a flag's words for yes (AGENT,ANSWERED).
struct ColumnOverride {
  std::string canonical;  // a field name, or "period"
  std::string header;
  std::string spec{};  // empty when none

  /// "talk_s=Total Talk:ms", for messages.
  [[nodiscard]] std::string text() const;
};

/// `field=Header[:SPEC]` split at its '=' and its last ':' (or ":hh:mm:ss"). Throws Error
/// (usage) when there is no field or no header.
ColumnOverride parse_column_override(std::string_view text);

/// The column a --map names and the SPEC that applies to it: a header with a colon of its
/// own ("Talk: total") is found whole when it is no header without the text after the colon.
struct MappedColumn {
  std::size_t column;
  std::string_view spec;
};
std::optional<MappedColumn> find_mapped_column(const std::vector<std::string>& header, const ColumnOverride& o);

class ColumnMap {
 public:
  /// Throws Error (usage) for an override naming an unknown field or a missing header, and
  /// (data) when two columns map to the same field.
  ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
            const std::string& source);

  [[nodiscard]] const ColumnRole& role(std::size_t column) const { return roles_[column]; }
  [[nodiscard]] std::size_t size() const { return roles_.size(); }
  /// The column holding `f`, if any.
  [[nodiscard]] std::optional<std::size_t> column_of(Field f) const;
  [[nodiscard]] std::optional<std::size_t> period_column() const { return period_; }
  /// Columns that are neither a field nor the period: they label rows (e.g. channel).
  [[nodiscard]] const std::vector<std::size_t>& label_columns() const { return labels_; }
  [[nodiscard]] FieldSet fields() const;

 private:
  std::vector<ColumnRole> roles_;
  std::optional<std::size_t> period_;
  std::vector<std::size_t> labels_;
};

/// What a header means without overrides; a header whose name ends in a unit
/// ("talk_time_ms", "Hold (in minutes)") is the duration its name means, in that unit.
ColumnRole role_of_header(std::string_view header);

/// "talk_s (ms)": the field of a field column as it is read, for -v and `cxkpi columns`.
std::string field_reading(const ColumnRole& role);

/// Every header a period table's columns are known by: field names, their aliases and the
/// names of the period column.
const std::vector<std::string_view>& period_header_names();

/// The inputs of a table of intervals (erlang-c) that a column can hold.
enum class StaffingColumn : std::uint8_t { none, calls, interval_s, aht };

/// Which input of a table of intervals a header names, by name or alias: "Forecast Calls" and
/// "volume" are calls, "AHT (s)" is aht. Columns the field map reads as offered or contacts
/// are not among them (erlang-c falls back on those).
StaffingColumn staffing_column_of_header(std::string_view header);

/// The column whose header is `name`, or else matches it after normalising both, if any.
std::optional<std::size_t> find_column(const std::vector<std::string>& header, std::string_view name);

/// The usage error for a `flag` naming a column `source` does not have, with a hint.
Error no_such_column(const std::vector<std::string>& header, std::string_view name, std::string_view source,
                     std::string_view flag);

}  // namespace cxkpi::cli
