// The chart kinds share one frame (size, scale, axes, legend, title and description);
// each kind only adds its marks.
#include "output/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "output/markup.hpp"

namespace cxkpi::cli {
namespace {

// Okabe & Ito's palette, told apart with red–green colour blindness; yellow (hard to see
// on white) is left out. Lines also differ by dash, so print in grey still tells them apart.
constexpr std::array<std::string_view, 7> kPalette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                   "#56B4E9", "#D55E00", "#000000"};
constexpr std::array<std::string_view, 4> kDashes{"", "6 3", "2 3", "8 3 2 3"};
constexpr double kWidth = 960;
constexpr double kLeft = 72;
constexpr double kRight = 16;
constexpr double kTop = 44;
constexpr double kBottom = 44;
constexpr double kPlotHeight = 220;
constexpr double kRowHeight = 22;  // a heatmap row

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}
std::string_view colour(std::size_t i) {
  return kPalette[i % kPalette.size()];
}

// Where values and categories land: the plot area and its value range.
struct Frame {
  double top = kTop;
  double height = kPlotHeight;
  double low = 0;
  double high = 1;
  std::size_t count = 1;  // categories
  [[nodiscard]] double slot() const { return (kWidth - kLeft - kRight) / static_cast<double>(count); }
  [[nodiscard]] double x(std::size_t i) const { return kLeft + slot() * (static_cast<double>(i) + 0.5); }
  [[nodiscard]] double y(double v) const { return top + height - (v - low) / (high - low) * height; }
  [[nodiscard]] double bottom() const { return top + height; }
};

bool too_few(const ChartSeries& s, std::size_t i) {
  return i < s.too_few.size() && s.too_few[i];
}

void widen(double& low, double& high, double v) {
  low = std::min(low, v);
  high = std::max(high, v);
}

// From every value and band edge; bars start at zero so their lengths compare.
Frame frame_of(const Chart& c) {
  const bool from_zero = c.kind == ChartKind::bars || c.kind == ChartKind::histogram;
  double low = from_zero ? 0 : INFINITY;
  double high = from_zero ? 0 : -INFINITY;
  for (const auto& s : c.series)
    for (std::size_t i = 0; i < s.values.size(); ++i)
      if (s.values[i] && std::isfinite(*s.values[i]) && !too_few(s, i)) widen(low, high, *s.values[i]);
  for (const auto& b : c.bands)
    for (const auto& edge : {b.low, b.high})
      if (edge) widen(low, high, *edge);
  if (!std::isfinite(low)) low = high = 0;
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  Frame f{kTop, kPlotHeight, low, high, std::max<std::size_t>(c.categories.size(), 1)};
  if (c.kind == ChartKind::heatmap) f.height = kRowHeight * static_cast<double>(c.series.size());
  return f;
}

// A step of 1, 2 or 5 × 10^k giving about five gridlines.
double tick_step(double span) {
  const double raw = span / 5;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

// A histogram counts whole values: no tick between two counts.
void draw_value_axis(Markup& m, const Frame& f, std::string_view axis, bool whole) {
  const double step = whole ? std::max(1.0, tick_step(f.high - f.low)) : tick_step(f.high - f.low);
  for (double v = std::ceil(f.low / step) * step; v <= f.high + step * 1e-6; v += step) {
    const auto y = num(f.y(v));
    m.element("line", {{"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", y}, {"y2", y}, {"class", "grid"}});
    m.element("text", {{"x", num(kLeft - 6)}, {"y", y}, {"class", "tick end"}}, fmt::format("{:g}", v + 0.0));
  }
  m.element("text", {{"x", num(kLeft)}, {"y", num(kTop - 8)}, {"class", "axis"}}, axis);
}

// At most 8 labels, so that dates (about 80 px each) never overlap on the 870 px of the plot;
// a histogram's at most 12 bins, shorter labels, all.
void draw_category_axis(Markup& m, const Chart& c, const Frame& f) {
  const auto every =
      c.kind == ChartKind::histogram ? std::size_t{1} : std::max<std::size_t>(1, (c.categories.size() + 7) / 8);
  for (std::size_t i = 0; i < c.categories.size(); ++i)
    if (i % every == 0)
      m.element("text", {{"x", num(f.x(i))}, {"y", num(f.bottom() + 16)}, {"class", "tick middle"}}, c.categories[i]);
}

void draw_bands(Markup& m, const Chart& c, const Frame& f) {
  for (const auto& b : c.bands) {
    const double top = f.y(b.high.value_or(f.high));
    const double bottom = f.y(b.low.value_or(f.low));
    m.element("rect", {{"x", num(kLeft)},
                       {"y", num(top)},
                       {"width", num(kWidth - kLeft - kRight)},
                       {"height", num(std::max(0.0, bottom - top))},
                       {"class", b.critical ? "band crit" : "band warn"}});
  }
}

void draw_legend(Markup& m, const Chart& c) {
  if (c.series.size() < 2 || c.kind == ChartKind::heatmap) return;
  double x = kWidth - kRight;
  for (std::size_t i = c.series.size(); i-- > 0;) {
    x -= 18 + 7 * static_cast<double>(c.series[i].name.size());
    m.element("rect", {{"x", num(x)}, {"y", "8"}, {"width", "12"}, {"height", "12"}, {"fill", std::string(colour(i))}});
    m.element("text", {{"x", num(x + 16)}, {"y", "18"}, {"class", "tick"}}, c.series[i].name);
  }
}

// A path through the values, lifting the pen over missing ones.
std::string line_path(const ChartSeries& s, const Frame& f) {
  std::string d;
  bool pen_down = false;
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    if (!s.values[i] || !std::isfinite(*s.values[i])) {
      pen_down = false;
      continue;
    }
    d += fmt::format("{}{},{} ", pen_down ? 'L' : 'M', num(f.x(i)), num(f.y(*s.values[i])));
    pen_down = true;
  }
  return d;
}

void draw_lines(Markup& m, const Chart& c, const Frame& f) {
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    const auto& s = c.series[k];
    Attributes a{{"d", line_path(s, f)}, {"stroke", std::string(colour(k))}, {"class", "line"}};
    if (const auto dash = kDashes[k % kDashes.size()]; !dash.empty()) a.emplace_back("stroke-dasharray", dash);
    m.element("path", a);
    if (c.categories.size() > 60) continue;  // dots would merge into the line
    for (std::size_t i = 0; i < s.values.size(); ++i)
      if (s.values[i] && std::isfinite(*s.values[i]))
        m.element("circle",
                  {{"cx", num(f.x(i))}, {"cy", num(f.y(*s.values[i]))}, {"r", "3"}, {"fill", std::string(colour(k))}});
  }
}

void draw_bars(Markup& m, const Chart& c, const Frame& f) {
  const double width = f.slot() * 0.8 / static_cast<double>(std::max<std::size_t>(c.series.size(), 1));
  for (std::size_t k = 0; k < c.series.size(); ++k)
    for (std::size_t i = 0; i < c.series[k].values.size(); ++i) {
      const auto& v = c.series[k].values[i];
      if (!v || !std::isfinite(*v)) continue;
      const double x = f.x(i) - f.slot() * 0.4 + width * static_cast<double>(k);
      const double top = std::min(f.y(*v), f.y(0));
      m.element("rect", {{"x", num(x)},
                         {"y", num(top)},
                         {"width", num(width)},
                         {"height", num(std::fabs(f.y(*v) - f.y(0)))},
                         {"fill", std::string(colour(k))}});
    }
}

// A dashed vertical line per marker, rising above the plot to its label, so that no bar hides
// it (labels stacked, so two close markers stay readable); a label near the right edge ends
// at its line.
void draw_markers(Markup& m, const Chart& c, const Frame& f) {
  for (std::size_t k = 0; k < c.markers.size(); ++k) {
    const double x = kLeft + f.slot() * c.markers[k].position;
    const double label_y = 12 + 14 * static_cast<double>(k);
    const bool flip = x > kWidth - kRight - 160;
    m.open("g", {{"class", "marker"}});
    m.element("line", {{"x1", num(x)}, {"x2", num(x)}, {"y1", num(label_y - 10)}, {"y2", num(f.bottom())}});
    m.element("text", {{"x", num(flip ? x - 4 : x + 4)}, {"y", num(label_y)}, {"class", flip ? "tick right" : "tick"}},
              c.markers[k].label);
    m.close();
  }
}

// Light to dark blue: one hue, so lightness alone carries the value for every reader.
std::string heat_colour(double share) {
  const auto mix = [share](int light, int dark) {
    return static_cast<int>(std::lround(light + (dark - light) * share));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(0xf7, 0x08), mix(0xfb, 0x30), mix(0xff, 0x6b));
}

// Grey diagonal lines on the page's white: a cell with too few observations, told from every shade of
// the scale without relying on colour.
void define_hatching(Markup& m, const Chart& c) {
  m.open("defs").open("pattern", {{"id", c.id + "-few"},
                                  {"width", "6"},
                                  {"height", "6"},
                                  {"patternUnits", "userSpaceOnUse"},
                                  {"patternTransform", "rotate(45)"}});
  m.element("line", {{"x1", "0"}, {"y1", "0"}, {"x2", "0"}, {"y2", "6"}, {"stroke", "#8c8c8c"}, {"stroke-width", "2"}});
  m.close().close();
}

std::string heat_fill(const Chart& c, const Frame& f, const ChartSeries& s, std::size_t i) {
  if (!s.values[i]) return "#e0e0e0";
  if (too_few(s, i)) return fmt::format("url(#{}-few)", c.id);
  return heat_colour((*s.values[i] - f.low) / (f.high - f.low));
}

bool any_too_few(const Chart& c) {
  return std::any_of(c.series.begin(), c.series.end(), [](const ChartSeries& s) {
    return std::find(s.too_few.begin(), s.too_few.end(), true) != s.too_few.end();
  });
}

void draw_heatmap(Markup& m, const Chart& c, const Frame& f) {
  const bool hatched = any_too_few(c);
  if (hatched) define_hatching(m, c);
  for (std::size_t r = 0; r < c.series.size(); ++r) {
    const double y = f.top + kRowHeight * static_cast<double>(r);
    m.element("text", {{"x", num(kLeft - 6)}, {"y", num(y + kRowHeight * 0.7)}, {"class", "tick end"}},
              c.series[r].name);
    for (std::size_t i = 0; i < c.series[r].values.size(); ++i) {
      m.element("rect", {{"x", num(f.x(i) - f.slot() / 2)},
                         {"y", num(y)},
                         {"width", num(f.slot() - 1)},
                         {"height", num(kRowHeight - 1)},
                         {"fill", heat_fill(c, f, c.series[r], i)}});
    }
  }
  m.element("text", {{"x", num(kLeft)}, {"y", num(kTop - 8)}, {"class", "axis"}},
            fmt::format("{}: {:g} (lightest) to {:g} (darkest); grey: none{}", c.axis, f.low + 0.0, f.high + 0.0,
                        hatched ? "; hatched: too few to colour" : ""));
}

void draw_marks(Markup& m, const Chart& c, const Frame& f) {
  if (c.kind == ChartKind::heatmap) return draw_heatmap(m, c, f);
  draw_bands(m, c, f);
  draw_value_axis(m, f, c.axis, c.kind == ChartKind::histogram);
  if (c.kind == ChartKind::line) draw_lines(m, c, f);
  if (c.kind == ChartKind::bars || c.kind == ChartKind::histogram) draw_bars(m, c, f);
  draw_markers(m, c, f);
  draw_legend(m, c);
}

// Text and lines are styled inside the SVG, so a chart copied out of the page keeps its look.
constexpr std::string_view kChartStyle =
    "<style>.grid{stroke:#d0d0d0;stroke-width:1}.tick{font:12px sans-serif;fill:#333}"
    ".end{text-anchor:end;dominant-baseline:middle}.middle{text-anchor:middle}.right{text-anchor:end}"
    ".marker line{stroke:#000;stroke-width:2;stroke-dasharray:4 3}"
    ".axis{font:bold 12px sans-serif;fill:#333}.line{fill:none;stroke-width:2}"
    ".band.warn{fill:#F0E442;fill-opacity:.35}.band.crit{fill:#D55E00;fill-opacity:.2}</style>";

}  // namespace

std::string render_svg(const Chart& c, bool standalone) {
  const auto f = frame_of(c);
  const double height = f.bottom() + kBottom;
  Markup m;
  if (standalone) m.trusted("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  Attributes a{{"viewBox", fmt::format("0 0 {} {}", kWidth, num(height))},
               {"role", "img"},
               {"aria-labelledby", c.id + "-title " + c.id + "-desc"}};
  if (standalone) a.insert(a.begin(), {"xmlns", "http://www.w3.org/2000/svg"});
  m.open("svg", a);
  m.element("title", {{"id", c.id + "-title"}}, c.title);
  m.element("desc", {{"id", c.id + "-desc"}}, c.description);
  m.trusted(kChartStyle);
  draw_marks(m, c, f);
  draw_category_axis(m, c, f);
  return m.finish();
}

}  // namespace cxkpi::cli
