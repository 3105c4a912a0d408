#include "check/range.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "text/numbers.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

std::string show(double v) {
  return fmt::format("{}", v + 0.0);
}

}  // namespace

std::optional<Range> parse_range(std::string_view text, std::string& error) {
  Range r;
  r.text = std::string(text);
  std::string_view s = text;
  if (!s.empty() && s.front() == '@') {
    r.alert_inside = true;
    s.remove_prefix(1);
  }
  const auto colon = s.find(':');
  const auto bad = [&] {
    error = fmt::format("{} is not a threshold range (e.g. 10, 10:, ~:10, 10:20 or @10:20)", quote_value(text));
    return std::nullopt;
  };
  if (colon == std::string_view::npos) {  // "10" means 0..10
    r.low = 0.0;
    r.high = parse_finite(s);
    if (!r.high) return bad();
  } else {
    const auto low = s.substr(0, colon);
    const auto high = s.substr(colon + 1);
    if (low != "~") {
      r.low = parse_finite(low);
      if (!r.low) return bad();
    }
    if (!high.empty()) {
      r.high = parse_finite(high);
      if (!r.high) return bad();
    }
  }
  if (r.low && r.high && *r.low > *r.high) {
    error = fmt::format("{}: the start is above the end", quote_value(text));
    return std::nullopt;
  }
  return r;
}

bool alerts(const Range& r, double value) {
  const bool inside = (!r.low || value >= *r.low) && (!r.high || value <= *r.high);
  return r.alert_inside ? inside : !inside;
}

std::string describe(const Range& r) {
  const std::string kind = r.alert_inside ? "inside" : "outside";
  if (r.low && r.high) return fmt::format("{} {}..{}", kind, show(*r.low), show(*r.high));
  if (r.low) return r.alert_inside ? fmt::format(">= {}", show(*r.low)) : fmt::format("< {}", show(*r.low));
  if (r.high) return r.alert_inside ? fmt::format("<= {}", show(*r.high)) : fmt::format("> {}", show(*r.high));
  return r.alert_inside ? "always" : "never";
}

}  // namespace cxkpi::cli
