#include "commands/page_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "check/thresholds.hpp"
#include "commands/explanations.hpp"
#include "errors.hpp"
#include "output/format_options.hpp"
#include "output/html_page.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {
namespace {

std::string pitfalls_of(std::string_view metric) {
  const auto* e = find_explanation(metric);
  if (e == nullptr || e->pitfalls.empty()) return {};
  return fmt::format("Pitfalls: {}", fmt::join(e->pitfalls, " "));
}

void add_bands(std::vector<ChartBand>& bands, const Range& range, bool critical) {
  if (range.alert_inside) {
    bands.push_back({range.low, range.high, critical});
    return;
  }
  if (range.low) bands.push_back({std::nullopt, range.low, critical});
  if (range.high) bands.push_back({range.high, std::nullopt, critical});
}

// One block per value: ▁ at the series' lowest, █ at its highest (▄ when all are equal).
std::string spark_line(const ChartSeries& s) {
  static constexpr std::array<std::string_view, 8> kBlocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double low = INFINITY;
  double high = -INFINITY;
  for (const auto& v : s.values)
    if (v) low = std::min(low, *v), high = std::max(high, *v);
  std::string out;
  for (const auto& v : s.values) {
    if (!v) {
      out += "·";
      continue;
    }
    const double share = high > low ? (*v - low) / (high - low) : 3.0 / 7.0;
    out += kBlocks[static_cast<std::size_t>(std::lround(share * 7))];
  }
  return out;
}

}  // namespace

std::string sparklines(const HtmlPage& page) {
  const auto& charts = page.sections.front().charts;
  if (charts.empty() || charts.front().kind != ChartKind::line) return {};
  const auto& trend = charts.front();
  LabelledLines lines;
  for (const auto& s : trend.series)
    lines.emplace_back(fmt::format("trend {}", s.name.empty() ? page.sections.front().heading : s.name), spark_line(s));
  return fmt::format("\n{}", render_labelled(lines));
}

std::vector<ChartBand> alert_bands(const Thresholds& thresholds) {
  std::vector<ChartBand> bands;
  if (thresholds.warn) add_bands(bands, *thresholds.warn, false);
  if (thresholds.crit) add_bands(bands, *thresholds.crit, true);
  return bands;
}

std::string render_page(HtmlPage page, const OutputFlags& flags, const std::vector<std::string>& files) {
  if (page.inputs.empty()) page.inputs = files.empty() ? std::vector<std::string>{"standard input"} : files;
  for (auto& s : page.sections)
    s.notes = pitfalls_of(s.name);
  if (format_options(flags).format == OutputFormat::html) return render_html(page) + "\n";
  auto chart = render_first_chart(page);
  if (chart.empty())
    throw Error::usage(
        "--format svg draws a trend over periods or groups side by side, and this result has one period and one "
        "group (try --by day or --group channel)");
  return chart;
}

}  // namespace cxkpi::cli
