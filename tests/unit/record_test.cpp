// Record logs: METRICS.md's fixture F, contact by contact, through cxkpi::accumulate.
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_value;

namespace {

struct Row {
  int answered, wait, talk, hold, wrap, resolved, fcr, csat, nps;  // csat/nps 0 = no answer
  double cost;
  bool agent;
};

// Fixture F (METRICS.md), ids 1-11: answered, wait_s, talk_s, hold_s, wrap_s, resolved, fcr, csat, nps, cost.
constexpr Row kFixtureF[] = {
    {1, 10, 300, 0, 60, 1, 1, 5, 10, 4.00, true}, {1, 30, 240, 60, 60, 1, 0, 4, 9, 5.00, true},
    {0, 3, 0, 0, 0, 0, 0, 0, -1, 0.50, false},    {1, 45, 600, 120, 120, 1, 0, 2, 3, 9.00, true},
    {0, 40, 0, 0, 0, 0, 0, 0, -1, 0.50, false},   {1, 5, 420, 0, 90, 1, 1, 5, 10, 6.00, true},
    {1, 15, 180, 30, 30, 0, 0, 3, 7, 3.00, true}, {1, 20, 360, 0, 60, 1, 1, 4, 8, 5.00, true},
    {1, 0, 200, 40, 20, 1, 1, 5, 9, 3.50, true},  {1, 12, 500, 0, 100, 1, 1, 1, 0, 7.00, true},
    {0, 12, 0, 0, 0, 0, 0, 0, -1, 0.50, false},
};

Contact contact_of(const Row& r, bool with_answered_column) {
  Contact c;
  if (with_answered_column) c.answered = r.answered == 1;
  c.wait = std::int64_t{r.wait} * kAmountScale;
  c.talk = std::int64_t{r.talk} * kAmountScale;
  c.hold = std::int64_t{r.hold} * kAmountScale;
  c.wrap = std::int64_t{r.wrap} * kAmountScale;
  c.resolved = r.resolved == 1;
  c.first_contact_resolved = r.fcr == 1;
  if (r.csat > 0) c.csat = r.csat;
  if (r.nps >= 0) c.nps = r.nps;
  c.cost = static_cast<std::int64_t>(r.cost * kAmountScale);
  c.has_agent = r.agent;
  return c;
}

Sums fixture_f_records(const RecordRules& rules, bool with_answered_column = true) {
  Sums s;
  using R = RecordField;
  RecordColumns columns{
      R::offered, R::resolved, R::first_contact_resolved, R::wait_s, R::talk_s, R::hold_s, R::wrap_s, R::cost, R::csat,
      R::nps,     R::ces};
  if (with_answered_column) columns.add(R::answered);
  for (const auto& r : kFixtureF) {
    auto c = contact_of(r, with_answered_column);
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  s.set_present(supplied_fields(columns, rules));
  return s;
}

}  // namespace

TEST_CASE("fixture F records reproduce the METRICS.md totals", "[records]") {
  const auto s = fixture_f_records({});
  REQUIRE(s.raw(Field::offered) == 11);
  REQUIRE(s.raw(Field::handled) == 8);
  REQUIRE(s.raw(Field::abandoned) == 3);
  REQUIRE(s.raw(Field::resolved) == 7);
  REQUIRE(s.raw(Field::queued) == 10);
  REQUIRE(test::close(s.value(Field::total_cost), 44.0));
  require_value(cost_per_contact(s), 4.0);
  require_value(cost_per_contact(s, {CostBase::handled}), 5.5);
  require_value(csat(s), 62.5);
  require_value(csat(s, {5, CsatMethod::mean, {}}), 3.625);
  require_value(nps(s), 25.0);
  require_value(abandonment(s), 300.0 / 11.0);
  require_value(abandonment(s, {AbandonBase::queued}), 30.0);
  require_value(aht(s), 448.75);
  require_value(fcr(s), 62.5);
  require_value(fcr(s, {FcrBase::resolved}), 500.0 / 7.0);
}

TEST_CASE("fixture F queue metrics: ASA and average wait", "[records]") {
  const auto s = fixture_f_records({});
  require_value(asa(s), 17.125);
  require_value(avg_wait(s), 192.0 / 11.0);
  require_value(avg_wait(s, {WaitScope::answered}), 17.125);
  require_value(avg_wait(s, {WaitScope::abandoned}), 55.0 / 3.0);
}

TEST_CASE("fixture F service level in every mode at T 20 and S 5", "[records]") {
  RecordRules rules;
  rules.short_abandon_raw = 5 * kAmountScale;
  const auto s = fixture_f_records(rules);
  const auto sl = [&](ServiceLevelMode m) { return service_level(s, {m}); };
  require_value(sl(ServiceLevelMode::offered), 600.0 / 11.0);
  require_value(sl(ServiceLevelMode::answered), 75.0);
  require_value(sl(ServiceLevelMode::offered_minus_short), 60.0);
  require_value(sl(ServiceLevelMode::answered_plus_abandoned), 600.0 / 11.0);
  require_value(sl(ServiceLevelMode::abandons_positive), 800.0 / 11.0);
  require_value(sl(ServiceLevelMode::abandons_ignored), 600.0 / 9.0);
  require_value(abandonment(s), 20.0);
  require_value(abandonment(s, {AbandonBase::queued}), 200.0 / 9.0);
  rules.strict = true;
  require_value(service_level(fixture_f_records(rules)), 500.0 / 11.0);
}

TEST_CASE("fixture F hold: per handled, share held, per held", "[records]") {
  const auto r = hold(fixture_f_records({}));
  require_value(r, 31.25);
  REQUIRE(r.details.size() == 2);
  REQUIRE(test::close(*r.details[0].value, 50.0));
  REQUIRE(test::close(*r.details[1].value, 62.5));
}

TEST_CASE("without an answered column an agent or talk time means answered", "[records]") {
  const auto s = fixture_f_records({}, false);
  REQUIRE(s.raw(Field::handled) == 8);
  REQUIRE(s.raw(Field::abandoned) == 3);
}

TEST_CASE("contradictory flags and out-of-scale scores are refused", "[records]") {
  const RecordRules rules;
  Contact both;
  both.answered = true;
  both.abandoned = true;
  derive_flags(both);
  REQUIRE(check_contact(both, rules)->message == "answered and abandoned are both 1");

  Contact fcr_unresolved;
  fcr_unresolved.answered = true;
  fcr_unresolved.resolved = false;
  fcr_unresolved.first_contact_resolved = true;
  derive_flags(fcr_unresolved);
  REQUIRE(check_contact(fcr_unresolved, rules)->column == "first_contact_resolved");

  Contact not_offered;
  not_offered.offered = false;
  not_offered.answered = true;
  derive_flags(not_offered);
  REQUIRE(check_contact(not_offered, rules)->message == "is 1 but offered is 0");

  Contact csat_six;
  csat_six.csat = 6;
  derive_flags(csat_six);
  REQUIRE(check_contact(csat_six, rules)->message == "6 is outside the 1-5 scale (set --scale)");

  Contact nps_eleven;
  nps_eleven.nps = 11;
  derive_flags(nps_eleven);
  REQUIRE(check_contact(nps_eleven, rules)->column == "nps");
}

TEST_CASE("fixture F CES and transfers from records", "[records]") {
  const int ces_answers[] = {7, 6, 0, 3, 0, 7, 4, 4, 6, 2, 0};  // ids 1-11; 0 = no answer
  Sums s;
  const RecordRules rules;
  for (std::size_t i = 0; i < std::size(kFixtureF); ++i) {
    auto c = contact_of(kFixtureF[i], true);
    if (ces_answers[i] > 0) c.ces = ces_answers[i];
    c.transferred = i == 3;  // id 4 was transferred
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  const RecordColumns columns{RecordField::ces, RecordField::transferred, RecordField::answered};
  s.set_present(supplied_fields(columns, rules));
  require_value(ces(s), 4.875);
  require_value(transfer_rate(s), 12.5);
  Contact not_answered;
  not_answered.answered = false;
  not_answered.transferred = true;
  derive_flags(not_answered);
  REQUIRE(check_contact(not_answered, rules)->column == "transferred");
}
