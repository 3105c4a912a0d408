#include "output/listing_format.hpp"

#include <charconv>
#include <numeric>

#include "output/json_values.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

nlohmann::ordered_json cell_json(const std::string& cell, ColumnKind kind) {
  if (kind != ColumnKind::number) return cell;
  if (cell.empty()) return nullptr;
  double v = 0;
  std::from_chars(cell.data(), cell.data() + cell.size(), v);  // cxkpi's own exact decimal text
  return json_number(v);
}

}  // namespace

nlohmann::ordered_json listing_row_json(const TextTable& grid, const ListingShape& shape, std::size_t row) {
  const auto& cells = grid.rows[row];
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  nlohmann::ordered_json group = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const bool in_group = c >= shape.group_first && c < shape.group_first + shape.group_count;
    if (in_group) {
      group[grid.keys[c]] = cells[c];
      continue;
    }
    if (c == shape.group_first + shape.group_count && shape.group_count > 0) out["group"] = group;
    out[grid.keys[c]] = cell_json(cells[c], grid.kinds[c]);
  }
  return out;
}

std::string render_listing(const TextTable& grid, const ListingShape& shape, const nlohmann::ordered_json& head,
                           const nlohmann::ordered_json& tail, const FormatOptions& options) {
  std::vector<std::size_t> rows(grid.rows.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const auto row_json = [&](std::size_t r) { return listing_row_json(grid, shape, r); };
  if (options.format == OutputFormat::ndjson) {
    std::string out;
    for (const auto r : rows)
      out += ndjson_line(row_json(r));
    return out;
  }
  if (options.format == OutputFormat::json) {
    nlohmann::ordered_json first{{"schema", kSchemaVersion}};
    first.update(head);
    return object_with_rows(first, rows, row_json, tail) + "\n";
  }
  return render_grid(grid, options);
}

}  // namespace cxkpi::cli
