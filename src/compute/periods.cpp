#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "compute/column_readings.hpp"
#include "compute/compute.hpp"
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

class PeriodFile {
 public:
  PeriodFile(const MetricSpec& metric, const Settings& settings, TableReader& reader, const ColumnMap& columns,
             const FileInputOptions& input)
      : decimal_comma_(input.decimal_comma),
        missing_(input.missing),
        metric_(metric),
        settings_(settings),
        reader_(reader),
        columns_(columns),
        plan_(metric.plan(settings, columns.fields())) {
    check_columns();
    for (const Field f : metric.inputs)
      if (columns.column_of(f)) used_.push_back(f);
    for (const Field f : plan_.required)
      if (!contains(used_, f)) used_.push_back(f);
  }

  [[nodiscard]] const Plan& plan() const { return plan_; }

  /// The current row as a result: its period, its labels (the first file's, found by name) and
  /// the metric over its values, which join `total`; or, for a row with a required cell left
  /// empty, a null result and a warning.
  ResultRow result_row(const std::vector<std::string>& label_names, Sums& total,
                       std::vector<std::string>& warnings) const {
    Sums sums;
    const auto empty_required = read_row(sums);
    ResultRow row;
    if (const auto pc = columns_.period_column()) row.period = trim(reader_.cell(*pc));
    const auto& h = reader_.header();
    for (const auto& label : label_names) {
      const auto it = std::find(h.begin(), h.end(), label);
      row.labels.emplace_back(it == h.end() ? std::string_view{}
                                            : trim(reader_.cell(static_cast<std::size_t>(it - h.begin()))));
    }
    if (empty_required) {
      row.result.reason = fmt::format("no {} in this row", name_of(*empty_required));
      warnings.push_back(fmt::format("{}: {} is empty; the row is left out of the total",
                                     reader_.where(*columns_.column_of(*empty_required)).str(),
                                     name_of(*empty_required)));
    } else {
      row.result = metric_.finalize(sums, settings_);
      total.merge(sums);
    }
    return row;
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
    auto v = check_row(sums);
    if (!v && metric_.check != nullptr) v = metric_.check(sums, settings_);
    if (v) {
      const auto column = *columns_.column_of(v->part);
      throw Error::data(reader_.where(column), reader_.header()[column], v->message);
    }
    return empty_required;
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
  std::vector<Field> used_;
};

std::vector<std::string> label_names_of(const TableReader& reader, const ColumnMap& columns) {
  std::vector<std::string> names;
  for (const auto c : columns.label_columns())
    names.push_back(reader.header()[c]);
  return names;
}

}  // namespace

Readers open_inputs(const FileInputOptions& input) {
  Readers readers;
  for (const auto& path : input.files)
    readers.push_back(open_table(InputStream::open(path), input.read));
  return readers;
}

ResultTable compute_from_periods(const MetricSpec& metric, const Settings& settings, Readers& readers,
                                 const FileInputOptions& input) {
  ResultTable table{&metric, {}, {}, {}, {}, {}, {}, {}};
  Sums total;
  RowErrors errors(input.errors);
  std::size_t rows = 0;
  bool first_file = true;
  for (auto& reader : readers) {
    check_period_headers(*reader, input);
    const ColumnMap columns(reader->header(), input.overrides, reader->source_name());
    tell_period_columns(*reader, columns, input);
    const PeriodFile file(metric, settings, *reader, columns, input);
    const RowFilter where(input.where.get(), *reader, input.missing);
    if (first_file) {
      table.label_names = label_names_of(*reader, columns);
      table.warnings = file.plan().warnings;
      first_file = false;
    }
    for_each_row(*reader, errors, [&] {
      ++rows;
      if (where.keep()) table.rows.push_back(file.result_row(table.label_names, total, table.warnings));
    });
  }
  table.plan = metric.plan(settings, total.present());
  table.plan.warnings.clear();
  table.total = metric.finalize(total, settings);
  tell_rows_kept(input.where.get(), rows, table.rows.size(), input.verbose, table.warnings);
  errors.finish(table.warnings);
  return table;
}

}  // namespace cxkpi::cli
