#pragma once
// Rendering a StaffingTable: intervals as a table, CSV or JSON; numbers given as flags as
// "name  value" lines with the agent counts around the answer.

#include <string>
#include <string_view>

#include "model/staffing_table.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"
#include "output/text_table.hpp"

namespace cxkpi::cli {

/// --sort/--desc/--top: orders the intervals by a column (nulls last) and keeps the first N.
void sort_rows(StaffingTable& table, const SortOptions& options);

std::string render_staffing(const StaffingTable& table, const FormatOptions& options);

/// The model in force (Erlang C, or Erlang A with --patience) and its formulas, in words.
std::string_view model_text(const StaffingTable& t);
std::string_view definition_text(const StaffingTable& t);

/// "80 % answered in 20 s, ASA ≤ 30 s": the targets the agents required meet.
std::string targets_text(const StaffingTable& t);
/// Numbers mode: the figures at each agent count around the answer, as the terminal shows them.
TextTable around_grid(const StaffingTable& t, int precision);

/// The interval needing the most agents (the first, on a tie); null when none has a staffing.
const StaffingRow* peak_row(const StaffingTable& t);
/// A table of intervals as the terminal shows it: one row per interval and the peak line.
TextTable interval_grid(const StaffingTable& t, int precision);

struct HtmlPage;  // output/html_page.hpp
/// Numbers mode's page: service level and ASA against the number of agents, with the
/// targets shaded and the agents required marked, over the table of agent counts.
HtmlPage staffing_page(const StaffingTable& table, const FormatOptions& options);
/// A table of intervals' page: the agents required (and scheduled) per interval with the
/// peak named, and the service level each interval reaches, over the terminal's table.
HtmlPage interval_staffing_page(const StaffingTable& table, const FormatOptions& options);

}  // namespace cxkpi::cli
