#pragma once
// A period table read a row at a time: each row's result handed on as it is read, so that a
// table of millions of rows need not be held (NDJSON streamed, CSV written as read).

#include <functional>

#include "compute/compute.hpp"

namespace cxkpi::cli {

/// Takes each row of a period table: its result, and the table so far (the metric, the unit of
/// its plan and the label names, known from the first file's header).
using PeriodRows = std::function<void(const ResultTable&, ResultRow)>;

/// Reads period tables a row at a time, each row's result going to `each` as it is read: what
/// is returned is the table without rows (its plan, total and warnings). compute_from_periods
/// is this with every row held. With `regroup` active (--by, --group) the rows are summed
/// into its periods and groups, and handed on when every row is read.
ResultTable read_periods(const MetricSpec& metric, const Settings& settings, Readers& readers,
                         const FileInputOptions& input, const PeriodRows& each, const TableRegroup& regroup = {});

}  // namespace cxkpi::cli
