#include "compute/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "cxkpi/compare.hpp"

namespace cxkpi::cli {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<double> detail(const Result& r, std::string_view name) {
  for (const auto& d : r.details)
    if (d.name == name) return d.value;
  return std::nullopt;
}

// Sampling noise is judged for survey shares only; other metrics are counts of everything.
std::optional<bool> significant(std::string_view metric, std::string_view unit, const Result& now, const Result& then) {
  if (metric == "csat" && unit == "percent")
    return proportions_differ(now.numerator, now.denominator, then.numerator, then.denominator);
  if (metric == "nps") {
    const auto p1 = detail(now, "promoters_pct"), d1 = detail(now, "detractors_pct");
    const auto p2 = detail(then, "promoters_pct"), d2 = detail(then, "detractors_pct");
    if (!p1 || !d1 || !p2 || !d2) return std::nullopt;
    return nps_differ(*p1 / 100, *d1 / 100, static_cast<double>(now.n), *p2 / 100, *d2 / 100,
                      static_cast<double>(then.n));
  }
  return std::nullopt;
}

Comparison compare(const ResultTable& t, const Result& now, const Result& then, std::string period) {
  Comparison c;
  c.baseline_period = std::move(period);
  c.baseline = then.value;
  if (!then.value) {
    c.reason = fmt::format("the baseline has no value ({})", then.reason);
    return c;
  }
  if (now.value) {
    c.change = *now.value - *then.value;
    if (std::fabs(*then.value) > 0) c.relative_change = 100 * *c.change / std::fabs(*then.value);
    c.significant = significant(t.metric->name, t.plan.unit, now, then);
  }
  return c;
}

Comparison missing(std::string period, std::string reason) {
  Comparison c;
  c.baseline_period = std::move(period);
  c.reason = std::move(reason);
  return c;
}

std::string group_key(const ResultRow& row) {
  return fmt::format("{}", fmt::join(row.labels, "\x1f"));
}

}  // namespace

std::optional<std::string> year_earlier(std::string_view label) {
  if (label.size() < 4 || !digits(label.substr(0, 4))) return std::nullopt;
  const auto rest = label.substr(4);
  const bool dated = rest.empty() || (rest.size() == 3 && rest[0] == '-' && digits(rest.substr(1))) ||  // -MM
                     (rest.size() == 3 && rest.substr(0, 2) == "-Q") ||                                 // -Qn
                     (rest.size() == 4 && rest.substr(0, 2) == "-W" && digits(rest.substr(2))) ||       // -Www
                     (rest.size() == 6 && rest[0] == '-' && rest[3] == '-') ||                          // -MM-DD
                     (rest.size() == 9 && rest[0] == '-' && rest[3] == '-' && rest[6] == 'T');          // -MM-DDTHH
  if (!dated) return std::nullopt;
  return fmt::format("{:04}{}", std::stoi(std::string(label.substr(0, 4))) - 1, rest);
}

void compare_within(ResultTable& t, bool previous_year) {
  t.compare = previous_year ? "previous-year" : "previous";
  std::map<std::string, const ResultRow*> last_of_group;
  std::map<std::pair<std::string, std::string>, const ResultRow*> by_period;
  for (const auto& row : t.rows)
    by_period[{row.period, group_key(row)}] = &row;
  for (auto& row : t.rows) {
    const auto key = group_key(row);
    if (previous_year) {
      const auto earlier = year_earlier(row.period);
      if (!earlier) {
        row.comparison = missing("", fmt::format("\"{}\" is not a dated period", row.period));
      } else if (const auto it = by_period.find({*earlier, key}); it != by_period.end()) {
        row.comparison = compare(t, row.result, it->second->result, *earlier);
      } else {
        row.comparison = missing(*earlier, fmt::format("no {} in the input", *earlier));
      }
    } else if (const auto it = last_of_group.find(key); it != last_of_group.end()) {
      row.comparison = compare(t, row.result, it->second->result, it->second->period);
    } else {
      row.comparison = missing("", "the first period has no previous one");
    }
    last_of_group[key] = &row;
  }
}

void compare_with(ResultTable& t, const ResultTable& baseline, const std::string& baseline_name) {
  t.compare = baseline_name;
  std::map<std::pair<std::string, std::string>, const ResultRow*> rows;
  for (const auto& row : baseline.rows)
    rows[{row.period, group_key(row)}] = &row;
  for (auto& row : t.rows) {
    if (baseline.rows.empty()) {
      row.comparison = compare(t, row.result, baseline.total, "total");
    } else if (const auto it = rows.find({row.period, group_key(row)}); it != rows.end()) {
      row.comparison = compare(t, row.result, it->second->result, row.period);
    } else if (const auto whole = rows.find({row.period, ""}); whole != rows.end()) {
      row.comparison = compare(t, row.result, whole->second->result, row.period);  // a group vs the whole period
    } else {
      row.comparison = missing(row.period, fmt::format("no {} in {}", row.period, baseline_name));
    }
  }
  t.total_comparison = compare(t, t.total, baseline.total, "total");
}

}  // namespace cxkpi::cli
