#pragma once
// erlang-c on tables of intervals: which column holds each input (calls, interval length,
// aht), and one staffing row per interval at the targets the command set.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compute/compute.hpp"
#include "cxkpi/erlang.hpp"
#include "model/staffing_table.hpp"

namespace cxkpi::cli {

inline constexpr std::size_t kErlangParamCount = static_cast<std::size_t>(ErlangParam::concurrency) + 1;

/// What an Erlang input is called on the command line (--calls, --interval, …); messages
/// about a value given as a flag name it.
std::string_view erlang_flag(ErlangParam p);

/// Throws the data error for a value given as a flag (`--aht: must be > 0`), if any.
void throw_flag_problem(const std::optional<ErlangProblem>& problem);

/// An Erlang input read from text: calls as an amount, durations as seconds (1800, 30:00,
/// 0:30:00, 90s, 30m, 1h). nullopt and `error` set when the text is neither.
std::optional<double> read_erlang_value(std::string_view text, bool duration, bool decimal_comma, std::string& error);

/// --calls, --interval and --aht as given (nullopt when not): each stands in for a column a
/// table of intervals lacks.
struct IntervalFlags {
  std::optional<double> calls;
  std::optional<double> interval_s;
  std::optional<double> aht_s;
};

/// The inputs a table of intervals gives no column for among those erlang-c needs per row
/// (calls, aht; the interval length may come from --interval), for `cxkpi columns`.
std::vector<std::string_view> missing_interval_columns(const std::vector<std::string>& header,
                                                       const std::vector<ColumnOverride>& overrides,
                                                       const std::string& source);

/// The staffing of one interval at `table`'s targets, and its figures at --agents when given.
StaffingRow staff(const StaffingTable& table, const ErlangInput& in);

/// `table` (its targets set) with one row per interval of `readers`. Each input comes from a
/// column or from its flag, never neither and never both; bad rows go as --on-error says.
StaffingTable read_intervals(StaffingTable table, Readers& readers, const FileInputOptions& input,
                             const IntervalFlags& flags);

}  // namespace cxkpi::cli
