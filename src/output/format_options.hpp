#pragma once
// How the user asked for output: the format and the flags that shape tables and CSV.

#include <string>
#include <vector>

namespace cxkpi::cli {

// html: a page with charts (output/html_page.hpp); svg: one of its charts.
enum class OutputFormat { table, json, ndjson, csv, markdown, html, svg };

struct FormatOptions {
  OutputFormat format = OutputFormat::table;
  int precision = 2;                // digits after the point in tables; JSON and CSV keep every digit
  bool safe_csv = false;            // --safe-csv: neutralise cells a spreadsheet would run as formulas
  std::vector<std::string> fields;  // --fields: only these columns (tables and CSV)
  bool header = true;               // --no-header: CSV without its header line
  bool intervals = false;           // --ci: confidence-interval columns in tables and CSV (JSON always has them)
};

/// Tables, Markdown and HTML pages are read by people (numbers rounded, "n/a", headers with
/// units); CSV, JSON and NDJSON by programs (every digit, empty cells, machine names).
inline bool for_people(const FormatOptions& options) {
  return options.format == OutputFormat::table || options.format == OutputFormat::markdown ||
         options.format == OutputFormat::html || options.format == OutputFormat::svg;
}

/// A page with charts, or one chart: drawn from the whole result, never streamed.
inline bool draws_charts(const FormatOptions& options) {
  return options.format == OutputFormat::html || options.format == OutputFormat::svg;
}

}  // namespace cxkpi::cli
