#pragma once
// How the user asked for output: the format and the flags that shape tables and CSV.

#include <string>
#include <vector>

namespace cxkpi::cli {

// html: a page with charts (output/html_page.hpp); svg: one of its charts.
// tsv: tab-separated, each cell's tab, line end and backslash written as \t, \n, \r, \\ (text/csv.hpp).
enum class OutputFormat { table, json, ndjson, csv, tsv, markdown, html, svg };

struct FormatOptions {
  OutputFormat format = OutputFormat::table;
  int precision = 2;                // digits after the point in tables; JSON and CSV keep every digit
  bool safe_csv = false;            // --safe-csv: neutralise cells a spreadsheet would run as formulas
  std::vector<std::string> fields;  // --fields: only these columns (tables, CSV and TSV)
  bool header = true;               // --no-header: CSV or TSV without its header line
  bool intervals = false;           // --ci: confidence-interval columns in tables, CSV and TSV (JSON always has them)
};

/// Tables, Markdown and HTML pages are read by people (numbers rounded, "n/a", headers with
/// units); CSV, TSV, JSON and NDJSON by programs (every digit, empty cells, machine names).
inline bool for_people(const FormatOptions& options) {
  return options.format == OutputFormat::table || options.format == OutputFormat::markdown ||
         options.format == OutputFormat::html || options.format == OutputFormat::svg;
}

/// CSV or TSV: the same cells a line per row, only the separator and the escaping differ.
inline bool delimited(const FormatOptions& options) {
  return options.format == OutputFormat::csv || options.format == OutputFormat::tsv;
}

/// A page with charts, or one chart: drawn from the whole result, never streamed.
inline bool draws_charts(const FormatOptions& options) {
  return options.format == OutputFormat::html || options.format == OutputFormat::svg;
}

}  // namespace cxkpi::cli
