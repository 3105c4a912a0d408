// Every worked example of METRICS.md for the seven card metrics, through the library.
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_null;
using test::require_value;

namespace {

// Fixture F of METRICS.md, as the sums its eleven records give.
Sums fixture_f() {
  Sums s;
  s.add(Field::contacts, 11);
  s.add(Field::offered, 11);
  s.add(Field::handled, 8);
  s.add(Field::abandoned, 3);
  s.add(Field::queued, 10);  // every row but id 9 (answered with no wait)
  s.add(Field::talk_s, 2800);
  s.add(Field::hold_s, 250);
  s.add(Field::wrap_s, 540);
  s.add(Field::resolved, 7);
  s.add(Field::resolved_first_contact, 5);
  s.add_amount(Field::total_cost, 44.00);
  for (const int score : {5, 4, 2, 5, 3, 4, 5, 1})
    s.add(csat_score_field(score), 1);
  s.add(Field::promoters, 4);   // 10, 9, 10, 9
  s.add(Field::passives, 2);    // 7, 8
  s.add(Field::detractors, 2);  // 3, 0
  return s;
}

}  // namespace

TEST_CASE("contact rate is contacts per 100 orders or customers", "[metrics]") {
  require_value(contact_rate(1200, 40000), 3.0);
  Sums s;
  s.add(Field::contacts, 1200);
  s.add(Field::customers, 15000);
  require_value(contact_rate(s), 8.0);  // only customers given: they are the base
  require_value(contact_rate(s, {ContactBase::customers}), 8.0);
  require_null(contact_rate(s, {ContactBase::orders}), "no orders");
}

TEST_CASE("cost per contact divides all cost by contacts or by handled", "[metrics]") {
  const auto f = fixture_f();
  require_value(cost_per_contact(f), 4.0);
  require_value(cost_per_contact(f, {CostBase::handled}), 5.5);
  require_value(cost_per_contact(50000.0, 12500), 4.0);
  require_value(cost_per_contact(71600.0, 10000), 7.16);
  require_null(cost_per_contact(10.0, 0), "no contacts");
}

TEST_CASE("CSAT is top-2-box by default and top-1 or mean on request", "[metrics]") {
  const auto f = fixture_f();
  require_value(csat(f), 62.5);
  require_value(csat(f, {5, CsatMethod::top1, {}}), 37.5);
  require_value(csat(f, {5, CsatMethod::mean, {}}), 3.625);
  require_value(csat(f, {5, CsatMethod::top2, 3}), 75.0);  // 5,4,3,5,4,5 of 8
  const auto r = csat(f);
  REQUIRE(r.n == 8);
  REQUIRE(r.details.size() == 1);
  REQUIRE(test::close(*r.details[0].value, 3.625));
  require_value(csat(200, 250), 80.0);
  require_null(csat(0, 0), "no survey responses");
}

TEST_CASE("CSAT from score counts gives the share and the mean", "[metrics]") {
  Sums s;
  const int counts[] = {10, 10, 30, 80, 120};
  for (int k = 1; k <= 5; ++k)
    s.add(csat_score_field(k), counts[k - 1]);
  require_value(csat(s), 80.0);
  REQUIRE(test::close(*csat(s).details[0].value, 4.16));
}

TEST_CASE("CSAT plan refuses variants that per-score counts would need", "[metrics]") {
  const FieldSet aggregate{Field::csat_responses, Field::csat_satisfied};
  REQUIRE(plan_csat({}, aggregate).problem.empty());
  REQUIRE_FALSE(plan_csat({5, CsatMethod::mean, {}}, aggregate).problem.empty());
  const FieldSet seven_point{Field::csat_1, Field::csat_7};
  REQUIRE_FALSE(plan_csat({}, seven_point).problem.empty());
  REQUIRE(plan_csat({7, CsatMethod::top2, {}}, seven_point).problem.empty());
}

TEST_CASE("NPS is percent promoters minus percent detractors in points", "[metrics]") {
  require_value(nps(fixture_f()), 25.0);  // not -25: pitfall 2
  require_value(nps(120, 50, 30), 45.0);
  require_value(nps(0, 0, 7), -100.0);
  const auto r = nps(120, 50, 30);
  REQUIRE(r.numerator == Approx(90).margin(0));
  REQUIRE(r.denominator == Approx(200).margin(0));
  require_null(nps(0, 0, 0), "no survey responses");
}

TEST_CASE("abandonment counts who left with short abandons and a queued base", "[metrics]") {
  auto f = fixture_f();
  require_value(abandonment(f), 300.0 / 11.0);
  require_value(abandonment(f, {AbandonBase::queued}), 30.0);
  f.add(Field::short_abandoned, 1);  // the 3 s abandon is short with S = 5
  require_value(abandonment(f), 20.0);
  require_value(abandonment(f, {AbandonBase::queued}), 200.0 / 9.0);
  require_value(abandonment(100, 40), 40.0);  // pitfall 1: not 60
  require_value(abandonment(1000, 90, 30), 6000.0 / 970.0);
  require_null(abandonment(0, 0), "no offered contacts");
}

TEST_CASE("AHT adds the chosen components over handled contacts", "[metrics]") {
  const auto f = fixture_f();
  require_value(aht(f), 448.75);
  require_value(aht(f, {{true, true, false}}), 381.25);
  require_value(aht(36000, 3600, 7200, 200), 234.0);
  require_null(aht(0, 0, 0, 0), "no handled contacts");
}

TEST_CASE("AHT plan warns about components the input lacks and requires the rest", "[metrics]") {
  const auto p = plan_aht({}, FieldSet{Field::handled, Field::talk_s});
  REQUIRE(p.required == std::vector<Field>{Field::handled, Field::talk_s});
  REQUIRE(p.warnings == std::vector<std::string>{"hold_s, wrap_s not in the input: AHT counts talk_s only"});
  REQUIRE(p.definition == "(talk_s) / handled");
}

TEST_CASE("averaging row ratios is not how totals work (pitfall 3)", "[metrics]") {
  Sums a;
  a.add(Field::handled, 10);
  a.add(Field::talk_s, 3000);
  Sums b;
  b.add(Field::handled, 30);
  b.add(Field::talk_s, 18000);
  a.merge(b);
  require_value(aht(a, {{true, false, false}}), 525.0);
}

TEST_CASE("FCR divides first-contact resolutions by handled or resolved", "[metrics]") {
  const auto f = fixture_f();
  require_value(fcr(f), 62.5);
  require_value(fcr(f, {FcrBase::resolved}), 500.0 / 7.0);
  require_value(fcr(720, 1000), 72.0);
  require_null(fcr(0, 0), "no handled contacts");
}

TEST_CASE("the catalogue finalises each metric like its direct function", "[metrics]") {
  const auto f = fixture_f();
  const Settings settings;
  require_value(find_metric("nps")->finalize(f, settings), 25.0);
  require_value(find_metric("aht")->finalize(f, settings), 448.75);
  require_value(find_metric("abandonment")->finalize(f, settings), 300.0 / 11.0);
  REQUIRE(find_metric("no-such-metric") == nullptr);
  for (const auto& m : kMetrics) {
    INFO(m.name);
    REQUIRE_FALSE(m.plan(settings, f.present()).definition.empty());
    const auto r = m.finalize(Sums{}, settings);
    REQUIRE_FALSE(r.value.has_value());  // nothing in, null out — never a silent 0
    REQUIRE_FALSE(r.reason.empty());
  }
}

TEST_CASE("cost per resolution counts every cost over resolved contacts", "[metrics]") {
  require_value(cost_per_resolution(fixture_f()), 44.0 / 7.0);
  require_null(cost_per_resolution(Sums{}), "no resolved contacts");
}

TEST_CASE("conversion rate and its more-orders-than-contacts check", "[metrics]") {
  Sums s;
  s.add(Field::orders, 60);
  s.add(Field::contacts, 500);
  require_value(conversion_rate(s), 12.0);
  REQUIRE_FALSE(check_conversion(s, {}));
  Sums many;
  many.add(Field::orders, 600);
  many.add(Field::contacts, 500);
  REQUIRE(check_conversion(many, {})->part == Field::orders);
  REQUIRE_FALSE(check_conversion(many, {ConversionBase::contacts, true}));
  Sums visits;  // METRICS.md seed 004: 200 actions of 400 visits
  visits.add(Field::orders, 200);
  visits.add(Field::contacts, 400);
  require_value(conversion_rate(visits), 50.0);
}

TEST_CASE("retention keeps customers who were there at the start", "[metrics]") {
  Sums s;
  s.add(Field::customers_start, 2000);
  s.add(Field::customers_end, 2100);
  s.add(Field::customers_new, 300);
  require_value(retention_rate(s), 90.0);
  Sums more_new_than_end;
  more_new_than_end.add(Field::customers_end, 100);
  more_new_than_end.add(Field::customers_new, 300);
  REQUIRE(check_row(more_new_than_end)->part == Field::customers_new);
}

TEST_CASE("CES is the mean answer with the share of low effort", "[metrics]") {
  Sums s;
  for (const int score : {7, 6, 3, 7, 4, 4, 6, 2})
    s.add(ces_score_field(score), 1);
  const auto r = ces(s);
  require_value(r, 4.875);
  REQUIRE(test::close(*r.details[0].value, 50.0));
  // effort-high (1 = very low effort): low effort is 1-3 on 7 points: 3 and 2 → 25 %
  REQUIRE(test::close(*ces(s, {7, EffortDirection::effort_high, {}}).details[0].value, 25.0));
  REQUIRE(test::close(*ces(s, {7, EffortDirection::easy_high, 7}).details[0].value, 25.0));
  REQUIRE_FALSE(plan_ces({5, EffortDirection::easy_high, {}}, s.present()).problem.empty());  // a 6 and 7 on 5 points
}

TEST_CASE("transfer rate occupancy and utilisation", "[metrics]") {
  Sums s;
  s.add(Field::transfers, 1);
  s.add(Field::handled, 8);
  require_value(transfer_rate(s), 12.5);
  Sums agents;
  agents.add(Field::talk_s, 2800);
  agents.add(Field::hold_s, 250);
  agents.add(Field::wrap_s, 540);
  agents.add(Field::idle_s, 1410);
  agents.add(Field::paid_s, 7200);
  require_value(occupancy(agents), 71.8);
  require_value(utilisation(agents), 3590.0 / 72.0);
  require_null(utilisation(agents, {UtilisationBase::logged_in}), "no logged-in time");
}
