#pragma once
// A grid of text cells and the three ways it is written: aligned for a terminal, Markdown,
// and CSV. The single-metric output and `report` both build one.

#include <string>
#include <vector>

namespace cxkpi::cli {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t text_columns = 0;           // leading label columns, aligned left; the rest are numbers
  std::vector<std::string> left_columns;  // further columns aligned left (by header name)
};

std::string render_aligned(const TextTable& table, bool markdown);
/// With `safe`, label cells that a spreadsheet would run as a formula (starting with =, +,
/// -, @, tab or CR) get a leading apostrophe.
std::string render_csv(const TextTable& table, bool safe = false);
/// Display width in a terminal (UTF-8 continuation bytes take no column).
std::size_t display_width(std::string_view s);
std::string pad(std::string_view s, std::size_t width, bool right);

}  // namespace cxkpi::cli
