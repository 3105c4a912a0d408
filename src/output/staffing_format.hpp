#pragma once
// Rendering a StaffingTable: intervals as a table, CSV or JSON; numbers given as flags as
// "name  value" lines with the agent counts around the answer.

#include <string>

#include "model/staffing_table.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

/// --sort/--desc/--top: orders the intervals by a column (nulls last) and keeps the first N.
void sort_rows(StaffingTable& table, const SortOptions& options);

std::string render_staffing(const StaffingTable& table, const FormatOptions& options);

}  // namespace cxkpi::cli
