#include "commands/emit.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "compute/buckets.hpp"
#include "output/format.hpp"
#include "output/sink.hpp"
#include "output/sort.hpp"

namespace cxkpi::cli {

int write_result(const std::string& text, const std::vector<std::string>& warnings,
                 const std::vector<CheckItem>& checks, const OutputFlags& flags) {
  for (const auto& w : warnings)
    fmt::print(stderr, "cxkpi: warning: {}\n", w);
  if (checks.empty()) {
    write_output(text, flags.output);
    return 0;
  }
  const auto line = status_line(checks) + "\n";
  const auto format = format_options(flags).format;
  if (format == OutputFormat::table || format == OutputFormat::markdown) {
    // The status line leads stdout; with -o the table goes to the file.
    write_output(flags.output.empty() ? line + text : line, "");
    if (!flags.output.empty()) write_output(text, flags.output);
  } else {
    fmt::print(stderr, "{}", line);  // stdout stays valid JSON or CSV
    write_output(text, flags.output);
  }
  return static_cast<int>(overall(checks));
}

int emit(ResultTable table, const OutputFlags& flags, const Thresholds& thresholds) {
  sort_rows(table, sort_options(flags));
  std::vector<CheckItem> checks;
  if (thresholds.any()) checks.push_back(evaluate(table.metric->name, table.plan.unit, table.total, thresholds));
  return write_result(render(table, format_options(flags)), table.warnings, checks, flags);
}

bool can_stream(const RecordFlags& records, const OutputFlags& output) {
  const auto by = bucket_by_named(records.by).value_or(BucketBy::all);
  return format_options(output).format == OutputFormat::ndjson && output.output.empty() && periods_follow_time(by) &&
         records.by_column.empty() && output.sort.empty() && !output.top;
}

}  // namespace cxkpi::cli
