#pragma once
// Reads the measure cells of one record-log row into a Contact. Every row of a large log
// passes through here, so the columns are looked up once and the common cell shapes
// (`0`/`1`, plain digits, `6.48`) are read inline; anything else takes the general parsers,
// which also word the messages.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cxkpi/record.hpp"
#include "errors.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
#include "records/record_columns.hpp"

namespace cxkpi::cli {

class ContactReader {
 public:
  /// `missing` (which must outlive the reader) says which cells are blank besides empty ones.
  ContactReader(const TableReader& reader, const RecordColumnMap& columns, bool decimal_comma,
                const MissingValues& missing);

  /// Sets `c` to the current row's contact (before derive_flags); throws Error naming a bad
  /// cell. Filling the caller's Contact, reused row after row, saves building one per row.
  void read(Contact& c) const;
  /// A data error at field `f` of the current row.
  [[nodiscard]] Error error_at(RecordField f, std::string_view message) const;

 private:
  // One column of the log that fills a Contact member (record_columns() says which and
  // how). A row reads only the columns the log has, left to right (so the leftmost bad cell
  // is the one reported), and writes each value straight into its member.
  // Which common cell shapes read_plain reads inline for a slot; `none`: a unit, words or
  // a blank rule of its own send every cell to the general parsers.
  enum class Plain : std::uint8_t { none, flag, amount, amount_without_dot, score };
  struct Slot {
    std::size_t column;
    RecordField field;
    CellReading reading;
    const CellFormat* format;  // its unit or words for yes (in columns_)
    Plain plain;
  };
  using Shape = CellReading::Shape;

  static Plain plain_of(const CellReading& reading, const CellFormat& format, bool decimal_comma);
  template <class Cells>
  void read_slots(const Cells& cells, Contact& c) const;
  /// A cell of any other shape than read_plain's, or a bad one (which throws).
  [[gnu::noinline]] void read_cell(std::string_view text, const Slot& slot, Contact& c) const;
  /// A blank cell: missing, unless the column's format says what a blank means (blank=0).
  static void read_blank(const Slot& slot, Contact& c);
  void read_flag(std::string_view text, const Slot& slot, Contact& c) const;
  void read_amount(std::string_view text, const Slot& slot, Contact& c) const;
  void read_score(std::string_view text, const Slot& slot, Contact& c) const;
  void read_score_word(std::string_view text, const Slot& slot, Contact& c) const;

  const TableReader& reader_;
  const RecordColumnMap& columns_;
  bool decimal_comma_;
  const MissingValues& missing_;
  RowKind kind_;
  std::vector<Slot> slots_;      // flags, amounts and scores, in column order
  std::vector<Slot> presences_;  // cells that count only as there or not (agent)
  Contact blank_;                // a row with no cells read
};

}  // namespace cxkpi::cli
