#pragma once
// A self-contained HTML report of finished results: per metric a headline, a trend and a
// group comparison as inline SVG, the figures as a table, and what the figures rest on in
// a footer. No script, nothing fetched: it reads the same offline, attached to an e-mail
// or printed on A4 landscape.

#include <string>
#include <vector>

#include "model/report_table.hpp"
#include "model/result_table.hpp"
#include "output/format_options.hpp"
#include "output/svg_chart.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {

/// One metric: the headline figure, its charts and its table.
struct MetricSection {
  std::string name;     // the metric, as its command is named
  std::string heading;  // "aht (s)"
  std::string total;    // the value over the whole range, as the terminal table writes it
  // "2026-08: change −1.50 (−3.20 %) against 2026-07", one per group ("chat — 2026-08: …")
  // when there are several; none without --compare
  std::vector<std::string> changes;
  std::vector<std::string> marks;  // what the marks in this section mean (†, *)
  std::vector<Chart> charts;
  TextTable table;
  TextTable counts;        // what each value rests on (numerator, denominator, n) per period and group
  std::string definition;  // the formula and unit
  std::string notes;       // what `explain` adds (pitfalls), filled by the command
  TextTable distribution;  // a duration metric's histogram counts; no columns for other metrics
  std::string scope = " over the whole range";  // what the headline value is
};

struct HtmlPage {
  std::string title;
  std::string subtitle;  // how the rows are bucketed and grouped
  std::vector<MetricSection> sections;
  TextTable figures;                  // every figure of the run as the terminal table shows it
  std::vector<std::string> inputs;    // the files read
  std::vector<std::string> summary;   // what was read: rows or contacts counted
  std::vector<std::string> warnings;  // as printed on stderr
};

/// Where --warn or --crit would alert, shaded on a metric's trend.
using Bands = std::vector<ChartBand>;

/// A single metric's page.
HtmlPage result_page(const ResultTable& table, const FormatOptions& options, const Bands& bands);
/// A report's page, one section per metric; `bands` has one entry per column (or none).
HtmlPage report_page(const ReportTable& report, const FormatOptions& options, const std::vector<Bands>& bands);

std::string render_html(const HtmlPage& page);
/// The first chart of the first section (the trend, when there is one) as an SVG file.
std::string render_first_chart(const HtmlPage& page);

}  // namespace cxkpi::cli
