#pragma once
// Rendering a listing of rows (--list, breaches): a table, Markdown, CSV or TSV from its grid
// (--fields picks columns); JSON as one object with "rows", NDJSON as one object a line.
// In JSON a number column's cell is a number (null when blank) and the group columns form
// the row's "group" object, as in a metric's rows.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "output/format_options.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {

struct ListingShape {
  std::size_t group_first = 0;  // the group columns of the grid: [group_first, group_first + group_count)
  std::size_t group_count = 0;
};

/// One row of `grid` as a JSON object.
nlohmann::ordered_json listing_row_json(const TextTable& grid, const ListingShape& shape, std::size_t row);

/// The listing as `options` asks; JSON opens with `head`'s members (after "schema") and
/// closes with `tail`'s.
std::string render_listing(const TextTable& grid, const ListingShape& shape, const nlohmann::ordered_json& head,
                           const nlohmann::ordered_json& tail, const FormatOptions& options);

}  // namespace cxkpi::cli
