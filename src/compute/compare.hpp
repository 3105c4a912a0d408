#pragma once
// --compare previous|previous-year|FILE: each row's baseline, the change, and for survey
// metrics whether the change is larger than sampling noise.

#include <optional>
#include <string>

#include "model/report_table.hpp"
#include "model/result_table.hpp"

namespace cxkpi::cli {

/// The label of the same period a year earlier (2026-W07 → 2025-W07, 2026-03 → 2025-03);
/// nullopt for labels that are not dated periods.
std::optional<std::string> year_earlier(std::string_view label);

/// Baselines from the table itself: the previous row of the same group, or the row of the
/// same group a year earlier.
void compare_within(ResultTable& table, bool previous_year);

/// Baselines from another table computed the same way: the row with the same period and
/// group, or, when the baseline has no rows, its total. The totals are compared too.
void compare_with(ResultTable& table, const ResultTable& baseline, const std::string& baseline_name);

/// The same for every metric of a report.
void compare_within(ReportTable& report, bool previous_year);
void compare_with(ReportTable& report, const ReportTable& baseline, const std::string& baseline_name);

}  // namespace cxkpi::cli
