#pragma once
// Rendering a ResultTable: aligned tables and Markdown for people, JSON, NDJSON and CSV for
// scripts. Writers return text; writing it out is the sink's job.

#include <string>
#include <string_view>
#include <vector>

#include "model/result_table.hpp"

namespace cxkpi::cli {

enum class OutputFormat { table, json, ndjson, csv, markdown };

struct FormatOptions {
  OutputFormat format = OutputFormat::table;
  int precision = 2;                // digits after the point in tables; JSON and CSV keep every digit
  bool safe_csv = false;            // --safe-csv: neutralise cells a spreadsheet would run as formulas
  std::vector<std::string> fields;  // --fields: only these columns (tables and CSV)
  bool header = true;               // --no-header: CSV without its header line
  bool intervals = false;           // --ci: confidence-interval columns in tables and CSV (JSON always has them)
};

std::string render(const ResultTable& table, const FormatOptions& options);

std::string render_table(const ResultTable& table, const FormatOptions& options, bool markdown);
std::string render_json(const ResultTable& table);
std::string render_ndjson(const ResultTable& table);
/// One NDJSON line, for streaming: a row, and the closing total.
std::string render_ndjson_row(const ResultTable& table, const ResultRow& row);
std::string render_ndjson_total(const ResultTable& table);
std::string render_csv(const ResultTable& table, const FormatOptions& options);

}  // namespace cxkpi::cli
