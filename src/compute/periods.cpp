#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "compute/column_readings.hpp"
#include "compute/compute.hpp"
#include "compute/period_rows.hpp"
#include "compute/regroup.hpp"
#include "compute/row_errors.hpp"
#include "cxkpi/checks.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "records/row_filter.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

bool contains(const std::vector<Field>& fields, Field f) {
  return std::find(fields.begin(), fields.end(), f) != fields.end();
}

constexpr auto kNoLabel = static_cast<std::size_t>(-1);

// The column of each name (the first of that header), kNoLabel for a name the header lacks.
// Found through one index of the header: a row is read with its labels in O(labels), not
// O(labels × columns), so a table of a million columns reads in one pass.
std::vector<std::size_t> columns_named(const std::vector<std::string>& header, const std::vector<std::string>& names) {
  std::unordered_map<std::string_view, std::size_t> first_of;
  first_of.reserve(header.size());
  for (std::size_t c = 0; c < header.size(); ++c)
    first_of.try_emplace(header[c], c);
  std::vector<std::size_t> columns;
  columns.reserve(names.size());
  for (const auto& name : names) {
    const auto it = first_of.find(name);
    columns.push_back(it == first_of.end() ? kNoLabel : it->second);
  }
  return columns;
}

class PeriodFile {
 public:
  PeriodFile(const MetricSpec& metric, const Settings& settings, TableReader& reader, const ColumnMap& columns,
             const FileInputOptions& input, const std::vector<std::string>& label_names)
      : decimal_comma_(input.decimal_comma),
        missing_(input.missing),
        metric_(metric),
        settings_(settings),
        reader_(reader),
        columns_(columns),
        plan_(metric.plan(settings, columns.fields())),
        label_columns_(columns_named(reader.header(), label_names)) {
    check_columns();
    for (const Field f : metric.inputs)
      if (columns.column_of(f)) used_.push_back(f);
    for (const Field f : plan_.required)
      if (!contains(used_, f)) used_.push_back(f);
    for (const auto& field : kFields)
      if (is_checked(field.field) && columns.column_of(field.field) && !contains(used_, field.field))
        checked_only_.push_back(field.field);
  }

  [[nodiscard]] const Plan& plan() const { return plan_; }

  /// The current row as a result: its period, its labels (the first file's, found by name) and
  /// the metric over its values, which join `total`; or, for a row with a required cell left
  /// empty, a null result and a warning. Throws SumOverflow when the row's sums, or the total
  /// they join, leave the exact int64 range (the total is finalised here too, so that the row
  /// that takes it there is named).
  ResultRow result_row(Sums& total, std::vector<std::string>& warnings) const {
    auto part = part_row(total, warnings);
    ResultRow row{std::move(part.period), std::move(part.labels), {}, {}};
    if (part.missing.empty())
      row.result = metric_.finalize(part.sums, settings_);
    else
      row.result.reason = fmt::format("no {} in this row", part.missing_field);
    return row;
  }

  /// The current row as a part for --by or --group to sum (regroup), joining `total` as above.
  TablePart part_row(Sums& total, std::vector<std::string>& warnings) const {
    TablePart part;
    const auto empty_required = read_row(part.sums);
    part.where = reader_.where(columns_.period_column().value_or(0)).str();
    if (const auto pc = columns_.period_column()) part.period = trim(reader_.cell(*pc));
    part.labels.reserve(label_columns_.size());
    for (const auto column : label_columns_)
      part.labels.emplace_back(column == kNoLabel ? std::string_view{} : trim(reader_.cell(column)));
    if (empty_required) {
      const auto where = reader_.where(*columns_.column_of(*empty_required)).str();
      part.missing_field = name_of(*empty_required);
      part.missing = fmt::format("{}: {} is empty", where, part.missing_field);
      warnings.push_back(fmt::format("{}; the row is left out of the total", part.missing));
    } else {
      total.merge(part.sums);
      (void)metric_.finalize(total, settings_);
    }
    return part;
  }

 private:
  /// Reads the current row into `sums`; returns the first required field left empty, if any.
  /// Throws Error for a value that does not parse or a row whose parts exceed their whole.
  std::optional<Field> read_row(Sums& sums) const {
    std::optional<Field> empty_required;
    for (const Field f : used_) {
      const auto column = *columns_.column_of(f);
      const auto text = reader_.cell(column);
      if (missing_(text)) {
        if (!empty_required && contains(plan_.required, f)) empty_required = f;
        continue;
      }
      const auto parsed = parse_value(text, info(f).kind, decimal_comma_, columns_.role(column).unit);
      if (!parsed.ok()) throw Error::data(reader_.where(column), reader_.header()[column], parsed.error);
      sums.add_raw(f, parsed.raw);
    }
    auto v = check_row(with_checked_only(sums));
    if (!v && metric_.check != nullptr) v = metric_.check(sums, settings_);
    if (v) {
      const auto column = *columns_.column_of(v->part);
      throw Error::data(reader_.where(column), reader_.header()[column], v->message);
    }
    return empty_required;
  }

  /// `sums` with the row's other columns that a part-of-whole check compares (handled + abandoned
  /// against offered, when the metric reads only some of them): a row that contradicts itself
  /// is bad input whichever figure is asked. A cell of theirs that is blank or not a number is
  /// left out, as the metric does not read it.
  Sums with_checked_only(const Sums& sums) const {
    if (checked_only_.empty()) return sums;
    Sums checked = sums;
    for (const Field f : checked_only_) {
      const auto column = *columns_.column_of(f);
      const auto text = reader_.cell(column);
      if (missing_(text)) continue;
      const auto parsed = parse_value(text, info(f).kind, decimal_comma_, columns_.role(column).unit);
      if (parsed.ok()) checked.add_raw(f, parsed.raw);
    }
    return checked;
  }

  void check_columns() const {
    const auto& name = reader_.source_name();
    if (!plan_.problem.empty()) throw Error::data(fmt::format("{}: {}", name, plan_.problem));
    if (metric_.inputs.empty())
      throw Error::data(
          fmt::format("{}: this is a table of period totals; {} needs a record log (one row per "
                      "contact) with {}",
                      name, metric_.name, metric_.log_columns));
    std::vector<std::string> candidates;  // "Abandoned %" is no abandoned count misnamed
    std::copy_if(reader_.header().begin(), reader_.header().end(), std::back_inserter(candidates),
                 [](const std::string& h) { return !names_a_rate(h); });
    std::vector<std::string> missing;
    for (const Field f : plan_.required) {
      if (columns_.column_of(f)) continue;
      missing.push_back(std::string(name_of(f)) + hint_for(name_of(f), candidates, HintStyle::quoted));
    }
    if (!missing.empty()) {
      std::vector<std::string> shown;
      for (const auto& h : reader_.header())
        shown.push_back(quote_value(h));
      throw Error::data(fmt::format("{}: {} needs column{} {}; the columns are: {}", name, metric_.name,
                                    missing.size() == 1 ? "" : "s", fmt::join(missing, ", "), fmt::join(shown, ", ")));
    }
  }

  bool decimal_comma_;
  const MissingValues& missing_;
  const MetricSpec& metric_;
  const Settings& settings_;
  TableReader& reader_;
  const ColumnMap& columns_;
  Plan plan_;
  std::vector<std::size_t> label_columns_;  // of each label name; kNoLabel when this file lacks it
  std::vector<Field> used_;
  std::vector<Field> checked_only_;  // columns the metric does not read but check_row compares
};

std::vector<std::string> label_names_of(const TableReader& reader, const ColumnMap& columns) {
  std::vector<std::string> names;
  for (const auto c : columns.label_columns())
    names.push_back(reader.header()[c]);
  return names;
}

// The first file fixes the unit the rows are written in, and the warnings so far.
void take_first_file(ResultTable& table, const PeriodFile& file) {
  table.plan = file.plan();
  table.plan.warnings.clear();
  table.warnings = file.plan().warnings;
}

// The total over every row kept; the definition follows the fields the total holds.
void finish_total(ResultTable& table, const MetricSpec& metric, const Settings& settings, const Sums& total) {
  table.plan = metric.plan(settings, total.present());
  table.plan.warnings.clear();
  table.total = metric.finalize(total, settings);
}

}  // namespace

Readers open_inputs(const FileInputOptions& input) {
  Readers readers;
  for (const auto& path : input.files) {
    auto stream = InputStream::open(path);
    if (input.progress_over) stream.show_progress(*input.progress_over);
    readers.push_back(open_table(std::move(stream), input.read));
  }
  return readers;
}

ResultTable read_periods(const MetricSpec& metric, const Settings& settings, Readers& readers,
                         const FileInputOptions& input, const PeriodRows& each, const TableRegroup& regroup) {
  ResultTable table{&metric, {}, {}, {}, {}, {}, {}, {}};
  Sums total;
  RowErrors errors(input.errors);
  std::size_t rows = 0;
  std::size_t kept = 0;
  std::vector<TablePart> parts;  // with --by or --group: the rows, summed at the end
  bool first_file = true;
  for (auto& reader : readers) {
    check_period_headers(*reader, input);
    const ColumnMap columns(reader->header(), input.overrides, reader->source_name());
    tell_period_columns(*reader, columns, input);
    if (first_file) table.label_names = label_names_of(*reader, columns);
    const PeriodFile file(metric, settings, *reader, columns, input, table.label_names);
    const RowFilter where(input.where.get(), *reader, input.missing);
    if (first_file) take_first_file(table, file);
    first_file = false;
    for_each_row(*reader, errors, [&] {
      ++rows;
      if (!where.keep()) return;
      if (regroup.active()) {
        parts.push_back(file.part_row(total, table.warnings));  // a bad row throws: not kept
        ++kept;
        return;
      }
      auto row = file.result_row(total, table.warnings);  // a bad row throws: not kept
      ++kept;
      each(table, std::move(row));
    });
  }
  if (regroup.active())
    for (auto& row : regroup_table(metric, settings, regroup, table.label_names, parts))
      each(table, std::move(row));
  finish_total(table, metric, settings, total);
  tell_rows_kept(input.where.get(), {}, rows, kept, input.verbose, table.warnings);
  errors.finish(table.warnings);
  return table;
}

ResultTable compute_from_periods(const MetricSpec& metric, const Settings& settings, Readers& readers,
                                 const FileInputOptions& input, const TableRegroup& regroup) {
  std::vector<ResultRow> rows;
  auto table = read_periods(
      metric, settings, readers, input, [&rows](const ResultTable&, ResultRow row) { rows.push_back(std::move(row)); },
      regroup);
  table.rows = std::move(rows);
  return table;
}

}  // namespace cxkpi::cli
