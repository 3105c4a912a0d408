#pragma once
// RFC 4180 CSV (and TSV, or any one-byte delimiter): quoted fields with delimiters, doubled
// quotes and newlines; CRLF or LF line ends; blank lines skipped. Reads in chunks and
// unescapes quoted fields in place, so a row costs no heap allocation once buffers are warm.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/chunk_buffer.hpp"
#include "io/csv_scan.hpp"
#include "io/row_blocks.hpp"
#include "io/table.hpp"

namespace cxkpi::cli {

class CsvReader final : public TableReader, public BlockSource {
 public:
  /// `head` holds bytes already read from `in` (after any byte-order mark).
  CsvReader(InputStream in, std::string head, char delimiter);
  /// A reader of `block`, whole rows cut from the input `name` (see RowBlocks), whose first
  /// byte is on line `first_line`.
  CsvReader(std::string block, std::string name, char delimiter, std::vector<std::string> header,
            std::size_t first_line);

  [[nodiscard]] const std::vector<std::string>& header() const override { return header_; }
  bool next() override;
  [[nodiscard]] std::string_view cell(std::size_t column) const override {
    return column < cells_.size() ? cells_[column] : std::string_view{};
  }
  /// next() has checked that the row has as many cells as the header.
  [[nodiscard]] RowCells row() const override { return cells_; }
  [[nodiscard]] SourcePos where(std::size_t column) const override;
  [[nodiscard]] std::size_t line_of(std::size_t column) const override {
    return column < field_lines_.size() ? field_lines_[column] : row_line_;
  }
  [[nodiscard]] std::string describe() const override;
  [[nodiscard]] const std::string& source_name() const override { return buf_.name(); }
  [[nodiscard]] char delimiter() const { return delimiter_; }
  /// Says in describe() which lines above the header were skipped ("title line \"…\" skipped").
  void set_skipped(std::string what) { skipped_ = std::move(what); }

  Rest take_rest() override;
  InputStream& input() override { return buf_.input(); }
  [[nodiscard]] RowEnds row_ends() const override { return RowEnds::newline_outside_quotes; }
  [[nodiscard]] std::unique_ptr<TableReader> block_reader(std::string_view block,
                                                          std::size_t first_line) const override;

 private:
  struct RowQuotes {
    std::size_t count = 0;    // quotes in the row
    bool newline_in = false;  // a newline inside them (the row spans lines)
  };
  bool read_row();
  std::size_t find_row_end();
  [[nodiscard]] std::size_t break_at(std::size_t end) const;
  void index_more();
  void forget_read(std::size_t shift);
  RowQuotes quotes_before(std::size_t end);
  void split_fields(std::size_t end, std::span<const std::size_t> delimiters);
  void cut_at_delimiters(std::size_t end, std::span<const std::size_t> delimiters);
  void split_quoted(std::size_t end);
  std::size_t read_field(std::size_t i, std::size_t end, std::size_t& line);
  bool split_simply_quoted(std::size_t end, std::span<const std::size_t> delimiters, std::size_t quotes);
  std::size_t parse_quoted(std::size_t begin, std::size_t end, std::size_t& line, std::size_t& length);

  ChunkBuffer buf_;
  char delimiter_;
  std::size_t pos_ = 0;                  // start of the unparsed input in buf_
  bool rest_taken_ = false;              // take_rest() gave the unread input away
  CsvStructure index_;                   // where the delimiters, newlines and quotes of buf_ are
  std::size_t indexed_ = 0;              // index_ covers buf_[…, indexed_)
  std::size_t next_break_ = 0;           // the first of index_.breaks at or after pos_
  std::size_t next_newline_ = 0;         // the first of index_.newlines at or after pos_
  std::size_t next_quote_ = 0;           // the first of index_.quotes that may be at or after pos_
  std::size_t next_quoted_newline_ = 0;  // likewise in index_.quoted_newlines
  std::size_t line_ = 1;                 // line number at pos_
  std::vector<std::string> header_;
  std::vector<std::string_view> fields_;  // the cells of a row with quotes, unescaped
  std::vector<std::size_t> bounds_;       // a row without quotes: the delimiters around each cell
  RowCells cells_;                        // the current row's cells: fields_, or cut at bounds_
  std::vector<std::size_t> field_lines_;  // per field, only for rows with quotes (which may span lines)
  std::size_t row_line_ = 0;
  bool row_quoted_ = false;  // the current row has quotes (a CR inside them is data)
  std::string skipped_;
};

/// The refusal of input whose lines end in CR alone (classic Mac OS) from `line` of `name` on:
/// read as CSV, the lines after it would join it as one long row.
Error cr_only_line_ends(const std::string& name, std::size_t line);

/// The delimiter (',', '\t', ';' or '|') that occurs most often in the first non-blank line.
char sniff_delimiter(std::string_view head);

/// The first line of `head` when it is a report's title above the header: one cell with text
/// (perhaps padded with delimiters) over a line of several cells that all hold text, with the
/// line after that (when there is one) as many cells long. A one-column CSV has one cell on
/// its second line too, so it has no title. Blank lines before each line are passed over.
std::optional<std::string> title_line(std::string_view head, std::optional<char> delimiter);

}  // namespace cxkpi::cli
