#pragma once
// Rendering a ReportTable: one row per bucket, one column (or JSON object) per metric.

#include <string>
#include <vector>

#include "model/report_table.hpp"
#include "output/csv_rows.hpp"
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

/// A report's CSV written as its rows are made, so that they need not all be held: `report`
/// gives the columns (its rows and total are not read), `small` per metric column whether
/// some value rests on too few survey answers (which adds its _small_n column).
CsvRowWriter<ReportRow> report_csv_writer(const ReportTable& report, const std::vector<bool>& small,
                                          const FormatOptions& options);

/// --sort/--desc/--top: orders the rows (never the total) by a column and keeps the first N.
void sort_rows(ReportTable& report, const SortOptions& options);

}  // namespace cxkpi::cli
