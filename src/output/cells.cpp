#include "output/cells.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cxkpi/distribution.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {

std::string NumberCells::number(std::optional<double> v) const {
  if (!v) return for_people_ ? "n/a" : "";
  return for_people_ ? format_fixed(*v, precision_) : format_exact(*v);
}

std::string NumberCells::value(std::optional<double> v, Unit unit) const {
  if (v && unit == Unit::count && std::fabs(*v - std::round(*v)) < 1e-9) return format_exact(*v);
  return number(v);
}

std::string NumberCells::flag(std::optional<bool> b) const {
  if (!b) return "";
  return *b ? (for_people_ ? "yes" : "true") : (for_people_ ? "no" : "false");
}

std::string SmallSampleMarks::cell(std::string value, bool small) const {
  if (!marking_) return value;
  return value + (small ? std::string(kSmallSampleMark) : " ");
}

std::string small_sample_footnote(bool markdown) {
  return fmt::format("{}{} fewer than {} answers: a survey figure this small moves a lot by chance\n",
                     markdown ? "\n" : "", kSmallSampleMark, kSmallSample);
}

std::string small_test_footnote(bool markdown) {
  return fmt::format("{}{} a test on fewer than {} on a side: its p-value rests on a rough normal approximation\n",
                     markdown ? "\n" : "", kSmallTestMark, kSmallSample);
}

std::string approximate_footnote(bool markdown) {
  return fmt::format("{}{} approximate (--approx): within {:g} % of the exact value\n", markdown ? "\n" : "",
                     kApproximateMark, kSketchRelativeError * 100);
}

std::string metric_heading(std::string_view metric, Unit unit) {
  return fmt::format("{} ({})", metric, unit_symbol(unit));
}

}  // namespace cxkpi::cli
