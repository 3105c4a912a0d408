#pragma once
// A duration metric's histogram on the HTML page: the bins of its whole-range result, with
// the median and p90 marked where the table prints them, and the bin counts as a table.

#include <optional>
#include <string>

#include "cxkpi/result.hpp"
#include "output/svg_chart.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {

struct Histogram {
  Chart chart;
  TextTable counts;  // one row per drawn bin: its range and how many values it holds
};

/// The histogram of `total` (a duration metric's whole-range result), or none when it
/// carries no bins or no values. `id` names the chart within the page; `heading` is the
/// metric's ("first-response-time (s)").
std::optional<Histogram> duration_histogram_of(const Result& total, const std::string& id, const std::string& heading,
                                               int precision);

}  // namespace cxkpi::cli
