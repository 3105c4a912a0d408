#pragma once
// --format html and --format svg: the page of charts (or its first chart), completed with
// what only the command knows: the files read and what `explain` adds to each definition.

#include <string>
#include <string_view>
#include <vector>

#include "commands/flags.hpp"
#include "output/svg_chart.hpp"

namespace cxkpi::cli {

struct HtmlPage;    // output/html_page.hpp
struct Thresholds;  // check/thresholds.hpp

/// Where --warn or --crit would alert, as bands shaded on a trend: outside a range, the
/// part below it and the part above it; inside one (@), the range itself.
std::vector<ChartBand> alert_bands(const Thresholds& thresholds);

/// "trend  chat   ▁█▁": the first trend of the page as a line of eight-level blocks per
/// group, each scaled from its own lowest to its highest value ("·" for no value); "" when
/// the result has one period.
std::string sparklines(const HtmlPage& page);

/// The page as HTML, or its first chart as SVG (a usage error when it has none). The files
/// read are its inputs, unless the page names them already.
std::string render_page(HtmlPage page, const OutputFlags& flags, const std::vector<std::string>& files);

}  // namespace cxkpi::cli
