#pragma once
// A survey answered in words (--map csat=HEADER:good=5,bad=1, or a preset's map) is scored on
// one scale, and it must be the scale in force: a word scored outside it, or a map whose best
// word falls short of its top, would be counted against another scale than the one it was
// written for (good=5 under --scale 10 counts good as unsatisfied). Checked once per input,
// before any row is read.

#include "cxkpi/record.hpp"
#include "io/table.hpp"
#include "records/record_columns.hpp"

namespace cxkpi::cli {

/// Throws Error (usage) when a score column read in words does not fit the scale in force:
/// a word scored outside it, or (when `top_check`) no word scored at the top of a scale that
/// --scale sets (csat, ces, agent_score).
void check_word_scores(const TableReader& reader, const RecordColumnMap& columns, const RecordRules& rules,
                       bool top_check);

}  // namespace cxkpi::cli
