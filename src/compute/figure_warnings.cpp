#include "compute/figure_warnings.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

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

std::string awaiting_warning(const Sums& total, const std::optional<std::int64_t>& given_as_of) {
  const auto waiting = total.raw(Field::awaiting_first_response);
  const auto as_of = static_cast<std::time_t>(total.raw(Field::awaiting_as_of) / kAmountScale);
  auto text = fmt::format(
      "first-response-time: {} contact{} still wait{} for a first response at {:%Y-%m-%dT%H:%M:%SZ} "
      "({})",
      waiting, waiting == 1 ? "" : "s", waiting == 1 ? "s" : "", fmt::gmtime(as_of),
      given_as_of ? "--as-of" : "the latest opened_at; --as-of sets another");
  if (waiting > 0)
    text += fmt::format(": the oldest for {:g} s",
                        static_cast<double>(total.raw(Field::awaiting_oldest_s)) / static_cast<double>(kAmountScale));
  return text;
}

void add_figure_warnings(std::vector<std::string>& out, const MetricSpec& metric, const Plan& plan,
                         const Result& total) {
  out.insert(out.end(), plan.warnings.begin(), plan.warnings.end());
  if (auto w = blank_inputs_warning(metric.name, total); !w.empty()) out.push_back(std::move(w));
}

}  // namespace cxkpi::cli
