// erlang-c's pages. Numbers given as flags: how service level and ASA move with each agent
// added, the figures the table of agent counts around the answer prints. A table of
// intervals: the agents each interval needs, its peak, and the service level reached.
#include <fmt/format.h>

#include <string_view>

#include "output/html_page.hpp"
#include "output/staffing_format.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

struct AgentAxis {
  std::vector<std::string> counts;  // the agent counts, left to right
  std::vector<ChartMarker> required;
};

AgentAxis agent_axis(const StaffingTable& t) {
  AgentAxis a;
  const auto required = t.rows.front().staffing.agents;
  for (std::size_t i = 0; i < t.around.size(); ++i) {
    a.counts.push_back(std::to_string(t.around[i].agents));
    if (required && t.around[i].agents == *required)
      a.required.push_back({fmt::format("{} agents required", *required), static_cast<double>(i) + 0.5});
  }
  return a;
}

// One figure against the agent counts; `scale` turns a share into a percent.
Chart figure_chart(const StaffingTable& t, const AgentAxis& a, std::string_view id, std::string_view axis,
                   std::optional<double> ErlangFigures::*figure, double scale, std::optional<ChartBand> target) {
  Chart c{ChartKind::line,
          fmt::format("c0-{}", id),
          fmt::format("{} by number of agents", axis),
          "",
          std::string(axis),
          a.counts,
          {{"", {}, {}}},
          {},
          a.required};
  for (const auto& f : t.around)
    c.series.front().values.push_back(f.*figure ? std::optional<double>(*(f.*figure) * scale) : std::nullopt);
  if (target) c.bands.push_back(*target);
  c.description = fmt::format(
      "{} with {} to {} agents; one point per agent count.{}{} The table below gives every "
      "figure.",
      c.title, a.counts.front(), a.counts.back(),
      target ? fmt::format(" Shaded: where the target ({}) is met.", targets_text(t)) : "",
      a.required.empty() ? "" : fmt::format(" Dashed line: {}.", a.required.front().label));
  return c;
}

// The service level at the agents required (or at --agents), as the table writes it.
std::string service_level_text(const StaffingRow& row, int precision) {
  if (!row.figures || !row.figures->service_level) return "n/a";
  return format_fixed(*row.figures->service_level * 100.0, precision);
}

// "08:30" or "08:30 billing": an interval and its labels, as a chart's category.
std::string interval_name(const StaffingRow& row) {
  std::string name = row.period;
  for (const auto& label : row.labels)
    name += (name.empty() ? "" : " ") + (label.empty() ? std::string("(empty)") : label);
  return name;
}

// Agents required per interval, and scheduled ones beside them when shrinkage makes them more.
Chart agents_chart(const StaffingTable& t, const std::vector<std::string>& intervals) {
  Chart c{ChartKind::bars, "c0-agents", "agents required by interval", "", "agents", intervals, {}, {}, {}};
  ChartSeries required{"agents required", {}, {}};
  ChartSeries scheduled{"scheduled agents", {}, {}};
  bool shrinkage = false;
  for (const auto& row : t.rows) {
    const auto& s = row.staffing;
    required.values.push_back(s.agents ? std::optional<double>(static_cast<double>(*s.agents)) : std::nullopt);
    scheduled.values.push_back(s.scheduled ? std::optional<double>(static_cast<double>(*s.scheduled)) : std::nullopt);
    shrinkage = shrinkage || s.scheduled != s.agents;
  }
  c.series.push_back(std::move(required));
  if (shrinkage) c.series.push_back(std::move(scheduled));
  const auto* peak = peak_row(t);
  c.description = fmt::format("Agents required for {} in each of {} intervals{}. {}", targets_text(t), intervals.size(),
                              shrinkage ? ", and beside them the agents to schedule for shrinkage" : "",
                              peak ? fmt::format("The most, {}, at {}.", *peak->staffing.agents, interval_name(*peak))
                                   : "No interval has one.");
  return c;
}

// The service level each interval reaches with its agents, against the target.
Chart interval_level_chart(const StaffingTable& t, const std::vector<std::string>& intervals) {
  Chart c{ChartKind::line,
          "c0-service-level",
          "service level (%) by interval",
          "",
          "service level (%)",
          intervals,
          {{"", {}, {}}},
          {ChartBand{t.targets.service_level * 100.0, std::nullopt, false}},
          {}};
  for (const auto& row : t.rows) {
    const auto& f = row.figures;
    c.series.front().values.push_back(f && f->service_level ? std::optional(*f->service_level * 100.0) : std::nullopt);
  }
  c.description = fmt::format("{} with the agents {} each interval; shaded: where the target ({}) is met.", c.title,
                              t.agents_given ? "given for" : "required in", targets_text(t));
  return c;
}

}  // namespace

HtmlPage interval_staffing_page(const StaffingTable& t, const FormatOptions& options) {
  std::vector<std::string> intervals;
  for (const auto& row : t.rows)
    intervals.push_back(interval_name(row));
  const auto* peak = peak_row(t);
  MetricSection s{"erlang-c",
                  "agents required at the peak",
                  peak ? std::to_string(*peak->staffing.agents) : "n/a",
                  {fmt::format("for {}; staffing does not add up across intervals", targets_text(t))},
                  {},
                  {agents_chart(t, intervals), interval_level_chart(t, intervals)},
                  interval_grid(t, options.precision),
                  {},
                  fmt::format("{}: {} ({})", t.patience_s ? "Erlang A" : "Erlang C", definition_text(t), model_text(t)),
                  "",
                  {},
                  peak ? fmt::format(" at {}, the busiest interval", interval_name(*peak)) : " (no interval has one)"};
  return {"cxkpi erlang-c",
          fmt::format("{} intervals", t.rows.size()),
          {std::move(s)},
          {},
          {"a table of intervals (calls and AHT per interval)"},
          {},
          t.warnings};
}

HtmlPage staffing_page(const StaffingTable& t, const FormatOptions& options) {
  const auto& row = t.rows.front();
  const auto& in = *row.input;
  const AgentAxis axis = agent_axis(t);
  MetricSection s{"erlang-c",
                  "service level (%)",
                  service_level_text(row, options.precision),
                  {row.staffing.agents ? fmt::format("{} agents required for {}", *row.staffing.agents, targets_text(t))
                                       : row.staffing.reason},
                  {},
                  {figure_chart(t, axis, "service-level", "service level (%)", &ErlangFigures::service_level, 100.0,
                                ChartBand{t.targets.service_level * 100.0, std::nullopt, false}),
                   figure_chart(t, axis, "asa", "asa (s)", &ErlangFigures::asa_s, 1.0,
                                t.targets.max_asa_s ? std::optional(ChartBand{std::nullopt, t.targets.max_asa_s, false})
                                                    : std::nullopt)},
                  around_grid(t, options.precision),
                  {},
                  fmt::format("{}: {} ({})", t.patience_s ? "Erlang A" : "Erlang C", definition_text(t), model_text(t)),
                  "",
                  {},
                  fmt::format(" at {} agents", row.figures ? row.figures->agents : 0)};
  return {
      "cxkpi erlang-c",
      fmt::format("{} calls in {} s at an AHT of {} s: {} Erlangs", format_exact(in.calls), format_exact(in.interval_s),
                  format_exact(in.aht_s), format_fixed(row.staffing.traffic, options.precision)),
      {std::move(s)},
      {},
      {"numbers given as flags (--calls, --interval, --aht)"},
      {},
      t.warnings};
}

}  // namespace cxkpi::cli
