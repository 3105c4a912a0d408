#include "compute/figure_warnings.hpp"

#include <fmt/format.h>

namespace cxkpi::cli {
namespace {

// "2 answered contacts with a blank wait_s": a left-out counter's description names its rows
// in the plural; one row takes the singular.
std::string rows_counted(std::int64_t n, Field counter) {
  std::string rows(info(counter).description);
  if (const auto at = rows.find("contacts"); n == 1 && at != std::string::npos) rows.erase(at + 7, 1);
  return fmt::format("{} {}", n, rows);
}

}  // namespace

std::string blank_inputs_warning(std::string_view metric, const Result& r) {
  const auto total = left_out_count(r);
  if (total == 0) return {};
  if (r.left_out.size() == 1)
    return fmt::format("{}: {} {} left out", metric, rows_counted(total, r.left_out.front().counter),
                       total == 1 ? "is" : "are");
  std::vector<std::string> parts;
  for (const auto& l : r.left_out)
    parts.push_back(rows_counted(l.n, l.counter));
  return fmt::format("{}: {} contacts are left out: {}", metric, total, fmt::join(parts, ", "));
}

void add_figure_warnings(std::vector<std::string>& out, const MetricSpec& metric, const Plan& plan,
                         const Result& total) {
  out.insert(out.end(), plan.warnings.begin(), plan.warnings.end());
  if (auto w = blank_inputs_warning(metric.name, total); !w.empty()) out.push_back(std::move(w));
}

}  // namespace cxkpi::cli
