#pragma once
// The result of `cxkpi report`: one row per bucket, one column per metric, and the total.
// Compute fills it; output renders it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/catalog.hpp"
#include "model/comparison.hpp"

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
  std::string compare;        // the --compare baseline, "" when none
  double confidence = 0.95;   // --compare: the level changes are tested at
  std::string definitions{};  // --definitions: the vendor's service level and abandonment follow, "" for cxkpi's
};

/// "service-level" → "service_level": metric names as JSON keys and CSV headers.
std::string report_key(std::string_view metric_name);

}  // namespace cxkpi::cli
