#include "output/sort.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

std::size_t column_named(const SortColumns& columns, const std::string& key) {
  const auto it = std::find(columns.names.begin(), columns.names.end(), key);
  if (it != columns.names.end()) return static_cast<std::size_t>(it - columns.names.begin());
  throw Error::unknown("--sort: no column", key, columns.names,
                       fmt::format(" (columns: {})", fmt::join(columns.names, ", ")));
}

bool before(const SortKey& a, const SortKey& b, bool desc) {
  if (a.number.has_value() != b.number.has_value()) return a.number.has_value();  // nulls last
  if (a.number) return desc ? *a.number > *b.number : *a.number < *b.number;
  return desc ? a.text > b.text : a.text < b.text;
}

}  // namespace

std::vector<std::size_t> sorted_order(std::size_t rows, const SortColumns& columns, const SortOptions& options) {
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (!options.key.empty()) {
    const auto column = column_named(columns, options.key);
    std::vector<SortKey> keys;
    keys.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r)
      keys.push_back(columns.key(r, column));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return before(keys[a], keys[b], options.desc); });
  }
  if (options.top && order.size() > *options.top) order.resize(*options.top);
  return order;
}

}  // namespace cxkpi::cli
