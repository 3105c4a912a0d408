#include "commands/page_output.hpp"

#include <fmt/format.h>

#include "check/thresholds.hpp"
#include "commands/explanations.hpp"
#include "errors.hpp"
#include "output/format_options.hpp"
#include "output/html_page.hpp"

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

}  // namespace

std::vector<ChartBand> alert_bands(const Thresholds& thresholds) {
  std::vector<ChartBand> bands;
  if (thresholds.warn) add_bands(bands, *thresholds.warn, false);
  if (thresholds.crit) add_bands(bands, *thresholds.crit, true);
  return bands;
}

void refuse_charts(const OutputFlags& flags, std::string_view command) {
  const auto options = format_options(flags);
  if (draws_charts(options))
    throw Error::usage(fmt::format("{} has no --format {} yet; use table, json, ndjson, csv or markdown", command,
                                   options.format == OutputFormat::html ? "html" : "svg"));
}

std::string render_page(HtmlPage page, const OutputFlags& flags, const std::vector<std::string>& files) {
  page.inputs = files.empty() ? std::vector<std::string>{"standard input"} : files;
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
