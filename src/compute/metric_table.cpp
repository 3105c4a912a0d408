#include "compute/buckets.hpp"
#include "records/field_sources.hpp"

namespace cxkpi::cli {

ResultTable metric_table(const MetricSpec& metric, const Settings& settings, const BucketTable& buckets) {
  ResultTable table{&metric, metric.plan(settings, buckets.supplied), buckets.group_names, {}, {}, buckets.warnings, {},
                    {}};
  require_fields(metric, table.plan, buckets.supplied, buckets.source);
  table.warnings.insert(table.warnings.end(), table.plan.warnings.begin(), table.plan.warnings.end());
  const bool one_bucket_only =
      buckets.options.by == BucketBy::all && buckets.options.by_column.empty() && buckets.group_names.empty();
  if (!one_bucket_only)
    for (const auto& b : buckets.buckets)
      table.rows.push_back({b.period.label, b.groups, metric.finalize(b.sums, settings), {}});
  table.total = metric.finalize(buckets.total, settings);
  return table;
}

}  // namespace cxkpi::cli
