#pragma once
// `cxkpi report`: every metric the input supports (or those named), per bucket, from one
// pass over the input.

#include <string>
#include <vector>

#include "compute/buckets.hpp"

namespace cxkpi::cli {

struct ReportColumn {
  const MetricSpec* metric;
  Plan plan;
};

struct ReportRow {
  std::string period;
  std::vector<std::string> groups;
  std::int64_t contacts = 0;
  std::vector<Result> results;  // one per ReportTable::columns
};

struct ReportTable {
  std::string by;
  std::string tz;
  std::vector<std::string> group_names;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  ReportRow total;
  std::vector<std::string> warnings;
};

/// The metrics to report: `names` (each must be computable from the input), or every
/// metric whose fields the input supplies.
std::vector<ReportColumn> report_columns(const std::vector<std::string>& names, const Settings& settings,
                                         const FieldSet& supplied, const std::string& source);

ReportTable build_report(const BucketTable& buckets, const Settings& settings, std::vector<ReportColumn> columns,
                         const std::string& by_name);

/// "service-level" → "service_level": metric names as JSON keys and CSV headers.
std::string report_key(std::string_view metric_name);

}  // namespace cxkpi::cli
