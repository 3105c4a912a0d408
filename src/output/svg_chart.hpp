#pragma once
// Charts of finished results as SVG: a trend (one line per group over the periods), bars
// (groups side by side), a histogram (bins side by side, with marked values) and a heatmap
// (weekday × hour). One writer draws all three: the
// frame, scale, title and text alternative are shared; only the marks differ.

#include <optional>
#include <string>
#include <vector>

namespace cxkpi::cli {

enum class ChartKind { line, bars, histogram, heatmap };

/// One line, one set of bars, or one heatmap row: a value (or none) per category.
struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;
  /// Per value (or empty for none): resting on too few observations to colour. A heatmap
  /// leaves such values out of its colour scale and hatches their cells.
  std::vector<bool> too_few;
};

/// A range of values shaded behind the marks: where --warn or --crit would alert.
struct ChartBand {
  std::optional<double> low;   // none: from the bottom of the chart
  std::optional<double> high;  // none: to its top
  bool critical = false;
};

/// A value marked on a histogram by a vertical line: the median, the p90.
struct ChartMarker {
  std::string label;  // "median 700.00 s": written beside the line
  double position;    // in categories from the left edge: 2.5 is the middle of the third
};

struct Chart {
  ChartKind kind = ChartKind::line;
  std::string id;                       // unique within a page: names the <title> and <desc>
  std::string title;                    // the <title>
  std::string description;              // the <desc>: what the chart shows, in words
  std::string axis;                     // what the values are, e.g. "aht (s)"
  std::vector<std::string> categories;  // periods, groups or hours, left to right
  std::vector<ChartSeries> series;
  std::vector<ChartBand> bands;
  std::vector<ChartMarker> markers;
};

/// The chart as one <svg> element; `standalone` makes it a file of its own (XML
/// declaration and SVG namespace).
std::string render_svg(const Chart& chart, bool standalone);

}  // namespace cxkpi::cli
