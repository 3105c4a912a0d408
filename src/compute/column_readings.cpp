#include "compute/column_readings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compute/input_columns.hpp"
#include "io/sink.hpp"
#include "records/header_check.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// The columns the command line names: --map's headers and --label's (and, for a log,
// --group's and --by-column's). None of them is refused as misspelt.
std::vector<std::string> named_columns(const std::vector<std::string>& labels,
                                       const std::vector<ColumnOverride>& overrides, const BucketOptions* options) {
  std::vector<std::string> named = labels;
  for (const auto& o : overrides)
    named.push_back(o.header);
  if (options != nullptr) {
    named.insert(named.end(), options->group.begin(), options->group.end());
    if (!options->by_column.empty()) named.push_back(options->by_column);
  }
  return named;
}

bool is_label(const FileInputOptions& input, const std::string& header) {
  return std::any_of(input.labels.begin(), input.labels.end(),
                     [&](const std::string& l) { return normalize_header(l) == normalize_header(header); });
}

// One line per column, written at once: `cxkpi: calls.csv: column 3 "answerd": …`.
template <class ReadingOf>
void tell(const TableReader& reader, ReadingOf reading_of) {
  std::string lines;
  for (std::size_t c = 0; c < reader.header().size(); ++c)
    lines += fmt::format("cxkpi: {}: column {} {}: {}\n", reader.source_name(), c + 1, quote_value(reader.header()[c]),
                         reading_of(c));
  write_stderr(lines);
}

}  // namespace

void check_log_headers(const TableReader& reader, const ScanSettings& scan) {
  const auto columns = scan.columns_of(reader);
  refuse_misspelt_headers(reader.header(), HeaderNames::records,
                          named_columns(columns.labels, columns.overrides, &scan.options), columns.labels,
                          reader.source_name());
}

void check_period_headers(const TableReader& reader, const FileInputOptions& input) {
  refuse_misspelt_headers(reader.header(), HeaderNames::periods, named_columns(input.labels, input.overrides, nullptr),
                          input.labels, reader.source_name());
}

void tell_log_columns(const TableReader& reader, const LogLayout& layout, const ScanSettings& scan) {
  if (!scan.input.verbose) return;
  const auto in = scan.columns_of(reader);
  if (const auto& note = in.note; !note.empty())
    write_stderr(fmt::format("cxkpi: {}: {}\n", reader.source_name(), note));
  tell(reader, [&](std::size_t c) {
    std::vector<std::string> readings;
    if (auto reading = layout.columns.reading_at(c)) readings.push_back(std::move(*reading));
    if (std::find(layout.group_cols.begin(), layout.group_cols.end(), c) != layout.group_cols.end())
      readings.emplace_back("a group (--group)");
    if (layout.period_col == c) readings.emplace_back("the period (--by-column)");
    if (const auto why = preset_label_reason(in, reader.header()[c]); readings.empty() && why)
      readings.push_back(fmt::format("a label, not read: {}", *why));
    if (readings.empty())
      readings.emplace_back(is_label(scan.input, reader.header()[c]) ? "a label (--label), not read" : "not read");
    return fmt::format("{}", fmt::join(readings, ", "));
  });
}

void tell_period_columns(const TableReader& reader, const ColumnMap& columns, const FileInputOptions& input) {
  if (!input.verbose) return;
  const auto& labels = columns.label_columns();
  tell(reader, [&](std::size_t c) -> std::string {
    if (const auto& role = columns.role(c); role.kind == ColumnRole::Kind::field) return field_reading(role);
    if (columns.period_column() == c) return "the period";
    if (std::find(labels.begin(), labels.end(), c) != labels.end()) return "a label";
    return "not read (no name)";
  });
}

}  // namespace cxkpi::cli
