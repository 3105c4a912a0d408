#pragma once
// The last step of a command: warnings on stderr, the check status line, and the rendered
// result written where -o says; and whether NDJSON may be written as it is computed.

#include <string>
#include <vector>

#include "check/check.hpp"
#include "commands/flags.hpp"

namespace cxkpi::cli {

struct ResultTable;  // model/result_table.hpp

/// Prints `warnings` on stderr and writes `text` where -o says. With check items, a status
/// line comes first (on stdout before a table; on stderr when stdout is JSON or CSV) and
/// the check status is returned as the exit code; otherwise 0.
int write_result(const std::string& text, const std::vector<std::string>& warnings,
                 const std::vector<CheckItem>& checks, const OutputFlags& flags);

/// Renders `table` and writes it, judged against `thresholds` when any are given; an HTML
/// page names `files` (the inputs) and draws the thresholds; with `spark`, a table is
/// followed by a sparkline per group (a usage error in any other format).
int emit(ResultTable table, const OutputFlags& flags, const Thresholds& thresholds = {},
         const std::vector<std::string>& files = {}, bool spark = false);

/// The check of a metric's total against `thresholds`: none when no threshold is given.
std::vector<CheckItem> checks_of(const ResultTable& table, const Thresholds& thresholds);

/// Whether CSV or TSV can be written as its rows are made, never holding them all: in input
/// order (no --sort, --top) and with no --compare, which needs every row first.
bool writes_rows_as_made(const OutputFlags& output, const std::string& compare);

/// Whether NDJSON can stream: to stdout, bucketed by a period that follows time, and
/// nothing (--sort, --top) needs every row before the first is written.
bool can_stream(const RecordFlags& records, const OutputFlags& output);

}  // namespace cxkpi::cli
