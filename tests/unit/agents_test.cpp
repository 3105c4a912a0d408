// resolved-per-agent and contacts-to-resolution (METRICS.md §4 and §5b).
#include <catch2/catch.hpp>
#include <vector>

#include "compute/buckets.hpp"
#include "compute/compute.hpp"
#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using namespace cxkpi::cli;

namespace {

// Fixture F read as a log, grouped by agent (as the resolved-per-agent command does).
ResultTable per_agent_on_fixture_f(BucketBy by = BucketBy::all) {
  FileInputOptions input;
  input.files = {std::string(CXKPI_DATA_DIR) + "/fixture_f.csv"};
  auto readers = open_inputs(input);
  BucketOptions options;
  options.by = by;
  options.group = {"agent"};
  RecordRules rules;
  rules.count_agents = true;
  const auto buckets = read_records(readers, input, options, rules);
  return metric_table(*find_metric("resolved-per-agent"), Settings{}, buckets);
}

const ResultRow& row_of(const ResultTable& t, const std::string& agent) {
  for (const auto& r : t.rows)
    if (r.labels == std::vector<std::string>{agent}) return r;
  FAIL("no row for agent " << agent);
  return t.rows.front();
}

Sums cases_of(const std::vector<WindowContact>& rows, std::int64_t window_s) {
  auto contacts = rows;
  WindowRules rules;
  rules.window_s = window_s;
  Sums s;
  judge_cases(contacts, rules, [&](std::size_t) -> Sums& { return s; });
  return s;
}

}  // namespace

TEST_CASE("resolved-per-agent reproduces the METRICS.md example on fixture F", "[agents]") {
  const auto t = per_agent_on_fixture_f();
  test::require_value(row_of(t, "a1").result, 3);
  test::require_value(row_of(t, "a2").result, 2);
  test::require_value(row_of(t, "a3").result, 2);
  test::require_value(t.total, 7.0 / 3);  // mean per agent
  REQUIRE(t.total.denominator == Approx(3));
}

TEST_CASE("resolved-per-agent puts handled, AHT, CSAT and FCR beside each agent", "[agents]") {
  const auto t = per_agent_on_fixture_f();
  const auto& a1 = row_of(t, "a1").result;  // ids 1, 4 and 9
  REQUIRE(*detail_of(a1, "handled") == Approx(3));
  REQUIRE(test::close(*detail_of(a1, "aht"), 1460.0 / 3));
  REQUIRE(test::close(*detail_of(a1, "csat"), 200.0 / 3));  // scores 5, 2, 5
  REQUIRE(test::close(*detail_of(a1, "fcr"), 200.0 / 3));
}

TEST_CASE("the empty agent is a row of its own but no agent in the mean", "[agents]") {
  const auto t = per_agent_on_fixture_f();
  test::require_null(row_of(t, "").result, "no named agent handled a contact");
}

TEST_CASE("an agent of several periods counts once in the total", "[agents]") {
  const auto t = per_agent_on_fixture_f(BucketBy::day);
  REQUIRE(t.rows.size() == 8);  // a1 on two days, a2 on three, a3 on two, and the empty agent
  test::require_value(t.total, 7.0 / 3);
}

TEST_CASE("contacts-to-resolution reproduces the METRICS.md example", "[cases]") {
  // Case A: 3 contacts, the last resolved; B: 1, resolved; C: 2, the last not resolved.
  const std::vector<WindowContact> rows{
      {1, 1, "1", true, 0, false}, {2, 2, "2", true, 0, true},  {3, 3, "3", true, 0, true},
      {1, 4, "4", true, 0, false}, {3, 5, "5", true, 0, false}, {1, 6, "6", true, 0, true},
  };
  const auto r = contacts_to_resolution(cases_of(rows, kWholeCase));
  test::require_value(r, 2.0);
  REQUIRE(*detail_of(r, "one_contact_pct") == Approx(50.0));
  REQUIRE(*detail_of(r, "open_cases") == Approx(1));
}

TEST_CASE("a case resolved and then reopened is open; one reopened and resolved again is resolved", "[cases]") {
  const std::vector<WindowContact> reopened{{1, 1, "1", true, 0, true}, {1, 2, "2", true, 0, false}};
  const auto open = contacts_to_resolution(cases_of(reopened, kWholeCase));
  test::require_null(open, "no resolved cases");
  REQUIRE(*detail_of(open, "open_cases") == Approx(1));
}

TEST_CASE("chained by customer, a contact past the window starts a new case", "[cases]") {
  // One customer: day 0 (resolved), day 1 (resolved), day 10 (resolved); W = 7 days.
  const std::vector<WindowContact> rows{
      {1, 0, "1", true, 0, true}, {1, 86400, "2", true, 0, true}, {1, 10 * 86400, "3", true, 0, true}};
  const auto r = contacts_to_resolution(cases_of(rows, 7 * 86400));
  test::require_value(r, 1.5);  // cases of 2 and 1 contacts
  REQUIRE(*detail_of(r, "one_contact_pct") == Approx(50.0));
}

TEST_CASE("a case belongs to the bucket of its first contact", "[cases]") {
  std::vector<WindowContact> contacts{{1, 0, "1", true, 0, false}, {1, 100, "2", true, 1, true}};
  std::vector<Sums> buckets(2);
  WindowRules whole;
  whole.window_s = kWholeCase;
  judge_cases(contacts, whole, [&](std::size_t b) -> Sums& { return buckets[b]; });
  REQUIRE(buckets[0].raw(Field::cases_resolved) == 1);
  REQUIRE(buckets[0].raw(Field::case_contacts) == 2);
  REQUIRE(buckets[1].raw(Field::cases_resolved) == 0);
}

TEST_CASE("resolved-per-agent per_hour divides by logged-in hours when they are joined", "[agents]") {
  Sums s;
  s.add(Field::resolved, 3);
  s.add(Field::agents_handled, 1);
  s.add(Field::handled, 3);
  REQUIRE_FALSE(detail_of(resolved_per_agent(s), "per_hour").has_value());
  s.add(Field::logged_in_s, 4 * 3600);
  REQUIRE(test::close(*detail_of(resolved_per_agent(s), "per_hour"), 0.75));
}
