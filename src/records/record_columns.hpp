#pragma once
// Columns of a record-level log (one row per contact): one table row per column says all the
// CLI knows of it (its name, the headers of common exports that mean it, how its cells are
// read into a Contact, whether only a record log has it), and which canonical column each
// header of a log is, through those aliases and --map overrides.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/record.hpp"
#include "io/cell_format.hpp"
#include "io/column_map.hpp"

namespace cxkpi::cli {

/// How the cells of a column go into a Contact: not at all (times and texts, which the row
/// clock, --group and the states that span rows read), or as a flag, an amount in `unit`, a
/// score, or whether the cell is there at all. One member pointer is set, of the shape's type.
struct CellReading {
  enum class Shape : std::uint8_t { unread, flag, amount, score, presence };
  Shape shape = Shape::unread;
  FieldKind unit = FieldKind::count;
  std::optional<bool> Contact::*flag = nullptr;
  std::optional<std::int64_t> Contact::*amount = nullptr;
  std::optional<int> Contact::*score = nullptr;
  std::optional<bool> Contact::*presence = nullptr;
};

/// Whether a header that means the column says the table is a record log: a period table
/// names counts like `answered` too, but never a `wait_s` or an `id`.
enum class Evidence : std::uint8_t { any_table, log_only };

/// One record column.
struct RecordColumn {
  RecordField field;
  std::string_view name;  // canonical, as METRICS.md and --map name it
  CellReading reading;
  Evidence evidence;
  std::string_view aliases;  // normalised headers of common exports, separated by spaces
};

/// Every record column, at the index of its RecordField.
std::span<const RecordColumn, kRecordFieldCount> record_columns();

std::string_view record_field_name(RecordField f);
std::optional<RecordField> record_field_named(std::string_view canonical);

/// Every header a record log's columns are known by: canonical names, then aliases.
const std::vector<std::string_view>& record_header_names();

/// What a header means in a record log, without overrides; a header whose name ends in a
/// unit ("talk_time_ms", "Hold (in minutes)") is the duration its name means.
std::optional<RecordField> record_role_of_header(std::string_view header);

/// Whether a column's cells are a duration, a yes/no flag or another thing, for --map's SPEC.
CellKind cell_kind_of(RecordField f);

class RecordColumnMap {
 public:
  /// Throws Error (usage) for an override naming an unknown field or a missing header. A
  /// column of `labels` (--label's and a preset's) is read as a field only when an override
  /// maps it, never by its header.
  RecordColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                  const std::string& source, const std::vector<std::string>& labels = {});

  [[nodiscard]] std::optional<std::size_t> column_of(RecordField f) const { return columns_[index(f)]; }
  [[nodiscard]] bool has(RecordField f) const { return columns_[index(f)].has_value(); }
  /// The columns the log has, for cxkpi::supplied_fields.
  [[nodiscard]] RecordColumns present() const;
  /// The header's field, if it is one (for `cxkpi columns`).
  [[nodiscard]] std::optional<RecordField> field_at(std::size_t column) const;
  /// How the cells of field `f`'s column are written: its unit, or the words for yes.
  [[nodiscard]] const CellFormat& format_of(RecordField f) const { return formats_[index(f)]; }
  /// "talk_s (ms)": the fields of a column as they are read, for -v and `cxkpi columns`.
  [[nodiscard]] std::optional<std::string> reading_at(std::size_t column) const;

 private:
  static std::size_t index(RecordField f) { return static_cast<std::size_t>(f); }
  void map_override(const std::vector<std::string>& header, const ColumnOverride& o, const std::string& source);
  std::array<std::optional<std::size_t>, kRecordFieldCount> columns_{};
  std::array<CellFormat, kRecordFieldCount> formats_{};
};

/// How many headers (or --map overrides) look like a record log, and how many like a period
/// table; the larger decides the shape when --shape is not given.
struct ShapeEvidence {
  std::size_t record_columns = 0;
  std::size_t period_columns = 0;
};
ShapeEvidence shape_evidence(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides = {});

}  // namespace cxkpi::cli
