#pragma once
// A grid of text cells and the ways it is written: aligned for a terminal, Markdown,
// CSV and TSV. Every output model builds one for these formats and renders it with render_grid.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/format_options.hpp"

namespace cxkpi::cli {

/// What a column holds, which decides how it is aligned and guarded.
enum class ColumnKind {
  label,   // a value read from the input (period, group): aligned left; --safe-csv guards it
  number,  // aligned right
  note,    // words cxkpi writes (why a value is missing): aligned left; left out of a table
           // for people when no row has one
};

struct TextTable {
  std::vector<std::string> keys;    // machine names of the columns, for --fields
  std::vector<std::string> header;  // what the header line shows
  std::vector<ColumnKind> kinds;    // one per column
  std::vector<std::vector<std::string>> rows;

  void add_column(std::string key, std::string heading, ColumnKind kind);
};

/// A table of label columns whose headers are also their keys (listings such as `explain`).
TextTable label_table(const std::vector<std::string>& header);

/// Only the columns named in `fields` (machine names), in that order. Throws a usage Error
/// for an unknown name, with a hint.
TextTable select_columns(const TextTable& table, const std::vector<std::string>& fields);

/// The grid as `options` asks: aligned, Markdown, CSV or TSV, with only the --fields columns.
/// Without --fields, a table for people leaves out a note column that no row fills.
std::string render_grid(const TextTable& table, const FormatOptions& options);

std::string render_aligned(const TextTable& table, bool markdown);
/// The lines under a table for people that say what its marks (†, ≈) mean, each ending in \n.
std::string footnotes(const TextTable& table, bool markdown);
/// With `safe`, header and label cells that a spreadsheet would run as a formula (starting
/// with =, +, -, @, tab or CR) get a leading apostrophe.
std::string render_csv(const TextTable& table, bool safe = false, bool header = true);

/// CSV or TSV (as options.format says) written a row at a time, so that a table of a million
/// rows is never held as cells: the columns of `columns` (its rows are not read), only those
/// named in options.fields when there are any (as select_columns), guarded as render_csv
/// guards them with options.safe_csv, the header line unless options.header is false.
class CsvLines {
 public:
  CsvLines(const TextTable& columns, const FormatOptions& options);
  void add(const std::vector<std::string>& row) { line(row, false); }
  std::string take() { return std::move(out_); }

 private:
  void line(const std::vector<std::string>& cells, bool is_header);
  std::vector<std::size_t> picked_;  // the columns written, in order
  std::vector<ColumnKind> kinds_;    // of every column
  bool safe_;
  bool tsv_;  // tab-separated, cells escaped by tsv_escape
  std::string out_;
};
std::string pad(std::string_view s, std::size_t width, bool right);

/// "label  value" lines, the labels padded to the widest (one result written as a list).
using LabelledLines = std::vector<std::pair<std::string, std::string>>;
std::string render_labelled(const LabelledLines& lines);

}  // namespace cxkpi::cli
