#pragma once
// `cxkpi report`: every metric the input supports (or those named), per bucket, from one
// pass over the input.

#include <string>
#include <vector>

#include "compute/buckets.hpp"
#include "output/result_table.hpp"

namespace cxkpi::cli {

struct ReportColumn {
  const MetricSpec* metric;
  Plan plan;
};

struct ReportRow {
  std::string period;
  std::vector<std::string> groups;
  std::int64_t contacts = 0;
  std::vector<Result> results;                         // one per ReportTable::columns
  std::vector<std::optional<Comparison>> comparisons;  // with --compare: one per column
};

struct ReportTable {
  std::string by;
  std::string tz;
  std::vector<std::string> group_names;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  ReportRow total;
  std::vector<std::string> warnings;
  std::string compare;  // the --compare baseline, "" when none
};

/// The metric called `name` in --metrics (dashes or underscores), or nullptr.
const MetricSpec* metric_named(std::string name);

/// The metrics to report: `names` (each must be computable from the input), or every
/// metric whose fields the input supplies except those that keep a record per contact
/// (customer windows, cases) or a set of agents, which are reported only when named.

std::vector<ReportColumn> report_columns(const std::vector<std::string>& names, const Settings& settings,
                                         const FieldSet& supplied, const std::string& source);

ReportTable build_report(const BucketTable& buckets, const Settings& settings, std::vector<ReportColumn> columns,
                         const std::string& by_name);

/// One bucket's row of `report` (whose columns decide the metrics).
ReportRow report_row(const ReportTable& report, const Settings& settings, const std::string& period,
                     const std::vector<std::string>& groups, const Sums& sums);

/// "service-level" → "service_level": metric names as JSON keys and CSV headers.
std::string report_key(std::string_view metric_name);

}  // namespace cxkpi::cli
