#include "commands/emit.hpp"

#include <fmt/format.h>

#include "commands/colour_choice.hpp"
#include "commands/page_output.hpp"
#include "compute/buckets.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "output/format.hpp"
#include "output/html_page.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

namespace {
// With check items, a status line comes first: on stdout before a table, on stderr when
// stdout is JSON, CSV or TSV.
int write_checked(const std::string& text, const std::vector<CheckItem>& checks, const OutputFlags& flags) {
  const auto format = format_options(flags).format;
  // Colour only where the line leads a table on stdout (a table is all --color paints).
  const auto line = status_line(checks, format == OutputFormat::table && colour_chosen(flags)) + "\n";
  if (format == OutputFormat::table || format == OutputFormat::markdown) {
    // The status line leads stdout; with -o the table goes to the file.
    write_output(flags.output.empty() ? line + text : line, "");
    if (!flags.output.empty()) write_output(text, flags.output);
  } else {
    write_stderr(line);  // stdout stays valid JSON, CSV or TSV
    write_output(text, flags.output);
  }
  return static_cast<int>(overall(checks));
}
}  // namespace

// The result is written before the warnings: a stderr that cannot be written must not cost
// the user the result (write_stderr ignores its failures).
int write_result(const std::string& text, const std::vector<std::string>& warnings,
                 const std::vector<CheckItem>& checks, const OutputFlags& flags) {
  int status = 0;
  if (checks.empty())
    write_output(text, flags.output);
  else
    status = write_checked(text, checks, flags);
  for (const auto& w : warnings)
    write_stderr_line("warning: " + w);
  return status;
}

std::vector<CheckItem> checks_of(const ResultTable& table, const Thresholds& thresholds) {
  if (!thresholds.any()) return {};
  return {evaluate(table.metric->name, table.plan.unit, table.total, thresholds)};
}

int emit(ResultTable table, const OutputFlags& flags, const Thresholds& thresholds,
         const std::vector<std::string>& files, bool spark) {
  sort_rows(table, sort_options(flags));
  const auto checks = checks_of(table, thresholds);
  const auto options = format_options(flags);
  if (spark && options.format != OutputFormat::table)
    throw Error::usage("--spark draws in a table (--format table); the other formats have no room for it");
  auto text = draws_charts(options) ? render_page(result_page(table, options, alert_bands(thresholds)), flags, files)
                                    : render(table, options);
  if (spark) text += sparklines(result_page(table, options, {}));
  return write_result(text, table.warnings, checks, flags);
}

bool can_stream(const RecordFlags& records, const OutputFlags& output) {
  const auto by = bucket_options(records).by;
  return format_options(output).format == OutputFormat::ndjson && output.output.empty() && periods_follow_time(by) &&
         records.by_column.empty() && output.sort.empty() && !output.top;
}

bool writes_rows_as_made(const OutputFlags& output, const std::string& compare) {
  return delimited(format_options(output)) && compare.empty() && output.sort.empty() && !output.top;
}

}  // namespace cxkpi::cli
