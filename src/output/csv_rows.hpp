#pragma once
// CSV or TSV written as the rows of a result are made, so that a million of them are never
// held: one writer for every output model (a metric's rows, a report's rows), each giving
// only its columns and how a row becomes cells.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "output/text_table.hpp"

namespace cxkpi::cli {

/// Writes the header of `columns` (its rows are not read), then a line per row added, each
/// row's cells made by `cells`; finish() adds the total row last and gives the text.
template <typename Row>
class CsvRowWriter {
 public:
  using Cells = std::function<std::vector<std::string>(const Row&)>;

  CsvRowWriter(const TextTable& columns, Cells cells, const FormatOptions& options)
      : cells_(std::move(cells)), lines_(columns, options) {}

  void add(const Row& row) { lines_.add(cells_(row)); }

  /// The CSV text, with `total` as its last row.
  std::string finish(const Row& total) {
    add(total);
    return lines_.take();
  }

 private:
  Cells cells_;
  CsvLines lines_;
};

}  // namespace cxkpi::cli
