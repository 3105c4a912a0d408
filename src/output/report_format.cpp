#include "output/report_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "output/cells.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/json.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

// Per metric column: whether some value of it rests on too few survey answers.
std::vector<bool> small_sample_columns(const ReportTable& r) {
  std::vector<bool> small(r.columns.size());
  const auto mark = [&](const ReportRow& row) {
    for (std::size_t i = 0; i < small.size() && i < row.results.size(); ++i)
      if (row.results[i].small_n) small[i] = true;
  };
  mark(r.total);
  std::for_each(r.rows.begin(), r.rows.end(), mark);
  return small;
}

void add_columns(TextTable& g, const ReportTable& r, const std::vector<bool>& small, bool for_people) {
  g.add_column("period", "period", ColumnKind::label);
  for (const auto& name : r.group_names)
    g.add_column(name, name, ColumnKind::label);
  g.add_column("contacts", "contacts", ColumnKind::number);
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    const auto& c = r.columns[i];
    const auto key = report_key(c.metric->name);
    g.add_column(key, for_people ? metric_heading(c.metric->name, c.plan.unit) : key, ColumnKind::number);
    if (!for_people && small[i]) g.add_column(key + "_small_n", key + "_small_n", ColumnKind::number);
    if (r.compare.empty()) continue;
    g.add_column(key + "_change", for_people ? std::string(c.metric->name) + " Δ" : key + "_change",
                 ColumnKind::number);
    if (for_people) continue;
    g.add_column(key + "_significant", key + "_significant", ColumnKind::number);
    g.add_column(key + "_p_value", key + "_p_value", ColumnKind::number);
  }
}

class ReportCells {
 public:
  ReportCells(const ReportTable& r, std::vector<bool> small, bool for_people, int precision)
      : report_(r), numbers_(for_people, precision), small_(std::move(small)) {}

  [[nodiscard]] std::vector<std::string> row(const ReportRow& row) const {
    std::vector<std::string> cells{row.period};
    for (const auto& label : row.groups)
      cells.push_back(numbers_.for_people() && label.empty() ? "(empty)" : label);
    cells.resize(1 + report_.group_names.size());
    cells.push_back(std::to_string(row.contacts));
    for (std::size_t i = 0; i < row.results.size(); ++i) {
      const auto& result = row.results[i];
      const SmallSampleMarks marks(numbers_.for_people() && small_[i]);
      cells.push_back(marks.cell(numbers_.value(result.value, report_.columns[i].plan.unit), result.small_n));
      if (!numbers_.for_people() && small_[i]) cells.push_back(numbers_.flag(result.small_n));
      if (!report_.compare.empty()) comparison(cells, i < row.comparisons.size() ? row.comparisons[i] : std::nullopt);
    }
    return cells;
  }

 private:
  void comparison(std::vector<std::string>& cells, const std::optional<Comparison>& c) const {
    const bool people = numbers_.for_people();
    const bool significant = c && c->significant.value_or(false);
    // In tables a * marks a change beyond sampling noise at the --confidence level.
    cells.push_back(c ? numbers_.number(c->change) + (people && significant ? "*" : "") : "");
    if (people) return;
    cells.push_back(numbers_.flag(c ? c->significant : std::nullopt));
    cells.push_back(numbers_.number(c ? c->p_value : std::nullopt));
  }

  const ReportTable& report_;
  NumberCells numbers_;
  std::vector<bool> small_;  // per metric column: some value rests on too few survey answers
};

TextTable report_grid(const ReportTable& r, bool for_people, int precision) {
  TextTable g;
  const auto small = small_sample_columns(r);
  add_columns(g, r, small, for_people);
  const ReportCells cells(r, small, for_people, precision);
  for (const auto& row : r.rows)
    g.rows.push_back(cells.row(row));
  g.rows.push_back(cells.row(r.total));
  return g;
}

}  // namespace

// CSV is written a row at a time: a report of a million rows is never held as cells.
CsvRowWriter<ReportRow> report_csv_writer(const ReportTable& report, const std::vector<bool>& small,
                                          const FormatOptions& options) {
  TextTable columns;
  add_columns(columns, report, small, false);
  return {
      columns,
      [cells = ReportCells(report, small, false, options.precision)](const ReportRow& row) { return cells.row(row); },
      options};
}

namespace {

std::string report_csv(const ReportTable& r, const FormatOptions& options) {
  auto csv = report_csv_writer(r, small_sample_columns(r), options);
  for (const auto& row : r.rows)
    csv.add(row);
  return csv.finish(r.total);
}

ordered_json row_json(const ReportTable& r, const ReportRow& row, bool with_group) {
  ordered_json o;
  o["period"] = row.period;
  if (with_group) {
    o["group"] = group_json(r.group_names, row.groups);
  }
  o["contacts"] = row.contacts;
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    auto& metric = o[report_key(r.columns[i].metric->name)] = result_json(row.results[i]);
    if (i < row.comparisons.size() && row.comparisons[i]) metric["baseline"] = comparison_json(*row.comparisons[i]);
  }
  return o;
}

std::string report_json(const ReportTable& r) {
  ordered_json doc;
  doc["schema"] = kSchemaVersion;
  doc["by"] = r.by;
  doc["tz"] = r.tz;
  if (!r.definitions.empty()) doc["definitions"] = r.definitions;
  doc["metrics"] = ordered_json::array();
  for (const auto& c : r.columns)
    doc["metrics"].push_back(report_key(c.metric->name));
  doc["units"] = ordered_json::object();
  for (const auto& c : r.columns)
    doc["units"][report_key(c.metric->name)] = unit_name(c.plan.unit);
  auto total = row_json(r, r.total, false);
  total.erase("period");
  ordered_json after;
  after["total"] = std::move(total);
  if (!r.compare.empty()) {
    after["compare"] = r.compare;
    after["confidence"] = json_number(r.confidence);
  }
  after["warnings"] = r.warnings;
  return object_with_rows(
             doc, r.rows, [&](const ReportRow& row) { return row_json(r, row, true); }, after) +
         "\n";
}

std::string report_ndjson(const ReportTable& r) {
  std::string out;
  for (const auto& row : r.rows)
    out += ndjson_line(row_json(r, row, true));
  return out + ndjson_line(row_json(r, r.total, false));
}

}  // namespace

TextTable report_people_grid(const ReportTable& report, int precision) {
  return report_grid(report, true, precision);
}

std::string render_report_ndjson_row(const ReportTable& report, const ReportRow& row) {
  return ndjson_line(row_json(report, row, true));
}
std::string render_report_ndjson_total(const ReportTable& report) {
  return ndjson_line(row_json(report, report.total, false));
}

std::string render_report(const ReportTable& report, const FormatOptions& options) {
  if (options.format == OutputFormat::json) return report_json(report);
  if (options.format == OutputFormat::ndjson) return report_ndjson(report);
  if (delimited(options)) return report_csv(report, options);
  return render_grid(report_grid(report, for_people(options), options.precision), options);
}

// A metric is named as in --metrics (service-level or service_level).
void sort_rows(ReportTable& report, const SortOptions& options) {
  std::vector<std::string> names{"period", "contacts"};
  names.insert(names.end(), report.group_names.begin(), report.group_names.end());
  const auto first_metric = names.size();
  for (const auto& c : report.columns)
    names.push_back(report_key(c.metric->name));
  const auto key = [&](std::size_t row, std::size_t column) -> SortKey {
    const auto& r = report.rows[row];
    if (column == 0) return {std::nullopt, r.period};
    if (column == 1) return {static_cast<double>(r.contacts), {}};
    if (column < first_metric) return {std::nullopt, r.groups[column - 2]};
    return {r.results[column - first_metric].value, {}};
  };
  auto by = options;
  if (std::find(names.begin() + static_cast<std::ptrdiff_t>(first_metric), names.end(), report_key(by.key)) !=
      names.end())
    by.key = report_key(by.key);
  sort_rows(report.rows, {names, key}, by);
}

}  // namespace cxkpi::cli
