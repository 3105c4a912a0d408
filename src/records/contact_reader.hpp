#pragma once
// Reads the measure cells of one record-log row into a Contact. Every row of a large log
// passes through here, so the columns are looked up once and the common cell shapes
// (`0`/`1`, plain digits, `6.48`) are read inline; anything else takes the general parsers,
// which also word the messages.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "cxkpi/record.hpp"
#include "errors.hpp"
#include "io/table.hpp"
#include "records/record_columns.hpp"

namespace cxkpi::cli {

class ContactReader {
 public:
  ContactReader(const TableReader& reader, const RecordColumnMap& columns, bool decimal_comma);

  /// The current row's contact (before derive_flags); throws Error naming a bad cell.
  [[nodiscard]] Contact read() const;
  /// A data error at field `f` of the current row.
  [[nodiscard]] Error error_at(RecordField f, std::string_view message) const;

 private:
  static constexpr auto kNoColumn = static_cast<std::size_t>(-1);

  /// The raw text of field `f` in `row` ("" when the log has no such column).
  [[nodiscard]] std::string_view text(std::span<const std::string_view> row, RecordField f) const;
  [[nodiscard]] std::optional<bool> flag(std::span<const std::string_view> row, RecordField f) const;
  [[nodiscard]] std::optional<std::int64_t> amount(std::span<const std::string_view> row, RecordField f,
                                                   FieldKind kind) const;
  [[nodiscard]] std::optional<int> score(std::span<const std::string_view> row, RecordField f) const;

  const TableReader& reader_;
  const RecordColumnMap& columns_;
  bool decimal_comma_;
  RowKind kind_;
  std::array<std::size_t, kRecordFieldCount> column_{};  // per field, or kNoColumn
};

}  // namespace cxkpi::cli
