#pragma once
// Rendering a ResultTable: aligned tables and Markdown for people, JSON, NDJSON and CSV for
// scripts. Writers return text; writing it out is the sink's job.

#include <string>

#include "model/result_table.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

struct TextTable;  // output/text_table.hpp

std::string render(const ResultTable& table, const FormatOptions& options);

/// Table, Markdown or CSV (numbers given on the command line: "name  value" lines).
std::string render_grid(const ResultTable& table, const FormatOptions& options);
/// The table as a terminal shows it (rounded, with units and marks): the last row is the total.
TextTable people_grid(const ResultTable& table, int precision, bool intervals);
std::string render_json(const ResultTable& table);
std::string render_ndjson(const ResultTable& table);
/// One NDJSON line, for streaming: a row, and the closing total.
std::string render_ndjson_row(const ResultTable& table, const ResultRow& row);
std::string render_ndjson_total(const ResultTable& table);

/// --sort/--desc/--top: orders the rows (never the total) by a column and keeps the first N.
void sort_rows(ResultTable& table, const SortOptions& options);

}  // namespace cxkpi::cli
