#pragma once
// A grid of text cells and the three ways it is written: aligned for a terminal, Markdown,
// and CSV. The single-metric output and `report` both build one.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cxkpi::cli {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t text_columns = 0;           // leading label columns, aligned left; the rest are numbers
  std::vector<std::string> left_columns;  // further columns aligned left (by header name)
  std::vector<std::string> keys;          // machine names of the columns, for --fields
};

/// Keeps only the columns named in `fields` (machine names), in that order. Throws a usage
/// Error for an unknown name, with a hint.
void select_columns(TextTable& table, const std::vector<std::string>& fields);

std::string render_aligned(const TextTable& table, bool markdown);
/// With `safe`, label cells that a spreadsheet would run as a formula (starting with =, +,
/// -, @, tab or CR) get a leading apostrophe.
std::string render_csv(const TextTable& table, bool safe = false, bool header = true);
/// Display width in a terminal (UTF-8 continuation bytes take no column).
std::size_t display_width(std::string_view s);
std::string pad(std::string_view s, std::size_t width, bool right);

/// "label  value" lines, the labels padded to the widest (one result written as a list).
using LabelledLines = std::vector<std::pair<std::string, std::string>>;
std::string render_labelled(const LabelledLines& lines);

}  // namespace cxkpi::cli
