// A blank input is missing for its row (METRICS.md §0): the row leaves the denominator of
// each figure that needs that input, and the figure says how many rows it left out. Every
// expected figure is worked out by hand in the comment above it.
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_value;
using R = RecordField;

namespace {

constexpr std::int64_t seconds(std::int64_t s) {
  return s * kAmountScale;
}

// One row of a log whose columns are answered, abandoned, wait_s, talk_s, hold_s, wrap_s,
// resolved, first_contact_resolved, transferred and cost; nullopt is a blank cell.
struct Row {
  std::optional<bool> answered;
  std::optional<std::int64_t> wait;
  std::optional<std::int64_t> talk = 0;
  std::optional<std::int64_t> hold = 0;
  std::optional<std::int64_t> wrap = 0;
  std::optional<std::int64_t> cost = 0;
  std::optional<bool> resolved = false;
  std::optional<bool> fcr = false;
  std::optional<bool> transferred = false;
};

template <class T>
void cell(Contact& c, std::optional<T> Contact::*member, RecordField column, std::optional<T> value) {
  c.*member = value;
  if (!value) c.blank.add(column);
}

Contact contact_of(const Row& r) {
  Contact c;
  cell(c, &Contact::answered, R::answered, r.answered);
  cell(c, &Contact::wait, R::wait_s, r.wait);
  cell(c, &Contact::talk, R::talk_s, r.talk);
  cell(c, &Contact::hold, R::hold_s, r.hold);
  cell(c, &Contact::wrap, R::wrap_s, r.wrap);
  cell(c, &Contact::cost, R::cost, r.cost);
  cell(c, &Contact::resolved, R::resolved, r.resolved);
  cell(c, &Contact::first_contact_resolved, R::first_contact_resolved, r.fcr);
  cell(c, &Contact::transferred, R::transferred, r.transferred);
  return c;
}

Sums read_rows(std::initializer_list<Row> rows, const RecordRules& rules = {}) {
  Sums s;
  for (const auto& r : rows) {
    auto c = contact_of(r);
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  s.set_present(supplied_fields({R::answered, R::wait_s, R::talk_s, R::hold_s, R::wrap_s, R::resolved,
                                 R::first_contact_resolved, R::transferred, R::cost},
                                rules));
  return s;
}

void require_left_out(const Result& r, std::initializer_list<LeftOut> expected) {
  REQUIRE(r.left_out.size() == expected.size());
  auto it = expected.begin();
  for (const auto& l : r.left_out) {
    CHECK(l.counter == it->counter);
    CHECK(l.n == it->n);
    ++it;
  }
}

}  // namespace

TEST_CASE("a blank wait_s on an answered row leaves ASA, average wait and service level", "[left_out]") {
  // answered 10 s; answered, wait blank; abandoned after 5 s.
  const auto s = read_rows({{true, seconds(10)}, {true, std::nullopt}, {false, seconds(5)}});
  // ASA: 10 / 1 answered with a known wait (not 10 / 2).
  const auto a = asa(s);
  require_value(a, 10.0);
  REQUIRE(a.n == 1);
  require_left_out(a, {{Field::answered_untimed, 1}});
  // Average wait of all: (10 + 5) / 2 (not 15 / 3).
  require_value(avg_wait(s), 7.5);
  // Service level (T 20): 1 answered within T / (3 offered − 1 of unknown wait) = 50 (not 2/3).
  const auto sl = service_level(s);
  require_value(sl, 50.0);
  require_left_out(sl, {{Field::answered_untimed, 1}});
}

TEST_CASE("a blank wait_s on an abandoned row is neither short nor within the threshold", "[left_out]") {
  RecordRules rules;
  rules.short_abandon_raw = seconds(5);
  // answered 10 s, answered 40 s, abandoned with wait blank, abandoned after 30 s.
  const auto s =
      read_rows({{true, seconds(10)}, {true, seconds(40)}, {false, std::nullopt}, {false, seconds(30)}}, rules);
  REQUIRE(s.raw(Field::short_abandoned) == 0);
  REQUIRE(s.raw(Field::abandoned_in_t) == 0);
  // Abandonment, short < 5 s: the unknown abandon may be short, so it leaves both sides:
  // (2 abandoned − 0 short − 1 unknown) / (4 offered − 0 − 1) = 1/3.
  const auto ab = abandonment(s);
  require_value(ab, 100.0 / 3.0);
  require_left_out(ab, {{Field::abandoned_untimed, 1}});
  // Without short abandons the wait plays no part: 2 / 4, nothing left out.
  const auto s0 = read_rows({{true, seconds(10)}, {true, seconds(40)}, {false, std::nullopt}, {false, seconds(30)}});
  const auto ab0 = abandonment(s0);
  require_value(ab0, 50.0);
  REQUIRE(ab0.left_out.empty());
  // Abandons positive (T 20): (1 answered ≤ 20 + 0 abandoned ≤ 20) / (4 − 1) = 1/3 (not 2/4,
  // which counted the blank as an abandon within T).
  require_value(service_level(s0, {ServiceLevelMode::abandons_positive}), 100.0 / 3.0);
  // Offered mode: abandons count against service level whatever their wait: 1 / 4.
  const auto offered = service_level(s0);
  require_value(offered, 25.0);
  REQUIRE(offered.left_out.empty());
  // Average abandon time: 30 / 1 (not 30 / 2).
  require_value(avg_wait(s0, {WaitScope::abandoned}), 30.0);
}

TEST_CASE("a handled row with a blank handle-time component leaves AHT with all it had", "[left_out]") {
  // answered 100 + 20 + 10; answered 200 + blank + 30; abandoned.
  const std::initializer_list<Row> rows{{true, seconds(1), seconds(100), seconds(20), seconds(10)},
                                        {true, seconds(1), seconds(200), std::nullopt, seconds(30)},
                                        {false, seconds(1)}};
  const auto s = read_rows(rows);
  // AHT: 130 / 1 (not (130 + 230) / 2 = 180); its talk detail is the same contact's 100.
  const auto a = aht(s);
  require_value(a, 130.0);
  REQUIRE(test::close(detail_of(a, "talk").value_or(-1), 100.0));
  require_left_out(a, {{Field::handle_unknown, 1}});
  // Hold: 20 s over 1 handled contact with a known hold; held 1 of 1 = 100 %.
  const auto h = hold(s);
  require_value(h, 20.0);
  REQUIRE(test::close(detail_of(h, "pct_with_hold").value_or(-1), 100.0));
  // AHT of talk and wrap only: the blank hold plays no part: (110 + 230) / 2 = 170.
  RecordRules talk_wrap;
  talk_wrap.handle = {true, false, true};
  const auto tw = aht(read_rows(rows, talk_wrap), {{true, false, true}});
  require_value(tw, 170.0);
  REQUIRE(tw.left_out.empty());
}

TEST_CASE("a blank cost leaves cost per contact and cost per resolution", "[left_out]") {
  // 4.00 answered and resolved; blank cost, answered and resolved; 2.00 abandoned, unresolved.
  const auto s = read_rows({{true, seconds(1), 0, 0, 0, 4 * kAmountScale, true},
                            {true, seconds(1), 0, 0, 0, std::nullopt, true},
                            {false, seconds(1), 0, 0, 0, 2 * kAmountScale, false}});
  // Per contact: 6.00 / 2 contacts of known cost = 3.00 (not 6.00 / 3).
  const auto c = cost_per_contact(s);
  require_value(c, 3.0);
  require_left_out(c, {{Field::cost_unknown, 1}});
  // Per handled: 6.00 / 1 handled contact of known cost = 6.00.
  require_value(cost_per_contact(s, {CostBase::handled}), 6.0);
  // Per resolution: 6.00 / 1 resolved contact of known cost = 6.00 (not 6.00 / 2).
  const auto r = cost_per_resolution(s);
  require_value(r, 6.0);
  require_left_out(r, {{Field::cost_unknown, 1}});
}

TEST_CASE("a blank answered with nothing else to tell leaves every queue figure", "[left_out]") {
  // answered after 10 s; answered blank after 5 s (no agent or talk time column); abandoned after 20 s.
  Sums s;
  for (const auto& r : {Row{true, seconds(10)}, Row{std::nullopt, seconds(5)}, Row{false, seconds(20)}}) {
    auto c = contact_of(r);
    c.talk.reset();  // the log has no talk time: nothing tells the outcome
    c.blank = {};
    if (!r.answered) c.blank.add(R::answered);
    derive_flags(c);
    accumulate(s, c, RecordRules{});
  }
  s.set_present(supplied_fields({R::answered, R::wait_s}, {}));
  REQUIRE(s.raw(Field::outcome_unknown) == 1);
  REQUIRE(s.raw(Field::offered) == 3);
  REQUIRE(s.raw(Field::handled) == 1);
  REQUIRE(s.raw(Field::abandoned) == 1);
  // Abandonment: 1 / (3 − 1) = 50 (not 2/3, which read the blank as not answered).
  const auto ab = abandonment(s);
  require_value(ab, 50.0);
  require_left_out(ab, {{Field::outcome_unknown, 1}});
  // Service level: 1 / (3 − 1) = 50; ASA 10 / 1, reporting the contact it could not judge.
  require_value(service_level(s), 50.0);
  const auto a = asa(s);
  require_value(a, 10.0);
  require_left_out(a, {{Field::outcome_unknown, 1}});
}

TEST_CASE("a blank flag is derived from what else the row says, as an absent column would be", "[left_out]") {
  SECTION("an agent column with a filled cell answers a blank answered") {
    Contact c;
    c.blank.add(R::answered);
    c.has_agent = true;
    derive_flags(c);
    REQUIRE(c.answered == true);
    REQUIRE(c.abandoned == false);
  }
  SECTION("an empty agent cell, in a log with an agent column, is not answered") {
    Contact c;
    c.blank.add(R::answered);
    c.has_agent = false;
    derive_flags(c);
    REQUIRE(c.answered == false);
    REQUIRE(c.abandoned == true);
  }
  SECTION("a known abandoned decides a blank answered") {
    Contact c;
    c.abandoned = false;
    derive_flags(c);
    REQUIRE(c.answered == true);
  }
  SECTION("nothing to tell: the outcome stays unknown") {
    Contact c;
    c.blank.add(R::answered);
    derive_flags(c);
    REQUIRE_FALSE(c.answered);
    REQUIRE_FALSE(c.abandoned);
    REQUIRE_FALSE(check_contact(c, {}));
  }
  SECTION("first-contact resolution implies resolved; unresolved implies not at first contact") {
    Contact c;
    c.blank.add(R::resolved);
    c.first_contact_resolved = true;
    derive_flags(c);
    REQUIRE(c.resolved == true);
    Contact d;
    d.blank.add(R::first_contact_resolved);
    d.resolved = false;
    derive_flags(d);
    REQUIRE(d.first_contact_resolved == false);
  }
}

TEST_CASE("blank flags leave FCR and transfer rate", "[left_out]") {
  // answered, resolved at first contact; answered, resolved, fcr blank; answered, fcr 0,
  // transferred blank.
  const auto s = read_rows({{true, seconds(1), 0, 0, 0, 0, true, true},
                            {true, seconds(1), 0, 0, 0, 0, true, std::nullopt},
                            {true, seconds(1), 0, 0, 0, 0, false, false, std::nullopt}});
  // FCR: 1 / (3 handled − 1 of unknown fcr) = 50; over resolved: 1 / (2 − 1) = 100.
  require_value(fcr(s), 50.0);
  require_value(fcr(s, {FcrBase::resolved}), 100.0);
  // Transfer rate: 0 / (3 − 1 of unknown transfer) = 0.
  const auto t = transfer_rate(s);
  require_value(t, 0.0);
  require_left_out(t, {{Field::transfer_unknown, 1}});
}

TEST_CASE("left-out counters merge like every other sum", "[left_out]") {
  const Row blank_wait{true, std::nullopt};
  const Row timed{true, seconds(30)};
  auto a = read_rows({blank_wait, timed});
  const auto b = read_rows({blank_wait, {false, seconds(4)}});
  const auto both = read_rows({blank_wait, timed, blank_wait, {false, seconds(4)}});
  a.merge(b);
  REQUIRE(a.raw(Field::answered_untimed) == both.raw(Field::answered_untimed));
  // ASA of the merged sums: 30 / (3 answered − 2 of unknown wait) = 30.
  require_value(asa(a), 30.0);
  REQUIRE(left_out_count(asa(a)) == 2);
}

TEST_CASE("a figure with every row left out is null and says so", "[left_out]") {
  const auto s = read_rows({{true, std::nullopt}});
  test::require_null(asa(s), "no answered contacts (1 left out for a blank input)");
}

TEST_CASE("a log with no answered, abandoned, agent, talk or wait column has no queue figures", "[left_out]") {
  const auto supplied = supplied_fields({R::id, R::opened_at, R::cost}, {});
  REQUIRE(supplied.has(Field::contacts));
  REQUIRE(supplied.has(Field::total_cost));
  for (const Field f : {Field::handled, Field::abandoned})
    REQUIRE_FALSE(supplied.has(f));
  // Abandonment needs abandoned; cost per contact stays (a row is a contact).
  const auto needs = [&](const Plan& p) {
    return std::all_of(p.required.begin(), p.required.end(), [&](Field f) { return supplied.has(f); });
  };
  REQUIRE_FALSE(needs(plan_abandonment({}, supplied)));
  REQUIRE_FALSE(needs(plan_service_level({}, supplied)));
  REQUIRE_FALSE(needs(plan_asa(supplied)));
  REQUIRE(needs(plan_cost_per_contact({}, supplied)));
  for (const auto evidence : {R::answered, R::abandoned, R::agent, R::talk_s, R::wait_s})
    REQUIRE(supplied_fields({R::id, evidence}, {}).has(Field::abandoned));
}
