// Bins from the compute stage (Result::histogram), never from rows: the page stays as cheap
// as the table. Empty bins before the first value and after the last are left out; those
// between are kept, so the bars keep the ladder's order without gaps hidden.
#include "output/html_histogram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <utility>

#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

// "30 s", "5 min", "4 h", "2 d": a ladder bound in the largest unit it is a whole number of.
std::string duration_words(double seconds) {
  constexpr std::array<std::pair<double, std::string_view>, 3> kUnits{{{86400, "d"}, {3600, "h"}, {60, "min"}}};
  for (const auto& [size, name] : kUnits)
    if (seconds >= size && std::fmod(seconds, size) < 1e-9) return fmt::format("{:g} {}", seconds / size, name);
  return fmt::format("{:g} s", seconds);
}

// "under 1 min", "1–5 min", "30 min–1 h", "7 d or more".
std::string bin_label(const HistogramBin& b) {
  if (!b.high) return duration_words(b.low) + " or more";
  const auto high = duration_words(*b.high);
  if (b.low <= 0) return "under " + high;
  const auto low = duration_words(b.low);
  const auto unit_at = low.rfind(' ');
  if (low.substr(unit_at) == high.substr(high.rfind(' '))) return low.substr(0, unit_at) + "–" + high;
  return low + "–" + high;
}

// Where `value` lies on the drawn bins, in bins from the left: inside its bin in proportion,
// the middle of the open last bin.
double position_of(double value, const std::vector<HistogramBin>& bins) {
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const auto& b = bins[i];
    if (!b.high) return static_cast<double>(i) + 0.5;
    if (value < *b.high) return static_cast<double>(i) + std::max(0.0, (value - b.low) / (*b.high - b.low));
  }
  return static_cast<double>(bins.size());
}

std::vector<HistogramBin> drawn_bins(const std::vector<HistogramBin>& bins) {
  const auto filled = [](const HistogramBin& b) { return b.count > 0; };
  const auto first = std::find_if(bins.begin(), bins.end(), filled);
  const auto last = std::find_if(bins.rbegin(), bins.rend(), filled).base();
  return first < last ? std::vector<HistogramBin>(first, last) : std::vector<HistogramBin>{};
}

// The median and p90 as the table prints them (≈ when they come from the --approx sketch).
std::vector<ChartMarker> markers_of(const Result& total, const std::vector<HistogramBin>& bins, int precision) {
  std::vector<ChartMarker> markers;
  for (const auto* name : {"median", "p90"})
    if (const auto* d = find_detail(total, name); d != nullptr && d->value)
      markers.push_back({fmt::format("{} {}{} s", name, d->approximate ? "≈" : "", format_fixed(*d->value, precision)),
                         position_of(*d->value, bins)});
  return markers;
}

}  // namespace

std::optional<Histogram> duration_histogram_of(const Result& total, const std::string& id, const std::string& heading,
                                               int precision) {
  const auto bins = drawn_bins(total.histogram);
  if (bins.empty()) return std::nullopt;
  Histogram h{{ChartKind::histogram,
               id + "-histogram",
               heading + ": how the values spread over the whole range",
               "",
               "count",
               {},
               {{"count", {}, {}}},
               {},
               markers_of(total, bins, precision)},
              {}};
  h.counts.add_column("bin", "time", ColumnKind::label);
  h.counts.add_column("count", "count", ColumnKind::number);
  for (const auto& b : bins) {
    h.chart.categories.push_back(bin_label(b));
    h.chart.series.front().values.emplace_back(static_cast<double>(b.count));
    h.counts.rows.push_back({bin_label(b), fmt::format("{}", b.count)});
  }
  std::vector<std::string> marked;
  for (const auto& m : h.chart.markers)
    marked.push_back(m.label);
  h.chart.description = fmt::format(
      "{} values in bins from {} to {}, one bar per bin of a fixed ladder (1, 5, 15 and 30 min, 1, 2, 4 and 8 h, 1, 2 "
      "and 7 "
      "days), empty bins before the first value and after the last left out. {}The table below gives every count.",
      total.n, h.chart.categories.front(), h.chart.categories.back(),
      marked.empty() ? "" : fmt::format("Dashed lines: {}. ", fmt::join(marked, ", ")));
  return h;
}

}  // namespace cxkpi::cli
