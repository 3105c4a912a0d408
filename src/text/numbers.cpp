#include "text/numbers.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cxkpi::cli {

std::string format_fixed(double value, int precision) {
  const double rounded_zero = std::fabs(value) < 0.5 * std::pow(10.0, -precision) ? 0.0 : value;
  return fmt::format("{:.{}f}", rounded_zero + 0.0, precision);  // + 0.0 turns -0 into 0
}

std::string format_exact(double value) {
  return fmt::format("{}", value + 0.0);
}

std::string format_clock(double seconds) {
  const auto total = static_cast<long long>(std::llround(seconds));
  const auto h = total / 3600;
  const auto m = total % 3600 / 60;
  const auto s = total % 60;
  return h > 0 ? fmt::format("{}:{:02}:{:02}", h, m, s) : fmt::format("{}:{:02}", m, s);
}

}  // namespace cxkpi::cli
