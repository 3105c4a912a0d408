#pragma once
// Threshold ranges as monitoring plugins write them (Nagios plugin guidelines):
//   10      alert when the value is outside 0..10 (below 0 or above 10)
//   10:     alert below 10          ~:10    alert above 10
//   10:20   alert outside 10..20    @10:20  alert inside 10..20 (inclusive)

#include <optional>
#include <string>
#include <string_view>

namespace cxkpi::cli {

struct Range {
  std::optional<double> low;   // nullopt = -infinity
  std::optional<double> high;  // nullopt = +infinity
  bool alert_inside = false;   // '@': alert when the value is inside, not outside
  std::string text;            // as written, for messages and perfdata
};

/// Parses a range; nullopt and `error` set when the text is not one.
std::optional<Range> parse_range(std::string_view text, std::string& error);

/// Whether `value` raises the alert this range describes.
bool alerts(const Range& range, double value);

/// "outside 0..10", "inside 10..20", "below 10", "above 10" — what triggers the alert.
std::string describe(const Range& range);

}  // namespace cxkpi::cli
