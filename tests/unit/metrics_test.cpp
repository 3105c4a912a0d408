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
  REQUIRE(test::close(*detail_of(r, "mean"), 3.625));
  require_value(csat(200, 250), 80.0);
  require_null(csat(0, 0), "no survey responses");
}

TEST_CASE("CSAT from score counts gives the share and the mean", "[metrics]") {
  Sums s;
  const int counts[] = {10, 10, 30, 80, 120};
  for (int k = 1; k <= 5; ++k)
    s.add(csat_score_field(k), counts[k - 1]);
  require_value(csat(s), 80.0);
  REQUIRE(test::close(*detail_of(csat(s), "mean"), 4.16));
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

TEST_CASE("CSAT carries a Wilson interval, and the mean a Student's t one with n - 1 degrees of freedom", "[metrics]") {
  // fixture F: 5 of 8 in the top 2 boxes; Wilson at 95 % = [30.5742394602627, 86.3155714176403] (compare_test)
  const auto top2 = csat(fixture_f());
  REQUIRE(test::close(*detail_of(top2, "ci_low"), 30.574239460262742));
  REQUIRE(test::close(*detail_of(top2, "ci_high"), 86.31557141764026));
  REQUIRE(test::close(*detail_of(top2, "confidence"), 0.95));
  // aggregate 1 of 1: [100/(1 + z²), 100] = [20.654931437723742, 100]
  const auto one = csat(1, 1);
  REQUIRE(test::close(*detail_of(one, "ci_low"), 20.654931437723742));
  REQUIRE(test::close(*detail_of(one, "ci_high"), 100.0));
  // mean 29/8 = 3.625, Σscore² = 121, s² = (121 − 8 × 3.625²)/7 = 15.875/7 = 2.267857142857143;
  // 8 answers: t(0.975, 7) = 2.3646242515927847 (mpmath, bisection on the incomplete beta), not z = 1.96,
  // half = 2.3646242515927847 × sqrt(2.267857142857143/8) = 1.2589978628012128
  const auto mean = csat(fixture_f(), {5, CsatMethod::mean, {}});
  REQUIRE(test::close(*detail_of(mean, "ci_low"), 3.625 - 1.2589978628012128));
  REQUIRE(test::close(*detail_of(mean, "ci_high"), 3.625 + 1.2589978628012128));
  // at 99 %: t(0.995, 7) = 3.4994832973504933, half = 1.8632313312802598; the top clips at the scale's 5
  const auto mean99 = csat(fixture_f(), {5, CsatMethod::mean, {}, 0.99});
  REQUIRE(test::close(*detail_of(mean99, "ci_low"), 3.625 - 1.8632313312802598));
  REQUIRE(test::close(*detail_of(mean99, "ci_high"), 5.0));
  // no answers: the value and the interval are null, never NaN
  const auto empty = csat(0, 0);
  require_null(empty, "no survey responses");
  REQUIRE_FALSE(detail_of(empty, "ci_low"));
  REQUIRE_FALSE(detail_of(empty, "ci_high"));
  // one answer has no spread: the mean's interval is null
  Sums single;
  single.add(csat_score_field(4), 1);
  REQUIRE_FALSE(detail_of(csat(single, {5, CsatMethod::mean, {}}), "ci_low"));
}

TEST_CASE("NPS carries its margin of error in points", "[metrics]") {
  // fixture F: P = 4/8, D = 2/8; var = (0.5 + 0.25 − 0.25²)/8 = 0.6875/8 = 0.0859375,
  // margin = 1.959963984540054 × sqrt(0.0859375) × 100 = 57.45653726108122 → [−32.4565…, 82.4565…]
  const auto f = nps(fixture_f());
  REQUIRE(test::close(*detail_of(f, "margin_of_error"), 57.45653726108122));
  REQUIRE(test::close(*detail_of(f, "ci_low"), 25 - 57.45653726108122));
  REQUIRE(test::close(*detail_of(f, "ci_high"), 25 + 57.45653726108122));
  // 120/50/30 at 90 %: var = (0.6 + 0.15 − 0.45²)/200 = 0.5475/200, margin = 1.6448536269514722 ×
  // sqrt(0.0027375) × 100 = 8.606059031627773
  Sums s;
  s.add(Field::promoters, 120);
  s.add(Field::passives, 50);
  s.add(Field::detractors, 30);
  const auto r = nps(s, {0.90});
  REQUIRE(test::close(*detail_of(r, "margin_of_error"), 8.606059031627773));
  REQUIRE(test::close(*detail_of(r, "confidence"), 0.90));
  // all promoters (p = 1), or one answer (n = 1): every answer alike, margin 0 and the interval is the value
  const auto all = nps(7, 0, 0);
  REQUIRE(test::close(*detail_of(all, "margin_of_error"), 0.0));
  REQUIRE(test::close(*detail_of(all, "ci_low"), 100.0));
  REQUIRE(test::close(*detail_of(all, "ci_high"), 100.0));
  REQUIRE(test::close(*detail_of(nps(0, 0, 1), "ci_low"), -100.0));
  // a wide margin is clipped to the −100 … +100 scale: P = 2/3, D = 1/3, n = 3 → 33.3 ± 106.7
  REQUIRE(test::close(*detail_of(nps(2, 0, 1), "ci_high"), 100.0));
  const auto empty = nps(0, 0, 0);
  require_null(empty, "no survey responses");
  REQUIRE_FALSE(detail_of(empty, "margin_of_error"));
  REQUIRE_FALSE(detail_of(empty, "ci_low"));
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
