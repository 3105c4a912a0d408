#include "commands/listed_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "cxkpi/sums.hpp"
#include "io/values.hpp"

namespace cxkpi::cli {

std::string exact_seconds(std::int64_t raw) {
  const auto sign = raw < 0 ? "-" : "";
  const auto magnitude = raw < 0 ? -static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
  const auto scale = static_cast<std::uint64_t>(kAmountScale);
  auto fraction = fmt::format("{:04}", magnitude % scale);
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  return fmt::format("{}{}{}{}", sign, magnitude / scale, fraction.empty() ? "" : ".", fraction);
}

ListedRows::ListedRows(const std::vector<std::string>& group_names,
                       const std::vector<std::pair<std::string, ColumnKind>>& extra) {
  table_.add_column("source", "source", ColumnKind::label);
  table_.add_column("period", "period", ColumnKind::label);
  for (const auto& g : group_names)
    table_.add_column(g, g, ColumnKind::label);
  table_.add_column("id", "id", ColumnKind::label);
  for (const auto& [key, kind] : extra)
    table_.add_column(key, key, kind);
}

void ListedRows::add(const CountedRow& row, std::vector<std::string> extra, std::int64_t order) {
  auto place = row.reader.where(0);
  place.column = 0;  // the row, not one of its cells
  std::vector<std::string> cells{place.str(), row.period.label};
  for (const auto g : row.groups)
    cells.emplace_back(g);
  cells.emplace_back(row.id_col ? std::string(trim(row.reader.cell(*row.id_col))) : std::string());
  std::move(extra.begin(), extra.end(), std::back_inserter(cells));
  table_.rows.push_back(std::move(cells));
  order_.push_back(order);
}

void ListedRows::sort_by_order() {
  std::vector<std::size_t> index(order_.size());
  std::iota(index.begin(), index.end(), std::size_t{0});
  std::stable_sort(index.begin(), index.end(), [this](std::size_t a, std::size_t b) { return order_[a] > order_[b]; });
  std::vector<std::vector<std::string>> rows;
  std::vector<std::int64_t> order;
  rows.reserve(index.size());
  for (const auto i : index) {
    rows.push_back(std::move(table_.rows[i]));
    order.push_back(order_[i]);
  }
  table_.rows = std::move(rows);
  order_ = std::move(order);
}

}  // namespace cxkpi::cli
