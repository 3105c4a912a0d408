#pragma once
// Rendering a StaffingTable: intervals as a table, CSV or JSON; numbers given as flags as
// "name  value" lines with the agent counts around the answer.

#include <optional>
#include <string>
#include <vector>

#include "model/staffing_table.hpp"
#include "output/format.hpp"

namespace cxkpi::cli {

/// --sort KEY [--desc] and --top N: orders the intervals by a column (nulls last) and keeps
/// the first N. Throws a usage Error for an unknown column.
void sort_staffing(StaffingTable& table, const std::string& key, bool desc, std::optional<std::size_t> top);

std::string render_staffing(const StaffingTable& table, const FormatOptions& options);

}  // namespace cxkpi::cli
