#pragma once
// Rendering a ReportTable: one row per bucket, one column (or JSON object) per metric.

#include <memory>
#include <string>
#include <vector>

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

/// A report's CSV written as its rows are made, so that they need not all be held: `report`
/// gives the columns and the total (its rows are not read), `small` per metric column whether
/// some value rests on too few survey answers (which adds its _small_n column).
class ReportCsvWriter {
 public:
  ReportCsvWriter(const ReportTable& report, const std::vector<bool>& small, const FormatOptions& options);
  ReportCsvWriter(const ReportCsvWriter&) = delete;
  ReportCsvWriter& operator=(const ReportCsvWriter&) = delete;
  ~ReportCsvWriter();
  void add(const ReportRow& row);
  /// The CSV text, with the total row last.
  std::string finish();

 private:
  struct Lines;
  const ReportTable& report_;
  std::unique_ptr<Lines> lines_;
};

/// --sort/--desc/--top: orders the rows (never the total) by a column and keeps the first N.
void sort_rows(ReportTable& report, const SortOptions& options);

}  // namespace cxkpi::cli
