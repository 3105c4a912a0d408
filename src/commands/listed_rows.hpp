#pragma once
// The rows of a record log listed as evidence (--list: the contacts behind a figure;
// breaches: the contacts over a target), each with where it is in the input, its period, group
// values and id, then the columns the listing adds (amounts in exact seconds).

#include <cstdint>
#include <string>
#include <vector>

#include "compute/buckets.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {

/// Seconds from 1/10000 s, exactly and as short as they go: 125000 → "12.5", 400000 → "40".
std::string exact_seconds(std::int64_t raw);

class ListedRows {
 public:
  /// The columns: source, period, the --group columns, id, then `extra` (key, kind) pairs.
  ListedRows(const std::vector<std::string>& group_names, const std::vector<std::pair<std::string, ColumnKind>>& extra);
  /// Lists the row `row` names, with the cells of the extra columns; `order` sorts (sort_by_order).
  void add(const CountedRow& row, std::vector<std::string> extra, std::int64_t order = 0);
  /// Most `order` first; rows of equal order stay in input order.
  void sort_by_order();
  [[nodiscard]] const TextTable& table() const { return table_; }
  [[nodiscard]] std::size_t size() const { return table_.rows.size(); }
  /// The columns holding group values: [first, first + count).
  [[nodiscard]] std::size_t group_first() const { return 2; }

 private:
  TextTable table_;
  std::vector<std::int64_t> order_;
};

}  // namespace cxkpi::cli
