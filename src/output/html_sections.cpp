// From finished results to the sections of the HTML report. A report's metric columns are
// each read as a single-metric table, so both commands share one way of drawing a metric.
#include <fmt/format.h>

#include <algorithm>

#include "output/cells.hpp"
#include "output/format.hpp"
#include "output/html_histogram.hpp"
#include "output/html_page.hpp"
#include "output/report_format.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

std::string group_label(const std::vector<std::string>& labels) {
  std::vector<std::string> shown;
  shown.reserve(labels.size());
  for (const auto& l : labels)
    shown.push_back(l.empty() ? "(empty)" : l);
  return fmt::format("{}", fmt::join(shown, " / "));
}

template <typename T>
std::size_t index_in(std::vector<T>& list, const T& item) {
  const auto at = std::find(list.begin(), list.end(), item);
  if (at != list.end()) return static_cast<std::size_t>(at - list.begin());
  list.push_back(item);
  return list.size() - 1;
}

// Periods in time order (their labels sort so), groups as first met; and where each row lands.
struct Layout {
  std::vector<std::string> periods;
  std::vector<std::string> groups;
  std::vector<std::pair<std::size_t, std::size_t>> cell;  // per row: period, group

  explicit Layout(const ResultTable& t) {
    for (const auto& r : t.rows)
      if (std::find(periods.begin(), periods.end(), r.period) == periods.end()) periods.push_back(r.period);
    std::sort(periods.begin(), periods.end());
    for (const auto& r : t.rows)
      cell.emplace_back(index_in(periods, r.period), index_in(groups, group_label(r.labels)));
  }
};

// Period × group, each cell the value as the terminal table writes it.
TextTable pivot(const ResultTable& t, const TextTable& grid, const Layout& at, const std::string& heading) {
  TextTable p;
  p.add_column("period", "period", ColumnKind::label);
  for (const auto& g : at.groups)
    p.add_column(g, at.groups.size() == 1 && t.label_names.empty() ? heading : g, ColumnKind::number);
  p.rows.assign(at.periods.size(), std::vector<std::string>(1 + at.groups.size()));
  for (std::size_t i = 0; i < at.periods.size(); ++i)
    p.rows[i][0] = at.periods[i].empty() ? "(all)" : at.periods[i];
  const auto value_column = 1 + t.label_names.size();
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    p.rows[at.cell[r].first][1 + at.cell[r].second] = grid.rows[r][value_column];
  return p;
}

// "lowest 12.5 (2026-03, chat)": where a chart's values reach their ends, for its text alternative.
std::string extremes(const Chart& c, int precision) {
  const ChartSeries* low_s = nullptr;
  const ChartSeries* high_s = nullptr;
  std::size_t low_i = 0;
  std::size_t high_i = 0;
  for (const auto& s : c.series)
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      if (!s.values[i]) continue;
      if (low_s == nullptr || *s.values[i] < *low_s->values[low_i]) low_s = &s, low_i = i;
      if (high_s == nullptr || *s.values[i] > *high_s->values[high_i]) high_s = &s, high_i = i;
    }
  if (low_s == nullptr) return "No value to draw.";
  const auto at = [&](const ChartSeries& s, std::size_t i) {
    return fmt::format("{} ({}{}{})", format_fixed(*s.values[i], precision), c.categories[i],
                       s.name.empty() ? "" : ", ", s.name);
  };
  return fmt::format("Lowest {}, highest {}. The table below gives every value.", at(*low_s, low_i),
                     at(*high_s, high_i));
}

struct SectionContext {
  const ResultTable& table;
  const Layout& layout;
  std::string heading;
  std::string id;
  int precision;
};

Chart trend_chart(const SectionContext& s, const Bands& bands) {
  Chart c{ChartKind::line, s.id + "-trend", s.heading + " per period", "", s.heading, s.layout.periods, {}, bands, {}};
  for (const auto& g : s.layout.groups)
    c.series.push_back({g, std::vector<std::optional<double>>(s.layout.periods.size()), {}});
  for (std::size_t r = 0; r < s.table.rows.size(); ++r)
    c.series[s.layout.cell[r].second].values[s.layout.cell[r].first] = s.table.rows[r].result.value;
  if (s.layout.groups.size() == 1 && s.table.label_names.empty()) c.series.front().name.clear();
  c.description = fmt::format("{} from {} to {}, {}. {}", c.title, c.categories.front(), c.categories.back(),
                              c.series.size() == 1 ? "one line" : "one line per group", extremes(c, s.precision));
  if (!c.bands.empty()) c.description += " Shaded: where --warn (yellow) or --crit (orange) would alert.";
  return c;
}

// The groups side by side in the last period.
Chart group_chart(const SectionContext& s) {
  const auto last = s.layout.periods.size() - 1;
  const auto period = s.layout.periods[last];
  Chart c{ChartKind::bars,
          s.id + "-groups",
          s.heading + " by group" + (period.empty() ? "" : " in " + period),
          "",
          s.heading,
          s.layout.groups,
          {{period, std::vector<std::optional<double>>(s.layout.groups.size()), {}}},
          {},
          {}};
  for (std::size_t r = 0; r < s.table.rows.size(); ++r)
    if (s.layout.cell[r].first == last) c.series[0].values[s.layout.cell[r].second] = s.table.rows[r].result.value;
  c.description = fmt::format("{}, one bar per group. {}", c.title, extremes(c, s.precision));
  return c;
}

// "2026-W11: change −4.22 (−5.34 %) against 2026-W10"; a total against --compare FILE has no period.
std::string change_text(const std::optional<Comparison>& c, const std::string& period, const NumberCells& cells) {
  if (!c || !c->change) return {};
  return fmt::format("{}{}change {}{} ({} %) against {}", period, period.empty() ? "" : ": ", cells.number(c->change),
                     c->significant.value_or(false) ? "*" : "", cells.number(c->relative_change), c->baseline_period);
}

// The headline's changes: the total's (--compare FILE); else the last period's (--compare
// previous) of each group, in the order of the groups, found by period since --sort may
// have moved the rows. With several groups each gets its own line: a manager asks how each
// channel moved, and the result has no total per period to give the groups' joint change.
struct HeadlineChanges {
  std::vector<std::string> texts;
  bool significant = false;  // any of them
};

HeadlineChanges headline_changes(const ResultTable& t, const Layout& at, const NumberCells& cells) {
  HeadlineChanges out;
  const auto add = [&](const std::optional<Comparison>& c, const std::string& period, const std::string& group) {
    if (const auto text = change_text(c, period, cells); !text.empty())
      out.texts.push_back(group.empty() ? text : group + " — " + text);
    out.significant = out.significant || (c && c->change && c->significant.value_or(false));
  };
  if (t.total_comparison || t.rows.empty()) {
    add(t.total_comparison, "", "");
    return out;
  }
  const bool named = at.groups.size() > 1;
  for (std::size_t g = 0; g < at.groups.size(); ++g)
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      if (at.cell[r] == std::pair{at.periods.size() - 1, g})
        add(t.rows[r].comparison, t.rows[r].period, named ? at.groups[g] : "");
  return out;
}

// What the marks in the section mean: the table's footnotes (†, ≈), and * when a headline change has it.
std::vector<std::string> marks_of(const TextTable& grid, bool significant_change, double confidence) {
  std::vector<std::string> marks;
  const auto notes = footnotes(grid, false);
  for (std::size_t start = 0, end = 0; start < notes.size(); start = end + 1) {
    end = notes.find('\n', start);
    marks.push_back(notes.substr(start, end - start));
  }
  if (significant_change)
    marks.push_back(fmt::format("* a change beyond sampling noise ({:g} % two-sided test)", confidence * 100));
  return marks;
}

// Past this many rows the counts table keeps the total alone: a year of daily rows by channel
// would double the page, and CSV or JSON give those counts in a form fit for so many rows.
constexpr std::size_t kCountRowsShown = 200;

// The grid's numerator, denominator and n beside the period and groups, as the terminal writes
// them; the columns a metric's grid lacks are left out.
TextTable counts_of(const TextTable& grid, const std::vector<std::string>& label_names) {
  std::vector<std::string> wanted{"period"};
  wanted.insert(wanted.end(), label_names.begin(), label_names.end());
  for (const auto* key : {"numerator", "denominator", "n"})
    wanted.emplace_back(key);
  std::vector<std::string> present;
  for (const auto& key : wanted)
    if (std::find(grid.keys.begin(), grid.keys.end(), key) != grid.keys.end()) present.push_back(key);
  if (present.size() <= 1 + label_names.size()) return {};
  auto counts = select_columns(grid, present);
  if (counts.rows.size() > kCountRowsShown) counts.rows.erase(counts.rows.begin(), counts.rows.end() - 1);
  return counts;
}

// Says where the counts went when the table keeps the total alone.
void note_cut_counts(MetricSection& m, const TextTable& grid) {
  if (!m.counts.header.empty() && grid.rows.size() > kCountRowsShown)
    m.marks.push_back(fmt::format(
        "What each value rests on is given for the whole range only ({} rows): --format csv or json gives it "
        "per period and group",
        grid.rows.size()));
}

MetricSection section_of(const ResultTable& t, const FormatOptions& options, const Bands& bands, std::size_t index) {
  const auto grid = people_grid(t, options.precision, options.intervals);
  const Layout layout(t);
  const SectionContext s{t, layout, metric_heading(t.metric->name, t.plan.unit), fmt::format("c{}", index),
                         options.precision};
  const NumberCells cells(true, options.precision);
  auto changes = headline_changes(t, layout, cells);
  MetricSection m{std::string(t.metric->name),
                  s.heading,
                  grid.rows.back()[1 + t.label_names.size()],
                  std::move(changes.texts),
                  marks_of(grid, changes.significant, t.confidence),
                  {},
                  pivot(t, grid, layout, s.heading),
                  counts_of(grid, t.label_names),
                  fmt::format("{}: {} ({})", t.metric->title, t.plan.definition, unit_name(t.plan.unit)),
                  "",
                  {}};
  note_cut_counts(m, grid);
  if (layout.periods.size() >= 2) m.charts.push_back(trend_chart(s, bands));
  if (layout.groups.size() >= 2) m.charts.push_back(group_chart(s));
  if (auto h = duration_histogram_of(t.total, s.id, s.heading, options.precision)) {
    m.charts.push_back(std::move(h->chart));
    m.distribution = std::move(h->counts);
  }
  return m;
}

// A report's metric column as the table a single-metric command gives.
ResultTable column_table(const ReportTable& r, std::size_t i) {
  const auto comparison = [i](const ReportRow& row) {
    return i < row.comparisons.size() ? row.comparisons[i] : std::nullopt;
  };
  ResultTable t{r.columns[i].metric, r.columns[i].plan,   r.group_names, {}, r.total.results[i], {},
                r.compare,           comparison(r.total), r.confidence};
  for (const auto& row : r.rows)
    t.rows.push_back({row.period, row.groups, row.results[i], comparison(row)});
  return t;
}

std::string grouping(const std::vector<std::string>& names) {
  return names.empty() ? "" : fmt::format(", grouped by {}", fmt::join(names, ", "));
}

}  // namespace

HtmlPage result_page(const ResultTable& table, const FormatOptions& options, const Bands& bands) {
  HtmlPage page{fmt::format("cxkpi {}", table.metric->name),
                fmt::format("{}{}", table.metric->title, grouping(table.label_names)),
                {section_of(table, options, bands, 0)},
                people_grid(table, options.precision, options.intervals),
                {},
                {fmt::format("n over the whole range: {}", table.total.n)},
                table.warnings};
  return page;
}

HtmlPage report_page(const ReportTable& report, const FormatOptions& options, const std::vector<Bands>& bands) {
  HtmlPage page{"cxkpi report",
                fmt::format("Every metric the input supports, by {} (time zone {}){}", report.by, report.tz,
                            grouping(report.group_names)),
                {},
                report_people_grid(report, options.precision),
                {},
                {fmt::format("contacts counted: {}", report.total.contacts)},
                report.warnings};
  for (std::size_t i = 0; i < report.columns.size(); ++i)
    page.sections.push_back(section_of(column_table(report, i), options, i < bands.size() ? bands[i] : Bands{}, i));
  return page;
}

}  // namespace cxkpi::cli
