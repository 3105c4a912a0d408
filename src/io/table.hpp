#pragma once
// TableReader: one interface over CSV/TSV, JSON and NDJSON input. Rows are read one at a
// time; a cell is text (JSON numbers are given as their literal text) and "" means missing.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "io/input.hpp"
#include "io/row_cells.hpp"

namespace cxkpi::cli {

enum class InputFormat { automatic, csv, json, ndjson };

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  std::optional<char> delimiter;  // CSV only; sniffed from the header line when unset
  std::string encoding;           // "" = UTF-8, or UTF-16 when a byte-order mark says so
  std::string json_path;          // where a JSON document's rows are ("$.data.payload"); "" = found
  /// Lines above the header, skipped whatever they hold; unset: a CSV report's title line is
  /// detected and skipped (see title_line).
  std::optional<std::size_t> skip_lines;
  /// --columns: a headerless input (a split of a larger file) read with these names
  /// (comma-separated) as its header; a first line equal to them is the file's own header.
  std::string columns;
};

/// A row (an NDJSON line) is refused past this size, so that input with no line ends cannot
/// exhaust memory; every row reader and the block cutter keep to it.
inline constexpr std::size_t kMaxRowBytes = std::size_t{64} << 20;

class TableReader {
 public:
  virtual ~TableReader() = default;
  [[nodiscard]] virtual const std::vector<std::string>& header() const = 0;
  /// Moves to the next row; false at the end of input.
  virtual bool next() = 0;
  /// The text of `column` in the current row ("" when missing).
  [[nodiscard]] virtual std::string_view cell(std::size_t column) const = 0;
  /// All cells of the current row, when the reader keeps them as views (CSV), valid until
  /// the next row; empty when cells must be asked for one at a time.
  [[nodiscard]] virtual RowCells row() const { return {}; }
  /// The current row as the input writes it, when the reader keeps it whole (an NDJSON line,
  /// an element of a JSON array); "" otherwise. --rejects keeps it for a row that could not
  /// be read into cells.
  [[nodiscard]] virtual std::string source_text() const { return {}; }
  /// Where `column` of the current row is, for messages.
  [[nodiscard]] virtual SourcePos where(std::size_t column) const = 0;
  /// The line of `column` in the current row (0 when the input has no lines, as a JSON array):
  /// where(column).line without building a SourcePos, for a question asked of every row.
  [[nodiscard]] virtual std::size_t line_of(std::size_t column) const { return where(column).line; }
  /// A description of what was detected, for `-v`: "csv, delimiter ','".
  [[nodiscard]] virtual std::string describe() const = 0;
  [[nodiscard]] virtual const std::string& source_name() const = 0;

  /// The encoding the input was converted from ("utf-8" when it needed none).
  std::string encoding = "utf-8";
};

/// Runs `read` on a row the reader has already moved past: an Error it throws is marked as
/// about that row alone, so that reading can go on with the next one.
template <typename Read>
void read_stepped_row(Read&& read) {
  try {
    read();
  } catch (Error& e) {
    e.mark_row_stepped_past();
    throw;
  }
}

/// Detects the format (unless given) and returns a reader positioned before the first row.
std::unique_ptr<TableReader> open_table(InputStream in, const ReadOptions& options);

}  // namespace cxkpi::cli
