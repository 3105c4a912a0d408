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

// Confidence intervals are columns only when asked for (--ci).
std::vector<std::string_view> detail_names(const ResultTable& t, bool intervals) {
  std::vector<std::string_view> names;
  const auto add = [&](const Detail& d) {
    if ((intervals || !d.on_request) && std::find(names.begin(), names.end(), d.name) == names.end())
      names.push_back(d.name);
  };
  for (const auto& d : t.total.details)
    add(d);
  for (const auto& row : t.rows)
    for (const auto& d : row.result.details)
      add(d);
  return names;
}

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

template <typename Flagged>
bool any_result(const ResultTable& t, Flagged flagged) {
  return flagged(t.total) ||
         std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& r) { return flagged(r.result); });
}
bool any_small_sample(const ResultTable& t) {
  return any_result(t, [](const Result& r) { return r.small_n; });
}
bool any_approximate(const ResultTable& t) {
  return any_result(t, [](const Result& r) { return r.relative_error.has_value(); });
}

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
  }
  g.add_column("reason", people ? "note" : "reason", ColumnKind::note);
}

std::vector<std::string> comparison_cells(const std::optional<Comparison>& c, const CellWriter& cells) {
  if (!c) return std::vector<std::string>(5);
  return {c->baseline_period, cells.number(c->baseline), cells.number(c->change), cells.number(c->relative_change),
          cells.flag(c->significant)};
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

GridShape grid_shape(const ResultTable& t, bool for_people, bool intervals) {
  return {t, detail_names(t, intervals), for_people, any_small_sample(t), any_approximate(t)};
}

// Hands each row's cells to `take` in turn, the total last: one row's cells exist at a time.
template <typename Take>
void for_each_grid_row(const ResultTable& t, const GridShape& shape, const CellWriter& cells, Take take) {
  for (const auto& r : t.rows) {
    std::vector<std::string> labels{r.period};
    for (const auto& label : r.labels)
      labels.push_back(shape.for_people && label.empty() ? "(empty)" : label);
    take(row_cells(shape, cells, std::move(labels), r.result, r.comparison));
  }
  take(row_cells(shape, cells, {"total"}, t.total, t.total_comparison));
}

TextTable build_grid(const ResultTable& t, bool for_people, int precision, bool intervals) {
  const auto shape = grid_shape(t, for_people, intervals);
  const CellWriter cells(for_people, precision, t.plan.unit);
  TextTable g;
  add_columns(g, shape);
  for_each_grid_row(t, shape, cells, [&](std::vector<std::string> row) { g.rows.push_back(std::move(row)); });
  return g;
}

// CSV is written a row at a time: a table of a million rows is never held as cells.
std::string render_csv_rows(const ResultTable& t, const FormatOptions& options) {
  const auto shape = grid_shape(t, false, options.intervals);
  const CellWriter cells(false, options.precision, t.plan.unit);
  TextTable columns;
  add_columns(columns, shape);
  CsvLines csv(columns, options);
  for_each_grid_row(t, shape, cells, [&](const std::vector<std::string>& row) { csv.add(row); });
  return csv.take();
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
