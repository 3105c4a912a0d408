// Tables, Markdown and CSV share one grid of cells; they differ only in how numbers are
// written (rounded for people, exact for machines) and how cells are joined.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "output/cells.hpp"
#include "output/format.hpp"
#include "output/text_table.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

// A metric's cells: its value (a duration also as a clock, for people), sums and details.
class CellWriter : public NumberCells {
 public:
  CellWriter(bool for_people, int precision, Unit unit) : NumberCells(for_people, precision), unit_(unit) {}

  [[nodiscard]] std::string value(std::optional<double> v) const {
    if (v && unit_ == Unit::seconds && for_people()) return number(v) + " (" + format_clock(*v) + ")";
    return NumberCells::value(v, unit_);
  }
  // Numerators and denominators are sums: shown exactly in both styles (no false rounding).
  [[nodiscard]] static std::string sum(double v) { return format_exact(v); }
  /// A numerator or denominator: its whole count when the metric kept one (exact past 2^53).
  [[nodiscard]] static std::string sum(std::optional<std::int64_t> whole, double v) {
    return whole ? std::to_string(*whole) : sum(v);
  }

 private:
  Unit unit_;
};

struct GridShape {
  const ResultTable& table;
  std::vector<std::string_view> details;  // the detail columns
  bool for_people;
  bool small_samples;  // some value rests on too few survey answers
  bool approximate;    // some figure comes from the --approx sketch
  [[nodiscard]] bool comparing() const { return !table.compare.empty(); }
  // People see a mark before such figures; programs a relative_error column (its bound).
  [[nodiscard]] bool relative_error_column() const { return !for_people && approximate; }
  // People see a mark after such values; programs a small_n column.
  [[nodiscard]] SmallSampleMarks marks() const { return SmallSampleMarks(for_people && small_samples); }
  [[nodiscard]] bool small_n_column() const { return !for_people && small_samples; }
};

void add_columns(TextTable& g, const GridShape& s) {
  const auto& t = s.table;
  const bool people = s.for_people;
  g.add_column("period", "period", ColumnKind::label);
  for (const auto& name : t.label_names)
    g.add_column(name, name, ColumnKind::label);
  g.add_column("value", people ? metric_heading(t.metric->name, t.plan.unit) : "value", ColumnKind::number);
  for (const std::string name : {"numerator", "denominator", "n"})
    g.add_column(name, name, ColumnKind::number);
  if (s.small_n_column()) g.add_column("small_n", "small_n", ColumnKind::number);
  for (const auto name : s.details)
    g.add_column(std::string(name), std::string(name), ColumnKind::number);
  if (s.relative_error_column()) g.add_column("relative_error", "relative_error", ColumnKind::number);
  if (s.comparing()) {
    g.add_column("baseline_period", people ? "vs" : "baseline_period", ColumnKind::label);
    g.add_column("baseline", "baseline", ColumnKind::number);
    g.add_column("change", "change", ColumnKind::number);
    g.add_column("relative_change", people ? "change %" : "relative_change", ColumnKind::number);
    g.add_column("significant", people ? "sig" : "significant", ColumnKind::number);
    g.add_column("p_value", people ? "p" : "p_value", ColumnKind::number);
    if (!people) g.add_column("test_small_n", "test_small_n", ColumnKind::number);
  }
  g.add_column("reason", people ? "note" : "reason", ColumnKind::note);
}

// A p-value for people: three decimals, and "<0.001" below them (never a bare 0.000); exact
// for programs.
std::string format_p_value(double p, bool people) {
  if (!people) return format_exact(p);
  return p < 0.001 ? "<0.001" : fmt::format("{:.3f}", p);
}

// A test on a small sample is marked for people (yes‡) and flagged for programs (test_small_n).
std::vector<std::string> comparison_cells(const std::optional<Comparison>& c, const CellWriter& cells) {
  const bool people = cells.for_people();
  if (!c) return std::vector<std::string>(people ? 6 : 7);
  const bool marked = people && c->small_sample && c->significant.has_value();
  std::vector<std::string> out{c->baseline_period,
                               cells.number(c->baseline),
                               cells.number(c->change),
                               cells.number(c->relative_change),
                               cells.flag(c->significant) + (marked ? std::string(kSmallTestMark) : ""),
                               c->p_value ? format_p_value(*c->p_value, people) : ""};
  if (!people) out.push_back(c->p_value ? cells.flag(c->small_sample) : "");
  return out;
}

// Counts (immature contacts, open cases) are whole: never shown as 12.00. A figure from the
// --approx sketch is marked for people.
std::string detail_cell(const Detail* d, const CellWriter& cells) {
  if (d == nullptr || !d->value) return cells.number(std::nullopt);
  if (d->unit == Unit::count) return CellWriter::sum(*d->value);
  const auto shown = cells.number(d->value);
  return d->approximate && cells.for_people() ? std::string(kApproximateMark) + shown : shown;
}

std::vector<std::string> row_cells(const GridShape& s, const CellWriter& cells, std::vector<std::string> labels,
                                   const Result& r, const std::optional<Comparison>& c) {
  std::vector<std::string> row = std::move(labels);
  row.resize(1 + s.table.label_names.size());
  row.insert(row.end(),
             {s.marks().cell(cells.value(r.value), r.small_n), CellWriter::sum(r.whole_numerator, r.numerator),
              CellWriter::sum(r.whole_denominator, r.denominator), std::to_string(r.n)});
  if (s.small_n_column()) row.push_back(cells.flag(r.small_n));
  for (const auto n : s.details)
    row.push_back(detail_cell(find_detail(r, n), cells));
  if (s.relative_error_column()) row.push_back(cells.number(r.relative_error));
  if (s.comparing())
    for (auto& cell : comparison_cells(c, cells))
      row.push_back(std::move(cell));
  row.push_back(!r.reason.empty() ? r.reason : c && !c->reason.empty() ? c->reason : "");
  return row;
}

GridShape grid_shape(const ResultTable& t, bool for_people, const ResultColumns& columns) {
  return {t, columns.details(), for_people, columns.small_samples(), columns.approximate()};
}

// The columns that the figures of a table held whole need.
ResultColumns columns_of(const ResultTable& t, bool intervals) {
  ResultColumns columns(intervals);
  columns.see_total(t.total);
  for (const auto& r : t.rows)
    columns.see(r.result);
  return columns;
}

GridShape grid_shape(const ResultTable& t, bool for_people, bool intervals) {
  return grid_shape(t, for_people, columns_of(t, intervals));
}

// A row's cells: its period and labels ("(empty)" for people where a label is blank), then its figures.
std::vector<std::string> grid_row(const GridShape& shape, const CellWriter& cells, const ResultRow& r) {
  std::vector<std::string> labels{r.period};
  for (const auto& label : r.labels)
    labels.push_back(shape.for_people && label.empty() ? "(empty)" : label);
  return row_cells(shape, cells, std::move(labels), r.result, r.comparison);
}

TextTable build_grid(const ResultTable& t, bool for_people, int precision, bool intervals) {
  const auto shape = grid_shape(t, for_people, intervals);
  const CellWriter cells(for_people, precision, t.plan.unit);
  TextTable g;
  add_columns(g, shape);
  for (const auto& r : t.rows)
    g.rows.push_back(grid_row(shape, cells, r));
  g.rows.push_back(grid_row(shape, cells, total_row(t)));
  return g;
}

// CSV is written a row at a time: a table of a million rows is never held as cells.
std::string render_csv_rows(const ResultTable& t, const FormatOptions& options) {
  auto csv = result_csv_writer(t, columns_of(t, options.intervals), options);
  for (const auto& r : t.rows)
    csv.add(r);
  return csv.finish(total_row(t));
}

// Numbers given on the command line have no rows: one "name value" line per figure reads better.
std::string render_vertical(const ResultTable& t, int precision, bool intervals) {
  const auto g = build_grid(t, true, precision, intervals);
  const auto& total = g.rows.back();
  LabelledLines lines;
  for (std::size_t c = 1 + t.label_names.size(); c < g.header.size(); ++c)
    if (!total[c].empty()) lines.emplace_back(g.header[c], total[c]);
  lines.emplace_back("formula", t.plan.definition);
  return render_labelled(lines) + (t.total.small_n ? small_sample_footnote(false) : "") +
         (t.total.relative_error ? approximate_footnote(false) : "");
}

}  // namespace

ResultRow total_row(const ResultTable& t) {
  return {"total", {}, t.total, t.total_comparison};
}

void ResultColumns::see(const Result& r) {
  add_details(r, row_details_);
  small_samples_ = small_samples_ || r.small_n;
  approximate_ = approximate_ || r.relative_error.has_value();
}

void ResultColumns::see_total(const Result& total) {
  total_details_.clear();
  add_details(total, total_details_);
  small_samples_ = small_samples_ || total.small_n;
  approximate_ = approximate_ || total.relative_error.has_value();
}

// Confidence intervals are columns only when asked for (--ci).
void ResultColumns::add_details(const Result& r, std::vector<std::string_view>& names) const {
  for (const auto& d : r.details)
    if ((intervals_ || !d.on_request) && std::find(names.begin(), names.end(), d.name) == names.end())
      names.push_back(d.name);
}

// The total's first, then the rows' others in the order they came.
std::vector<std::string_view> ResultColumns::details() const {
  auto names = total_details_;
  for (const auto name : row_details_)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

CsvRowWriter<ResultRow> result_csv_writer(const ResultTable& table, const ResultColumns& columns,
                                          const FormatOptions& options) {
  TextTable header;
  const auto shape = grid_shape(table, false, columns);
  add_columns(header, shape);
  return {header,
          [shape, cells = CellWriter(false, options.precision, table.plan.unit)](const ResultRow& r) {
            return grid_row(shape, cells, r);
          },
          options};
}

TextTable people_grid(const ResultTable& table, int precision, bool intervals) {
  return build_grid(table, true, precision, intervals);
}

std::string render_grid(const ResultTable& t, const FormatOptions& options) {
  if (t.rows.empty() && options.format == OutputFormat::table && options.fields.empty())
    return render_vertical(t, options.precision, options.intervals);
  if (delimited(options)) return render_csv_rows(t, options);
  return render_grid(build_grid(t, for_people(options), options.precision, options.intervals), options);
}

void sort_rows(ResultTable& t, const SortOptions& options) {
  std::vector<std::string> names{"period", "value", "numerator", "denominator", "n"};
  names.insert(names.end(), t.label_names.begin(), t.label_names.end());
  for (const auto& d : t.total.details)
    names.emplace_back(d.name);
  const auto key = [&](std::size_t row, std::size_t column) -> SortKey {
    const auto& r = t.rows[row];
    if (column == 0) return {std::nullopt, r.period};
    if (column == 1) return {r.result.value, {}};
    if (column == 2) return {r.result.numerator, {}};
    if (column == 3) return {r.result.denominator, {}};
    if (column == 4) return {static_cast<double>(r.result.n), {}};
    if (column < 5 + t.label_names.size()) return {std::nullopt, r.labels[column - 5]};
    return {detail_of(r.result, names[column]), {}};
  };
  sort_rows(t.rows, {names, key}, options);
}

}  // namespace cxkpi::cli
