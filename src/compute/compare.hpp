#pragma once
// --compare previous|previous-year|FILE: each row's baseline, the change, and, for metrics a
// test fits (shares, means of contacts), its p-value and whether the change is larger than
// sampling noise at the --confidence level.

#include <optional>
#include <string>

#include "model/report_table.hpp"
#include "model/result_table.hpp"

namespace cxkpi::cli {

/// Whether a label is a dated period (2026, 2026-03, 2026-Q1, 2026-W07, 2026-03-04,
/// 2026-03-04T09): zero-padded ISO, so such labels sort in time order as text.
bool is_dated_period(std::string_view label);

/// The label of the same period a year earlier (2026-W07 → 2025-W07, 2026-03 → 2025-03);
/// nullopt for labels that are not dated periods.
std::optional<std::string> year_earlier(std::string_view label);

/// Baselines from the table itself, found by period (time order, not row order): the same
/// group's period before, or its period a year earlier. A label that is not a dated period
/// (a weekday, a --by-column category) has neither: null with a reason.
void compare_within(ResultTable& table, bool previous_year, double confidence);

/// Baselines from another table computed the same way: the row with the same period and
/// group, or, when the baseline has no rows, its total. The totals are compared too.
void compare_with(ResultTable& table, const ResultTable& baseline, const std::string& baseline_name, double confidence);

/// The same for every metric of a report.
void compare_within(ReportTable& report, bool previous_year, double confidence);
void compare_with(ReportTable& report, const ReportTable& baseline, const std::string& baseline_name,
                  double confidence);

}  // namespace cxkpi::cli
