#include "compute/log_scan.hpp"

#include <fmt/format.h>

#include <string>

#include "errors.hpp"
#include "records/score_scales.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

std::vector<std::size_t> group_columns(const std::vector<std::string>& group, const std::vector<std::string>& header,
                                       const RecordColumnMap& columns, const std::string& source,
                                       std::string_view flag = "--group") {
  std::vector<std::size_t> out;
  for (const auto& name : group) {
    if (const auto column = find_column(header, name)) {
      out.push_back(*column);
    } else if (const auto f = record_field_named(normalize_header(name)); f && columns.has(*f)) {
      out.push_back(*columns.column_of(*f));  // --group channel finds a "Media Type" column
    } else {
      throw no_such_column(header, name, source, flag);
    }
  }
  return out;
}

// The --group columns; per-agent figures (which group by agent) first need an agent column.
std::vector<std::size_t> bucket_group_columns(const TableReader& reader, const RecordColumnMap& columns,
                                              const ScanSettings& scan) {
  if (scan.rules.count_agents && !columns.has(RecordField::agent))
    throw Error::data(
        fmt::format("{}: per-agent figures need an agent column (--map agent=HEADER names it)", reader.source_name()));
  return group_columns(scan.options.group, reader.header(), columns, reader.source_name());
}

// --to is the first time left out, so a range whose --from is not before it selects
// nothing: a mistake in the flags, not an empty result.
void check_range(const BucketOptions& options, const ScanSettings& scan) {
  if (scan.from && scan.to && *scan.from >= *scan.to)
    throw Error::usage(
        fmt::format("--from {} is not before --to {}: --to is the first time left out, so the range "
                    "selects nothing",
                    options.from, options.to));
}

}  // namespace

std::optional<std::int64_t> limit_of(const std::string& text, const LocalClock& clock, const char* flag) {
  if (text.empty()) return std::nullopt;
  std::string error;
  const auto t = parse_timestamp(text, error);
  if (!t) throw Error::usage(fmt::format("{}: {}", flag, error));
  return clock.local_seconds(*t);
}

ScanSettings scan_settings(const FileInputOptions& input, const BucketOptions& options, const RecordRules& rules,
                           const LocalClock& clock) {
  ScanSettings scan{input,
                    options,
                    rules,
                    clock,
                    limit_of(options.from, clock, "--from"),
                    limit_of(options.to, clock, "--to"),
                    false,
                    TimeFormats::parse(options.time_formats)};
  check_range(options, scan);
  const bool by_customer = rules.cases && rules.cases->by_customer;
  scan.needs_time =
      options.by != BucketBy::all || scan.from || scan.to || rules.window || by_customer || rules.awaiting;
  return scan;
}

InputColumns ScanSettings::columns_of(const TableReader& reader) const {
  if (const auto found = inputs.find(reader.source_name()); found != inputs.end()) return found->second;
  return input_columns(reader.header(), input);  // an input read_records did not see
}

LogLayout::LogLayout(const TableReader& reader, const ScanSettings& scan)
    : columns(reader.header(), scan.columns_of(reader).overrides, reader.source_name(), scan.columns_of(reader).labels),
      group_cols(bucket_group_columns(reader, columns, scan)),
      period_col(scan.options.by_column.empty() ? kNoColumn
                                                : group_columns({scan.options.by_column}, reader.header(), columns,
                                                                reader.source_name(), "--by-column")
                                                      .front()),
      id_col(columns.column_of(RecordField::id).value_or(kNoColumn)),
      issue_col(scan.rules.window && !scan.rules.window->issue_key.empty()
                    ? group_columns({scan.rules.window->issue_key}, reader.header(), columns, reader.source_name(),
                                    "--issue-key")
                          .front()
                    : kNoColumn),
      contacts(reader, columns, scan.input.decimal_comma, scan.input.missing),
      row_clock(reader, columns, scan.clock, scan.time_formats, scan.rules.business_hours),
      where(scan.columns_of(reader).where.get(), reader, scan.input.missing, &columns) {
  check_word_scores(reader, columns, scan.rules, scan.options.scale_check);
  if (scan.needs_time && !row_clock.available())
    throw Error::data(fmt::format(
        "{}: --by, --from/--to, --window, --case-by customer and --awaiting need a time column (opened_at, date and "
        "time, or viewed_at)",
        reader.source_name()));
}

bool RowStep::kept_by_where() {
  ++tally.rows;
  const bool kept = layout_.where.keep();
  if (kept) ++tally.kept;
  return kept;
}

}  // namespace cxkpi::cli
