#include "compute/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace cxkpi::cli {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The metric whose results are compared, how it was planned (CSAT's test depends on its
// method), and the level its changes are tested at.
struct Metric {
  const MetricSpec* spec;
  const Plan* plan;
  double confidence;
};

Comparison compare(const Metric& m, const Result& now, const Result& then, std::string period) {
  Comparison c;
  c.baseline_period = std::move(period);
  c.baseline = then.value;
  if (!then.value) {
    c.reason = fmt::format("the baseline has no value ({})", then.reason);
    return c;
  }
  if (now.value) {
    c.change = *now.value - *then.value;
    if (std::fabs(*then.value) > 0) c.relative_change = 100 * *c.change / std::fabs(*then.value);
    // A change is significant when a two-sided test at the --confidence level says so.
    if (m.spec->p_value != nullptr) c.p_value = m.spec->p_value(*m.plan, now, then);
    if (c.p_value) {
      c.significant = *c.p_value < 1 - m.confidence;
      c.small_sample = small_sample_test(now, then);
    }
  }
  return c;
}

Comparison missing(std::string period, std::string reason) {
  Comparison c;
  c.baseline_period = std::move(period);
  c.reason = std::move(reason);
  return c;
}

// One metric's results in row order, whatever table they come from.
struct Point {
  std::string period;
  std::string group;  // the group values joined
  const Result* result;
};

std::string join_group(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, "\x1f"));
}

// The points of dated periods by (group, period). A dated label is zero-padded ISO (2026,
// 2026-03, 2026-Q1, 2026-W07, 2026-03-04, 2026-03-04T09), so within a group the labels sort
// in time order, whatever order the rows came in (a newest-first table).
using PointIndex = std::map<std::pair<std::string, std::string>, const Point*>;

PointIndex dated_points(const std::vector<Point>& points) {
  PointIndex index;
  for (const auto& p : points)
    if (is_dated_period(p.period)) index.emplace(std::pair{p.group, p.period}, &p);
  return index;
}

Comparison against_previous(const Metric& m, const Point& p, const PointIndex& index) {
  if (!is_dated_period(p.period))
    return missing("", fmt::format("\"{}\" is not a dated period, so it has no previous one", p.period));
  const auto it = index.find({p.group, p.period});
  if (it == index.begin() || std::prev(it)->first.first != p.group)
    return missing("", "the first period has no previous one");
  const auto& before = *std::prev(it)->second;
  return compare(m, *p.result, *before.result, before.period);
}

Comparison against_year_earlier(const Metric& m, const Point& p, const PointIndex& index) {
  const auto earlier = year_earlier(p.period);
  if (!earlier) return missing("", fmt::format("\"{}\" is not a dated period", p.period));
  if (const auto it = index.find({p.group, *earlier}); it != index.end())
    return compare(m, *p.result, *it->second->result, *earlier);
  return missing(*earlier, fmt::format("no {} in the input", *earlier));
}

// Baselines in time order: the group's period before, or the same period a year earlier.
std::vector<Comparison> within(const Metric& m, const std::vector<Point>& points, bool previous_year) {
  const auto index = dated_points(points);
  std::vector<Comparison> out;
  out.reserve(points.size());
  for (const auto& p : points)
    out.push_back(previous_year ? against_year_earlier(m, p, index) : against_previous(m, p, index));
  return out;
}

// Against another input: the same period and group, else the same period as a whole, else
// (when the baseline has no rows) its total.
std::vector<Comparison> against(const Metric& m, const std::vector<Point>& points, const std::vector<Point>& base,
                                const Result& base_total, const std::string& base_name) {
  std::map<std::pair<std::string, std::string>, const Point*> rows;
  for (const auto& p : base)
    rows[{p.period, p.group}] = &p;
  std::vector<Comparison> out;
  for (const auto& p : points) {
    if (base.empty())
      out.push_back(compare(m, *p.result, base_total, "total"));
    else if (const auto it = rows.find({p.period, p.group}); it != rows.end())
      out.push_back(compare(m, *p.result, *it->second->result, p.period));
    else if (const auto whole = rows.find({p.period, ""}); whole != rows.end())
      out.push_back(compare(m, *p.result, *whole->second->result, p.period));
    else
      out.push_back(missing(p.period, fmt::format("no {} in {}", p.period, base_name)));
  }
  return out;
}

std::vector<Point> points_of(const ResultTable& t) {
  std::vector<Point> out;
  for (const auto& r : t.rows)
    out.push_back({r.period, join_group(r.labels), &r.result});
  return out;
}

std::vector<Point> points_of(const ReportTable& t, std::size_t metric) {
  std::vector<Point> out;
  for (const auto& r : t.rows)
    out.push_back({r.period, join_group(r.groups), &r.results[metric]});
  return out;
}

}  // namespace

bool is_dated_period(std::string_view label) {
  if (label.size() < 4 || !digits(label.substr(0, 4))) return false;
  const auto rest = label.substr(4);
  return rest.empty() || (rest.size() == 3 && rest[0] == '-' && digits(rest.substr(1))) ||  // -MM
         (rest.size() == 3 && rest.substr(0, 2) == "-Q") ||                                 // -Qn
         (rest.size() == 4 && rest.substr(0, 2) == "-W" && digits(rest.substr(2))) ||       // -Www
         (rest.size() == 6 && rest[0] == '-' && rest[3] == '-') ||                          // -MM-DD
         (rest.size() == 9 && rest[0] == '-' && rest[3] == '-' && rest[6] == 'T') ||        // -MM-DDTHH
         (rest.size() == 12 && rest[0] == '-' && rest[6] == 'T' && rest[9] == ':') ||       // -MM-DDTHH:MM
         // -MM-DDTHH+hh:mm: the later of an hour a change back from summer time repeats
         (rest.size() == 15 && rest[0] == '-' && rest[6] == 'T' && (rest[9] == '+' || rest[9] == '-'));
}

std::optional<std::string> year_earlier(std::string_view label) {
  if (!is_dated_period(label)) return std::nullopt;
  return fmt::format("{:04}{}", std::stoi(std::string(label.substr(0, 4))) - 1, label.substr(4));
}

void compare_within(ResultTable& t, bool previous_year, double confidence) {
  t.compare = previous_year ? "previous-year" : "previous";
  t.confidence = confidence;
  const auto found = within({t.metric, &t.plan, confidence}, points_of(t), previous_year);
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    t.rows[i].comparison = found[i];
}

void compare_with(ResultTable& t, const ResultTable& baseline, const std::string& baseline_name, double confidence) {
  t.compare = baseline_name;
  t.confidence = confidence;
  const Metric m{t.metric, &t.plan, confidence};
  const auto found = against(m, points_of(t), points_of(baseline), baseline.total, baseline_name);
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    t.rows[i].comparison = found[i];
  t.total_comparison = compare(m, t.total, baseline.total, "total");
}

void compare_within(ReportTable& t, bool previous_year, double confidence) {
  t.compare = previous_year ? "previous-year" : "previous";
  t.confidence = confidence;
  for (auto& row : t.rows)
    row.comparisons.assign(t.columns.size(), std::nullopt);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const auto found = within({t.columns[c].metric, &t.columns[c].plan, confidence}, points_of(t, c), previous_year);
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      t.rows[i].comparisons[c] = found[i];
  }
}

void compare_with(ReportTable& t, const ReportTable& baseline, const std::string& baseline_name, double confidence) {
  t.compare = baseline_name;
  t.confidence = confidence;
  for (auto& row : t.rows)
    row.comparisons.assign(t.columns.size(), std::nullopt);
  t.total.comparisons.assign(t.columns.size(), std::nullopt);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const Metric m{t.columns[c].metric, &t.columns[c].plan, confidence};
    const auto column = std::find_if(baseline.columns.begin(), baseline.columns.end(),
                                     [&](const ReportColumn& b) { return b.metric == t.columns[c].metric; });
    if (column == baseline.columns.end()) continue;
    const auto bc = static_cast<std::size_t>(column - baseline.columns.begin());
    const auto found = against(m, points_of(t, c), points_of(baseline, bc), baseline.total.results[bc], baseline_name);
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      t.rows[i].comparisons[c] = found[i];
    t.total.comparisons[c] = compare(m, t.total.results[c], baseline.total.results[bc], "total");
  }
}

}  // namespace cxkpi::cli
