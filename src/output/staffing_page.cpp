// erlang-c's page for numbers given as flags: how service level and ASA move with each agent
// added, the figures the table of agent counts around the answer prints.
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

}  // namespace

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
                  fmt::format("Erlang C: {} ({})", kErlangDefinition, kErlangModel),
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
