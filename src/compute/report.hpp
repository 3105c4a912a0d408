#pragma once
// `cxkpi report`: every metric the input supports (or those named), per bucket, from one
// pass over the input.

#include <functional>
#include <string>
#include <vector>

#include "compute/buckets.hpp"
#include "model/report_table.hpp"

namespace cxkpi::cli {

/// The metric called `name` in --metrics (dashes or underscores), or nullptr.
const MetricSpec* metric_named(std::string name);

/// The metrics to report: `names` (each must be computable from the input), or every
/// metric whose fields the input supplies except those that keep a record per contact
/// (customer windows, cases) or a set of agents, which are reported only when named. A
/// metric the logs' preset says their export cannot support is left out, or refused when
/// named, with the preset's reason; `notes` gets one for each the fields alone would allow.
std::vector<ReportColumn> report_columns(const std::vector<std::string>& names, const Settings& settings,
                                         const BucketTable& logs, std::vector<std::string>* notes = nullptr);

/// The report of `buckets` without its rows: the columns, the total and the warnings.
ReportTable report_frame(const BucketTable& buckets, const Settings& settings, std::vector<ReportColumn> columns,
                         const std::string& by_name);

/// Makes each bucket's row of `frame` in turn and hands it to `each`, letting go of the
/// bucket's sums as it goes, so that the rows of a million buckets need never be held at once.
void take_report_rows(const ReportTable& frame, const Settings& settings, BucketTable& buckets,
                      const std::function<void(ReportRow)>& each);

/// Per column of `frame`: whether its total or some bucket's value rests on too few survey
/// answers (Result::small_n), known before any row is made.
std::vector<bool> small_sample_columns(const ReportTable& frame, const Settings& settings, const BucketTable& buckets);

/// Adds the warnings of each metric of `report` (its plan's, and the rows its total left out).
void add_report_warnings(std::vector<std::string>& out, const ReportTable& report);

/// One bucket's row of `report` (whose columns decide the metrics).
ReportRow report_row(const ReportTable& report, const Settings& settings, const std::string& period,
                     const std::vector<std::string>& groups, const Sums& sums);

}  // namespace cxkpi::cli
