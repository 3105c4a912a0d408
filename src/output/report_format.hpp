#pragma once
// Rendering a ReportTable: one row per bucket, one column (or JSON object) per metric.

#include <string>

#include "model/report_table.hpp"
#include "output/format.hpp"

namespace cxkpi::cli {

std::string render_report(const ReportTable& report, const FormatOptions& options);
/// One NDJSON line of a report row, and the closing total, for streaming.
std::string render_report_ndjson_row(const ReportTable& report, const ReportRow& row);
std::string render_report_ndjson_total(const ReportTable& report);

}  // namespace cxkpi::cli
