#pragma once
// Rendering a ReportTable: one row per bucket, one column (or JSON object) per metric.

#include <string>

#include "model/report_table.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

struct TextTable;  // output/text_table.hpp

std::string render_report(const ReportTable& report, const FormatOptions& options);
/// The report as a terminal shows it (rounded, with units and marks): the last row is the total.
TextTable report_people_grid(const ReportTable& report, int precision);
/// One NDJSON line of a report row, and the closing total, for streaming.
std::string render_report_ndjson_row(const ReportTable& report, const ReportRow& row);
std::string render_report_ndjson_total(const ReportTable& report);

/// --sort/--desc/--top: orders the rows (never the total) by a column and keeps the first N.
void sort_rows(ReportTable& report, const SortOptions& options);

}  // namespace cxkpi::cli
