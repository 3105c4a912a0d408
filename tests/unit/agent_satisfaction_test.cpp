// METRICS.md §5b: agent-satisfaction (mean score and eNPS), from sums and from survey rows.
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_null;
using test::require_value;

namespace {

// The agent survey of METRICS.md: scores 4, 5, 3 and eNPS answers 10, 9, 8, 6, 3.
Sums survey_rows(const RecordRules& rules = {}) {
  const std::optional<int> scores[] = {4, 5, 3, std::nullopt, std::nullopt};
  const int enps[] = {10, 9, 8, 6, 3};
  const RecordColumns columns{RecordField::agent_score, RecordField::enps_score};
  Sums s;
  s.set_present(supplied_fields(columns, rules));
  for (std::size_t i = 0; i < 5; ++i) {
    Contact c;
    c.kind = columns.row_kind();
    c.agent_score = scores[i];
    c.enps = enps[i];
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  return s;
}

}  // namespace

TEST_CASE("agent satisfaction: mean of 4, 5, 3 is 4.0 and eNPS of 10, 9, 8, 6, 3 is 0", "[agent]") {
  const auto r = agent_satisfaction(survey_rows());
  require_value(r, 4.0);
  REQUIRE(r.n == 3);
  REQUIRE(test::close(*detail_of(r, "enps"), 0.0));
  REQUIRE(test::close(*detail_of(r, "enps_promoters_pct"), 40.0));
  REQUIRE(test::close(*detail_of(r, "enps_detractors_pct"), 40.0));
  REQUIRE(test::close(*detail_of(r, "enps_answers"), 5.0));
}

TEST_CASE("an agent survey row is not a contact", "[agent]") {
  const auto s = survey_rows();
  REQUIRE(s.raw(Field::contacts) == 0);
  REQUIRE(s.raw(Field::offered) == 0);
  REQUIRE_FALSE(s.present().has(Field::contacts));
  REQUIRE(s.raw(Field::enps_promoters) == 2);
  REQUIRE(s.raw(Field::enps_passives) == 1);
  REQUIRE(s.raw(Field::enps_detractors) == 2);
}

TEST_CASE("eNPS classifies 0-10 answers with the NPS code", "[agent]") {
  for (int score = 0; score <= 10; ++score) {
    const auto nps_class = net_score_class(score, kNpsFields);
    const auto enps_class = net_score_class(score, kEnpsFields);
    REQUIRE((nps_class == Field::promoters) == (enps_class == Field::enps_promoters));
    REQUIRE((nps_class == Field::detractors) == (enps_class == Field::enps_detractors));
  }
  REQUIRE(net_score_class(9, kEnpsFields) == Field::enps_promoters);
  REQUIRE(net_score_class(8, kEnpsFields) == Field::enps_passives);
  REQUIRE(net_score_class(6, kEnpsFields) == Field::enps_detractors);
}

TEST_CASE("a survey with only the eNPS question reports eNPS in points", "[agent]") {
  Sums s;
  s.add(Field::enps_promoters, 2);
  s.add(Field::enps_passives, 1);
  s.add(Field::enps_detractors, 2);
  REQUIRE(plan_agent_satisfaction(s.present()).unit == cxkpi::Unit::points);
  require_value(agent_satisfaction(s), 0.0);
  Sums mostly_promoters;
  mostly_promoters.add(Field::enps_promoters, 3);
  mostly_promoters.add(Field::enps_passives, 0);
  mostly_promoters.add(Field::enps_detractors, 1);
  require_value(agent_satisfaction(mostly_promoters), 50.0);
}

TEST_CASE("agent satisfaction is null with no answers", "[agent]") {
  Sums s;
  s.add(Field::agent_responses, 0);
  s.add(Field::agent_score_total, 0);
  require_null(agent_satisfaction(s), "no agent survey answers");
}

TEST_CASE("agent scores outside 1..scale and eNPS outside 0..10 are refused", "[agent]") {
  RecordRules rules;
  Contact c;
  c.kind = RowKind::agent_survey;
  c.agent_score = 6;
  derive_flags(c);
  auto v = check_contact(c, rules);
  REQUIRE(v);
  REQUIRE(v->column == "agent_score");
  REQUIRE(v->message == "6 is outside the 1-5 scale (set --scale)");
  rules.agent_scale = 7;
  REQUIRE_FALSE(check_contact(c, rules));
  c.agent_score = 0;
  REQUIRE(check_contact(c, rules));
  c.agent_score.reset();
  c.enps = 11;
  v = check_contact(c, rules);
  REQUIRE(v);
  REQUIRE(v->column == "enps_score");
}
