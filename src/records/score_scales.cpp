#include "records/score_scales.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

struct ScoreScale {
  RecordField field;
  int low;
  int high;
  bool set_by_flag;  // --scale sets it: a map written for another one is likely
};

std::string scale_text(const ScoreScale& s) {
  return s.set_by_flag ? fmt::format("the {}-{} scale in force (--scale {})", s.low, s.high, s.high)
                       : fmt::format("the {}-{} scale", s.low, s.high);
}

void check_scale(const TableReader& reader, const RecordColumnMap& columns, const ScoreScale& s, bool top_check) {
  const auto& words = columns.format_of(s.field).score_words;
  const auto column = columns.column_of(s.field);
  if (words.empty() || !column) return;
  const auto header = quote_value(reader.header()[*column]);
  const auto field = record_field_name(s.field);
  const ScoreWord* best = nullptr;
  for (const auto& w : words) {
    if (!w.score) continue;  // WORD=blank: no answer
    if (*w.score < s.low || *w.score > s.high)
      throw Error::usage(fmt::format("{}: {} is read as {} with {}={}, outside {}", reader.source_name(), header, field,
                                     w.word, *w.score, scale_text(s)));
    if (best == nullptr || *w.score > *best->score) best = &w;
  }
  if (!top_check || !s.set_by_flag || best == nullptr || *best->score == s.high) return;
  throw Error::usage(
      fmt::format("{}: {} is read as {} in words whose best, {}={}, is below the top of {}: the words look scored "
                  "for another scale, and on this one {} would not count as a top answer. Score them on {}-{} "
                  "(--map {}={}:{}={},…) or give the --scale they are written for",
                  reader.source_name(), header, field, best->word, *best->score, scale_text(s), best->word, s.low,
                  s.high, field, reader.header()[*column], best->word, s.high));
}

}  // namespace

void check_word_scores(const TableReader& reader, const RecordColumnMap& columns, const RecordRules& rules,
                       bool top_check) {
  const std::array scales{
      ScoreScale{RecordField::csat, 1, rules.csat_scale, true},
      ScoreScale{RecordField::ces, 1, rules.ces_scale, true},
      ScoreScale{RecordField::agent_score, 1, rules.agent_scale, true},
      ScoreScale{RecordField::nps, 0, 10, false},
      ScoreScale{RecordField::enps_score, 0, 10, false},
  };
  for (const auto& s : scales)
    check_scale(reader, columns, s, top_check);
}

}  // namespace cxkpi::cli
