#pragma once
// CSV cells as RFC 4180 writes them, and TSV cells as Miller and linear TSV write them.

#include <cstddef>
#include <string>
#include <string_view>

namespace cxkpi::cli {

/// A cell as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line end.
std::string csv_escape(std::string_view cell);

/// Cells (anything with size() and operator[] giving text: a reader's row, a header) as one
/// CSV line without its line end, each cell escaped by csv_escape.
template <class Cells>
std::string csv_line(const Cells& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_escape(cells[i]);
  }
  return line;
}

/// A cell of TSV (text/tab-separated-values), whose fields cannot hold a tab or a line end:
/// tab, LF, CR and backslash are written \t, \n, \r and \\ (as Miller 6 and linear TSV
/// write them, and as PostgreSQL's text COPY reads them); quotes are kept as they are.
std::string tsv_escape(std::string_view cell);

}  // namespace cxkpi::cli
