// Tables, Markdown and CSV share one grid of cells; they differ only in how numbers are
// written (rounded for people, exact for machines) and how cells are joined.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "output/format.hpp"
#include "output/text_table.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

std::string unit_suffix(std::string_view unit) {
  if (unit == "percent") return "%";
  if (unit == "seconds") return "s";
  return std::string(unit);
}

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

// Counts (immature contacts, open cases) are whole: never shown as 12.00.
bool is_count_detail(const Result& r, std::string_view name) {
  return std::any_of(r.details.begin(), r.details.end(),
                     [&](const Detail& d) { return d.name == name && d.unit == "count"; });
}

class CellWriter {
 public:
  CellWriter(bool for_people, int precision, std::string_view unit)
      : for_people_(for_people), precision_(precision), seconds_(unit == "seconds"), count_(unit == "count") {}

  [[nodiscard]] std::string number(std::optional<double> v) const {
    if (!v) return for_people_ ? "n/a" : "";
    return for_people_ ? format_fixed(*v, precision_) : format_exact(*v);
  }
  [[nodiscard]] std::string value(std::optional<double> v) const {
    if (v && seconds_ && for_people_) return number(v) + " (" + format_clock(*v) + ")";
    if (v && count_ && std::fabs(*v - std::round(*v)) < 1e-9) return format_exact(*v);  // a whole count: never 4.00
    return number(v);
  }
  // Numerators and denominators are sums: shown exactly in both styles (no false rounding).
  [[nodiscard]] static std::string sum(double v) { return format_exact(v); }

 private:
  bool for_people_;
  int precision_;
  bool seconds_;
  bool count_;
};

TextTable build_grid(const ResultTable& t, bool for_people, int precision, bool intervals) {
  const auto names = detail_names(t, intervals);
  const CellWriter cells(for_people, precision, t.plan.unit);
  TextTable g;
  g.left_columns = {"note"};
  g.header.emplace_back("period");
  g.header.insert(g.header.end(), t.label_names.begin(), t.label_names.end());
  g.text_columns = g.header.size();
  g.header.push_back(for_people ? fmt::format("{} ({})", t.metric->name, unit_suffix(t.plan.unit)) : "value");
  g.header.insert(g.header.end(), {"numerator", "denominator", "n"});
  for (const auto n : names)
    g.header.emplace_back(n);
  g.header.emplace_back(for_people ? "note" : "reason");
  g.keys = {"period"};
  g.keys.insert(g.keys.end(), t.label_names.begin(), t.label_names.end());
  g.keys.insert(g.keys.end(), {"value", "numerator", "denominator", "n"});
  for (const auto n : names)
    g.keys.emplace_back(n);
  g.keys.emplace_back("reason");

  const bool comparing = !t.compare.empty();
  if (comparing) {
    const std::vector<std::string> names_for_people{"vs", "baseline", "change", "change %", "sig"};
    const std::vector<std::string> keys{"baseline_period", "baseline", "change", "relative_change", "significant"};
    g.header.insert(g.header.end() - 1, (for_people ? names_for_people : keys).begin(),
                    (for_people ? names_for_people : keys).end());
    g.keys.insert(g.keys.end() - 1, keys.begin(), keys.end());
    g.left_columns.emplace_back("vs");
  }
  const auto comparison_cells = [&](const std::optional<Comparison>& c) {
    if (!c) return std::vector<std::string>(5);
    const std::string sig = !c->significant   ? ""
                            : *c->significant ? (for_people ? "yes" : "true")
                                              : (for_people ? "no" : "false");
    return std::vector<std::string>{c->baseline_period, cells.number(c->baseline), cells.number(c->change),
                                    cells.number(c->relative_change), sig};
  };
  const auto add = [&](const std::string& period, const std::vector<std::string>& labels, const Result& r,
                       const std::optional<Comparison>& c) {
    std::vector<std::string> row{period};
    for (const auto& label : labels)
      row.push_back(for_people && label.empty() ? "(empty)" : label);
    row.resize(g.text_columns);
    row.insert(row.end(), {cells.value(r.value), CellWriter::sum(r.numerator), CellWriter::sum(r.denominator),
                           std::to_string(r.n)});
    for (const auto n : names) {
      const auto v = detail_of(r, n);
      row.push_back(v && is_count_detail(r, n) ? CellWriter::sum(*v) : cells.number(v));
    }
    if (comparing)
      for (auto& cell : comparison_cells(c))
        row.push_back(std::move(cell));
    row.push_back(!r.reason.empty() ? r.reason : c && !c->reason.empty() ? c->reason : "");
    g.rows.push_back(std::move(row));
  };
  for (const auto& r : t.rows)
    add(r.period, r.labels, r.result, r.comparison);
  add("total", {}, t.total, t.total_comparison);
  return g;
}

// Drops the note/reason column when no row has one.
void drop_empty_last_column(TextTable& g) {
  if (std::all_of(g.rows.begin(), g.rows.end(), [](const auto& r) { return r.back().empty(); })) {
    g.header.pop_back();
    g.keys.pop_back();
    for (auto& r : g.rows)
      r.pop_back();
  }
}

// Numbers given on the command line have no rows: one "name value" line per figure reads better.
std::string render_vertical(const ResultTable& t, int precision, bool intervals) {
  const auto g = build_grid(t, true, precision, intervals);
  const auto& total = g.rows.back();
  LabelledLines lines;
  for (std::size_t c = g.text_columns; c < g.header.size(); ++c)
    if (!total[c].empty()) lines.emplace_back(g.header[c], total[c]);
  lines.emplace_back("formula", t.plan.definition);
  return render_labelled(lines);
}

}  // namespace

std::string render_table(const ResultTable& t, const FormatOptions& options, bool markdown) {
  if (t.rows.empty() && !markdown && options.fields.empty())
    return render_vertical(t, options.precision, options.intervals);
  auto g = build_grid(t, true, options.precision, options.intervals);
  if (options.fields.empty())
    drop_empty_last_column(g);
  else
    select_columns(g, options.fields);
  return render_aligned(g, markdown);
}

std::string render_csv(const ResultTable& t, const FormatOptions& options) {
  auto g = build_grid(t, false, 0, options.intervals);
  if (!options.fields.empty()) select_columns(g, options.fields);
  return render_csv(g, options.safe_csv, options.header);
}

}  // namespace cxkpi::cli
