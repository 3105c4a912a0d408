#pragma once
// The result of `cxkpi erlang-c`: one staffing row per interval (or one for numbers given as
// flags, with the agent counts around the answer). Staffing does not add up across
// intervals, so there is no total row: the peak interval is shown instead.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cxkpi/erlang.hpp"

namespace cxkpi::cli {

struct StaffingRow {
  std::string period;                    // the interval label ("" for numbers given as flags)
  std::vector<std::string> labels;       // one per StaffingTable::label_names
  std::optional<ErlangInput> input;      // null when the row lacks a value (see reason)
  Staffing staffing;                     // agents required for the targets
  std::optional<ErlangFigures> figures;  // at --agents when given, else at the agents required
  std::string reason;                    // why the row has no result (a missing cell)
};

struct StaffingTable {
  StaffingTargets targets;
  double target_s = 20;
  std::optional<double> patience_s;          // --patience: Erlang A
  std::int64_t concurrency = 1;              // --concurrency: chats an agent handles at once
  std::optional<std::int64_t> agents_given;  // --agents
  std::optional<double> capacity_calls;      // numbers mode with --agents: the most calls they take
  std::vector<std::string> label_names;
  std::vector<StaffingRow> rows;
  bool from_table = false;            // rows are intervals of a file: a peak line closes them
  std::vector<ErlangFigures> around;  // numbers mode: agent counts around the answer
  std::vector<std::string> warnings;
};

}  // namespace cxkpi::cli
