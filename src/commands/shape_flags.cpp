#include "commands/shape_flags.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "compute/compute.hpp"
#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

/// A flag (of every command that has it, or of one command; with one value, or any) that
/// applies to record logs only, and why a period table cannot use it.
struct RecordOnlyFlag {
  std::string_view name;
  std::string_view why;
  std::string_view command = {};  // empty: any command
  std::string_view value = {};    // empty: any value
  bool regroups = false;          // a metric command sums a table's rows by it (compute/regroup)
};

constexpr std::string_view kRowsArePeriods = "its rows are periods already";

// Every flag that works while a log's contacts are read one by one. Period tables were counted
// by the export, at its own thresholds, so none of these can change a figure of theirs.
constexpr std::array kRecordOnlyFlags{
    RecordOnlyFlag{"--by", kRowsArePeriods, {}, {}, true},
    RecordOnlyFlag{"--by-column", kRowsArePeriods},
    RecordOnlyFlag{"--rolling", "its rows are periods already"},
    RecordOnlyFlag{"--group", "its label columns break it down already", {}, {}, true},
    RecordOnlyFlag{"--max-buckets", "its rows are its buckets"},
    RecordOnlyFlag{"--from", "its periods are labels, not times"},
    RecordOnlyFlag{"--to", "its periods are labels, not times"},
    RecordOnlyFlag{"--tz", "its periods are labels, not times"},
    RecordOnlyFlag{"--time-format", "its periods are labels, not times"},
    RecordOnlyFlag{"--threshold", "its answered_in_t column was counted at the export's own threshold"},
    RecordOnlyFlag{"--strict", "its answered_in_t column was counted at the export's own threshold"},
    RecordOnlyFlag{"--short-abandon", "its short_abandoned column was counted at the export's own threshold"},
    RecordOnlyFlag{"--bounce", "its bounces column was counted at the export's own bounce time"},
    RecordOnlyFlag{"--window", "a window needs each customer's contacts, one row each"},
    RecordOnlyFlag{"--censor", "a window needs each customer's contacts, one row each"},
    RecordOnlyFlag{"--as-of", "a window needs each customer's contacts, one row each"},
    RecordOnlyFlag{"--method",
                   "its resolved_first_contact column was judged by the export; a window needs each "
                   "customer's contacts, one row each",
                   "fcr", "window"},
    RecordOnlyFlag{"--case-by", "cases need each contact, one row each"},
    RecordOnlyFlag{"--business-hours", "its durations were measured by the export"},
    RecordOnlyFlag{"--holidays", "its durations were measured by the export"},
    RecordOnlyFlag{"--per-hour", "logged-in hours join the agents of a log"},
    RecordOnlyFlag{"--no-scale-check", "it holds counts, not the answers whose scale is checked"},
    RecordOnlyFlag{"--scale", "its agent_score_total was added up by the export; the scale checks each answer",
                   "agent-satisfaction"},
};

bool given(const CLI::App& app, const RecordOnlyFlag& flag) {
  if (!flag.command.empty() && app.get_name() != flag.command) return false;
  const auto* option = app.get_option_no_throw(std::string(flag.name));
  if (option == nullptr || option->count() == 0) return false;
  if (flag.value.empty()) return true;
  for (const auto& v : option->results())
    if (normalize_header(v) == flag.value) return true;
  return false;
}

}  // namespace

void check_flags_fit_shape(const CLI::App& app, Shape shape, bool detected, const std::string& source,
                           bool regroups_tables) {
  if (shape != Shape::periods) return;
  for (const auto& flag : kRecordOnlyFlags)
    if (given(app, flag) && !(regroups_tables && flag.regroups))
      throw Error::usage(fmt::format("{}{} applies to record logs; {} is a period table ({}){}", flag.name,
                                     flag.value.empty() ? "" : fmt::format(" {}", flag.value), source, flag.why,
                                     detected ? "; say --shape records if it is a log" : ""));
}

}  // namespace cxkpi::cli
