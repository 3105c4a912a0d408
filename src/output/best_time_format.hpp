#pragma once
// Rendering best-time-to-call: a shaded weekday × hour heatmap or a table for people; the
// 7 × 24 grid as rows, its marginals and the best bucket for scripts (JSON, NDJSON, CSV).

#include <string>
#include <vector>

#include "model/best_time_report.hpp"
#include "output/format_options.hpp"

namespace cxkpi::cli {

struct HtmlPage;  // output/html_page.hpp

/// How a terminal (--format table) shows the report.
struct BestTimeView {
  bool heatmap = true;  // false: a table of buckets and marginals
  bool ascii = false;   // plain ASCII shading and labels
  bool colour = false;  // the heatmap's shades in colour (--color, commands/colour_choice.hpp)
};

std::string render_best_time(const BestTimeReport& report, const FormatOptions& options, const BestTimeView& view);

/// --format html: the weekday × hour heatmap with the best bucket, every bucket as a table.
HtmlPage best_time_page(const BestTimeReport& report, const FormatOptions& options);

}  // namespace cxkpi::cli
