#include "compute/report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compute/figure_warnings.hpp"
#include "errors.hpp"
#include "records/field_sources.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

bool computable(const Plan& plan, const FieldSet& supplied) {
  return plan.problem.empty() &&
         std::all_of(plan.required.begin(), plan.required.end(), [&](Field f) { return supplied.has(f); });
}

// "csat is not shown: …": why the logs' preset leaves out a metric their fields would give.
std::optional<std::string> refusal(const MetricSpec& m, const BucketTable& logs) {
  const auto reason = logs.preset != nullptr ? unsupported_reason(*logs.preset, m.name) : std::nullopt;
  if (!reason) return std::nullopt;
  return fmt::format("{} is not shown: the {} export cannot give it: {}", m.name, logs.preset->name, *reason);
}

}  // namespace

ReportRow report_row(const ReportTable& t, const Settings& settings, const std::string& period,
                     const std::vector<std::string>& groups, const Sums& sums) {
  ReportRow row{period, groups, sums.raw(Field::contacts), {}, {}};
  for (const auto& c : t.columns)
    row.results.push_back(c.metric->finalize(sums, settings));
  return row;
}

const MetricSpec* metric_named(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  return find_metric(name);
}

std::vector<ReportColumn> report_columns(const std::vector<std::string>& names, const Settings& settings,
                                         const BucketTable& logs, std::vector<std::string>* notes) {
  const auto& supplied = logs.supplied;
  std::vector<ReportColumn> columns;
  if (names.empty()) {
    for (const auto& m : kMetrics) {
      auto plan = m.plan(settings, supplied);
      if (!computable(plan, supplied) || needs_customer_windows(plan) || needs_cases(plan) || needs_agents(plan))
        continue;
      if (const auto why = refusal(m, logs)) {
        if (notes != nullptr) notes->push_back(*why);
        continue;
      }
      columns.push_back({&m, std::move(plan)});
    }
    return columns;
  }
  std::vector<std::string> known;
  known.reserve(kMetrics.size());
  for (const auto& m : kMetrics)
    known.emplace_back(m.name);
  for (const auto& name : names) {
    const auto* m = metric_named(name);
    if (m == nullptr) throw Error::unknown("--metrics: unknown metric", name, known);
    auto plan = m->plan(settings, supplied);
    require_fields(*m, plan, supplied, logs.source, logs.preset);
    columns.push_back({m, std::move(plan)});
  }
  return columns;
}

ReportTable report_frame(const BucketTable& buckets, const Settings& settings, std::vector<ReportColumn> columns,
                         const std::string& by_name) {
  ReportTable t{by_name, buckets.options.tz, buckets.group_names, std::move(columns), {}, {}, buckets.warnings, {}};
  t.total = report_row(t, settings, "total", {}, buckets.total);
  add_report_warnings(t.warnings, t);
  return t;
}

void take_report_rows(const ReportTable& frame, const Settings& settings, BucketTable& buckets,
                      const std::function<void(ReportRow)>& each) {
  const auto make = [&](Bucket& b) {
    auto row = report_row(frame, settings, b.period.label, b.groups, b.sums);
    row.period = std::move(b.period.label);
    row.groups = std::move(b.groups);
    return row;
  };
  take_bucket_rows(buckets, make, each);
}

std::vector<bool> small_sample_columns(const ReportTable& frame, const Settings& settings, const BucketTable& buckets) {
  std::vector<bool> small(frame.columns.size());
  for (std::size_t i = 0; i < small.size(); ++i) {
    const auto& metric = *frame.columns[i].metric;
    small[i] = frame.total.results[i].small_n ||
               std::any_of(buckets.buckets.begin(), buckets.buckets.end(),
                           [&](const Bucket& b) { return metric.finalize(b.sums, settings).small_n; });
  }
  return small;
}

void add_report_warnings(std::vector<std::string>& out, const ReportTable& report) {
  for (std::size_t i = 0; i < report.columns.size(); ++i)
    add_figure_warnings(out, *report.columns[i].metric, report.columns[i].plan, report.total.results[i]);
}

}  // namespace cxkpi::cli
