#pragma once
// Columns of a record-level log (one row per contact): which canonical record field each
// header is, through built-in aliases for common exports and --map overrides.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/record.hpp"
#include "io/column_map.hpp"

namespace cxkpi::cli {

enum class RecordField {
  id,
  opened_at,
  date,
  time,
  first_response_at,
  resolved_at,
  channel,
  queue,
  agent,
  customer_id,
  offered,
  answered,
  abandoned,
  wait_s,
  talk_s,
  hold_s,
  wrap_s,
  resolved,
  first_contact_resolved,
  csat,
  nps,
  ces,
  cost,
  transferred,
  case_id,
  viewed_at,
  article_id,
  read_s,
  agent_score,
  enps_score,
};

inline constexpr std::size_t kRecordFieldCount = static_cast<std::size_t>(RecordField::enps_score) + 1;

std::string_view record_field_name(RecordField f);
std::optional<RecordField> record_field_named(std::string_view canonical);

/// What a header means in a record log, without overrides.
std::optional<RecordField> record_role_of_header(std::string_view header);

class RecordColumnMap {
 public:
  /// Throws Error (usage) for an override naming an unknown field or a missing header.
  RecordColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                  const std::string& source);

  [[nodiscard]] std::optional<std::size_t> column_of(RecordField f) const { return columns_[index(f)]; }
  [[nodiscard]] bool has(RecordField f) const { return columns_[index(f)].has_value(); }
  /// The measure columns present, for cxkpi::supplied_fields.
  [[nodiscard]] RecordColumns measures() const;
  /// The header's field, if it is one (for `cxkpi columns`).
  [[nodiscard]] std::optional<RecordField> field_at(std::size_t column) const;

 private:
  static std::size_t index(RecordField f) { return static_cast<std::size_t>(f); }
  std::array<std::optional<std::size_t>, kRecordFieldCount> columns_{};
};

/// How many headers look like a record log, and how many like a period table; the larger
/// decides the shape when --shape is not given.
struct ShapeEvidence {
  std::size_t record_columns = 0;
  std::size_t period_columns = 0;
};
ShapeEvidence shape_evidence(const std::vector<std::string>& header);

}  // namespace cxkpi::cli
