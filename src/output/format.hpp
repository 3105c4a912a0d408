#pragma once
// Rendering a ResultTable: aligned tables and Markdown for people, JSON, NDJSON and CSV for
// scripts. Writers return text; writing it out is the sink's job.

#include <string>
#include <string_view>
#include <vector>

#include "model/result_table.hpp"
#include "output/csv_rows.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

struct TextTable;  // output/text_table.hpp

std::string render(const ResultTable& table, const FormatOptions& options);

/// Table, Markdown or CSV (numbers given on the command line: "name  value" lines).
std::string render_grid(const ResultTable& table, const FormatOptions& options);
/// The table as a terminal shows it (rounded, with units and marks): the last row is the total.
TextTable people_grid(const ResultTable& table, int precision, bool intervals);
/// The total as a row: period "total", no labels.
ResultRow total_row(const ResultTable& table);
std::string render_json(const ResultTable& table);
std::string render_ndjson(const ResultTable& table);
/// One NDJSON line, for streaming: a row, and the closing total.
std::string render_ndjson_row(const ResultTable& table, const ResultRow& row);
std::string render_ndjson_total(const ResultTable& table);

/// The columns of a result's CSV that its figures decide (which details, whether small_n and
/// relative_error), found one figure at a time, so that rows can be written as they are made.
class ResultColumns {
 public:
  /// `intervals`: --ci, confidence intervals are columns too.
  explicit ResultColumns(bool intervals) : intervals_(intervals) {}
  void see(const Result& row);
  void see_total(const Result& total);
  /// The detail columns: the total's first, as a table shows them, then the rows' others.
  [[nodiscard]] std::vector<std::string_view> details() const;
  [[nodiscard]] bool small_samples() const { return small_samples_; }
  [[nodiscard]] bool approximate() const { return approximate_; }
  bool operator==(const ResultColumns& other) const = default;

 private:
  void add_details(const Result& r, std::vector<std::string_view>& names) const;
  bool intervals_;
  std::vector<std::string_view> total_details_;
  std::vector<std::string_view> row_details_;
  bool small_samples_ = false;  // some value rests on too few survey answers
  bool approximate_ = false;    // some figure comes from the --approx sketch
};

/// A result's CSV or TSV written as its rows are made: `table` gives the metric, its unit and
/// label names (its rows and total are not read), `columns` the columns its figures need.
CsvRowWriter<ResultRow> result_csv_writer(const ResultTable& table, const ResultColumns& columns,
                                          const FormatOptions& options);

/// --sort/--desc/--top: orders the rows (never the total) by a column and keeps the first N.
void sort_rows(ResultTable& table, const SortOptions& options);

}  // namespace cxkpi::cli
