#pragma once
// --sort KEY [--desc] and --top N, one way for every output model: the model names the
// columns it can be ordered by and gives each row's typed key; rows move, the total never.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cxkpi::cli {

struct SortOptions {
  std::string key;  // a column name; "" keeps the input order
  bool desc = false;
  std::optional<std::size_t> top;  // keep the first N rows
};

/// A cell as --sort compares it: numbers by value (nulls last, whichever the direction), text by bytes.
struct SortKey {
  std::optional<double> number;
  std::string text;
};

/// The rows of a model as --sort sees them: named columns of typed keys.
struct SortColumns {
  std::vector<std::string> names;                                   // the columns --sort accepts
  std::function<SortKey(std::size_t row, std::size_t column)> key;  // a row's key in names[column]
};

/// The indices of `rows` rows in --sort order (stable), cut to --top. Throws a usage Error,
/// listing the columns, when the key names none of them.
std::vector<std::size_t> sorted_order(std::size_t rows, const SortColumns& columns, const SortOptions& options);

/// --sort and --top applied to `rows`.
template <typename Row>
void sort_rows(std::vector<Row>& rows, const SortColumns& columns, const SortOptions& options) {
  if (options.key.empty() && !options.top) return;
  std::vector<Row> sorted;
  for (const auto i : sorted_order(rows.size(), columns, options))
    sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}

}  // namespace cxkpi::cli
