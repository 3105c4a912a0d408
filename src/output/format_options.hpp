#pragma once
// How the user asked for output: the format and the flags that shape tables and CSV.

#include <string>
#include <vector>

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

/// Tables and Markdown are read by people (numbers rounded, "n/a", headers with units);
/// CSV, JSON and NDJSON by programs (every digit, empty cells, machine names).
inline bool for_people(const FormatOptions& options) {
  return options.format == OutputFormat::table || options.format == OutputFormat::markdown;
}

}  // namespace cxkpi::cli
