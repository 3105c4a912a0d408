#include "compute/regroup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "errors.hpp"
#include "records/period_labels.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::int64_t kDay = 86400;

// The positions of the --group columns among the table's label columns; all of them without --group.
std::vector<std::size_t> kept_labels(const std::vector<std::string>& names, const std::vector<std::string>& group) {
  std::vector<std::size_t> kept(names.size());
  std::iota(kept.begin(), kept.end(), std::size_t{0});
  if (group.empty()) return kept;
  kept.clear();
  for (const auto& g : group) {
    const auto it = std::find_if(names.begin(), names.end(),
                                 [&](const std::string& n) { return normalize_header(n) == normalize_header(g); });
    if (it == names.end())
      throw Error::usage(fmt::format("--group {}: the period table has no label column {}{}", g, quote_value(g),
                                     names.empty()
                                         ? "; it has no label columns"
                                         : fmt::format("; its label columns are: {}", fmt::join(names, ", "))));
    kept.push_back(static_cast<std::size_t>(it - names.begin()));
  }
  return kept;
}

// An interval label (`T09:15`) does not say its length. The intervals of a table start at
// multiples of it from midnight, so the greatest common divisor of their starts (and of the
// day) is a multiple of it: a length at least the true one, so a part judged to lie within a
// coarse period does.
std::int64_t interval_seconds(const std::vector<TablePart>& parts) {
  std::int64_t length = kDay;
  for (const auto& p : parts)
    if (const auto span = span_of_period_label(p.period); span && !span->end)
      length = std::gcd(length, ((span->start % kDay) + kDay) % kDay);
  return length;
}

std::string day_of(std::int64_t local) {
  return period_of(local, BucketBy::day).label;
}

// The coarse period of a part, which must lie within one.
Period coarse_period(const TablePart& part, const TableRegroup& regroup, std::int64_t interval) {
  const auto span = span_of_period_label(part.period);
  if (!span)
    throw Error::usage(
        fmt::format("{}: --by {} sums the rows of dated periods (2026-03, 2026-W07, 2026-03-04, …), and "
                    "{} is not one",
                    part.where, regroup.by_name, quote_value(part.period)));
  const auto end = span->end.value_or(span->start + interval);
  const auto offset = span->offset.value_or(0);
  const bool repeated = span->offset.has_value();
  auto first = period_of(PlacedTime{span->start, span->start - offset, repeated, 0}, regroup.by, regroup.minutes);
  const auto last = period_of(PlacedTime{end - 1, end - 1 - offset, repeated, 0}, regroup.by, regroup.minutes);
  if (first.order != last.order)
    throw Error::usage(
        fmt::format("{}: --by {}: {} runs from {} to {}, in {} and in {}; the table does not say how its figures split "
                    "between them, so they cannot be summed into {}s. Give a table of finer periods (days)",
                    part.where, regroup.by_name, part.period, day_of(span->start), day_of(end - 1), first.label,
                    last.label, regroup.by_name));
  return first;
}

struct Group {
  Period period;
  std::vector<std::string> labels;
  Sums sums;
  std::string missing;  // the first part that is no whole part
};

// Each group's figure from its summed parts; null with the reason when a part is no whole part.
std::vector<ResultRow> rows_of(const MetricSpec& metric, const Settings& settings, std::vector<Group>& groups) {
  std::vector<ResultRow> rows;
  rows.reserve(groups.size());
  for (auto& g : groups) {
    Result result;
    if (g.missing.empty())
      result = metric.finalize(g.sums, settings);
    else
      result.reason = fmt::format("a row of it is no whole part ({}), so the sum would be short", g.missing);
    rows.push_back({std::move(g.period.label), std::move(g.labels), std::move(result), {}});
  }
  return rows;
}

}  // namespace

std::vector<ResultRow> regroup_table(const MetricSpec& metric, const Settings& settings, const TableRegroup& regroup,
                                     std::vector<std::string>& label_names, const std::vector<TablePart>& parts) {
  const auto kept = kept_labels(label_names, regroup.group);
  const auto interval = interval_seconds(parts);
  std::vector<Group> groups;
  std::map<std::pair<std::string, std::vector<std::string>>, std::size_t> index;  // (period, labels) → group
  for (const auto& part : parts) {
    Period period{static_cast<std::int64_t>(groups.size()), part.period};  // without --by: first seen, first shown
    if (regroup.by != BucketBy::all) period = coarse_period(part, regroup, interval);
    std::vector<std::string> labels;
    labels.reserve(kept.size());
    for (const auto k : kept)
      labels.push_back(part.labels[k]);
    auto [it, added] = index.try_emplace({period.label, labels}, groups.size());
    if (added) groups.push_back({period, std::move(labels), {}, {}});
    auto& g = groups[it->second];
    if (!part.missing.empty()) {
      if (g.missing.empty()) g.missing = part.missing;
    } else {
      g.sums.merge(part.sums);
    }
  }
  if (regroup.by != BucketBy::all)
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
      return a.period.order != b.period.order ? a.period.order < b.period.order : a.labels < b.labels;
    });
  std::vector<std::string> names;
  names.reserve(kept.size());
  for (const auto k : kept)
    names.push_back(label_names[k]);
  label_names = std::move(names);
  return rows_of(metric, settings, groups);
}

}  // namespace cxkpi::cli
