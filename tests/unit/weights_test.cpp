// --weight: weighted CSAT, NPS and CES with the unweighted figure and Kish's n_eff beside
// them (weights.hpp), accumulated from survey rows as a record log reads them. Expected
// figures are worked by hand in each case (exact fractions).
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_null;
using test::require_value;

namespace {

struct Answer {
  std::optional<int> csat;
  std::optional<int> nps;
  std::optional<int> ces;
  std::optional<std::int64_t> weight;  // raw 1/10000 units; nullopt: a blank weight cell
};

// The answers read as a log with csat, nps, ces and weight columns.
Sums survey(std::initializer_list<Answer> answers) {
  const RecordColumns columns{RecordField::csat, RecordField::nps, RecordField::ces, RecordField::weight};
  const RecordRules rules;
  Sums s;
  s.set_present(supplied_fields(columns, rules));
  for (const auto& a : answers) {
    Contact c;
    c.csat = a.csat;
    c.nps = a.nps;
    c.ces = a.ces;
    c.weight = a.weight;
    if (!a.weight) c.blank.add(RecordField::weight);
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  return s;
}

constexpr std::int64_t w(double units) {
  return static_cast<std::int64_t>(units * kAmountScale);
}

Settings weighted() {
  Settings o;
  o.weight_column = "weight";
  return o;
}

const MetricSpec& spec(std::string_view name) {
  return *find_metric(name);
}

}  // namespace

TEST_CASE("weighted NPS: 100 × (Σw promoters − Σw detractors) / Σw, with n_eff = (Σw)² / Σw²", "[weights]") {
  // 10 w 2, 9 w 1, 7 w 1, 3 w 0.5, 0 w 1.5: Σw 6, promoters 3, detractors 2 → 100/6 = 16.67;
  // unweighted 2 promoters, 2 detractors of 5 → 0; Σw² = 4 + 1 + 1 + 0.25 + 2.25 = 8.5 → 36/8.5.
  const auto s =
      survey({{{}, 10, {}, w(2)}, {{}, 9, {}, w(1)}, {{}, 7, {}, w(1)}, {{}, 3, {}, w(0.5)}, {{}, 0, {}, w(1.5)}});
  const auto r = spec("nps").finalize(s, weighted());
  require_value(r, 100.0 / 6);
  REQUIRE(test::close(r.numerator, 1.0));  // Σw promoters − Σw detractors = 3 − 2
  REQUIRE(test::close(r.denominator, 6.0));
  REQUIRE_FALSE(r.whole_denominator);
  REQUIRE(r.n == 5);
  REQUIRE(test::close(*detail_of(r, "unweighted"), 0.0));
  REQUIRE(test::close(*detail_of(r, "unweighted_n"), 5.0));
  REQUIRE(test::close(*detail_of(r, "n_eff"), 36 / 8.5));
  REQUIRE(test::close(*detail_of(r, "promoters_pct"), 50.0));
  REQUIRE(test::close(*detail_of(r, "detractors_pct"), 100.0 / 3));
  REQUIRE(find_detail(r, "ci_low") == nullptr);  // no unweighted interval presented as weighted
  REQUIRE(r.small_n);
  // Without --weight the same sums give the plain NPS.
  require_value(spec("nps").finalize(s, Settings{}), 0.0);
}

TEST_CASE("weighted CSAT and CES share one mechanism; a blank weight leaves the answer out", "[weights]") {
  // csat 5 w 3, 4 w 1, 1 w 1, 2 blank: weighted top-2 100 × 4/5 = 80, unweighted 2/4 = 50;
  // n_eff 25 / (9 + 1 + 1) = 25/11. ces 7 w 3, 4 w 1, 1 w 1: mean (21 + 4 + 1)/5 = 5.2.
  const auto s = survey({{5, {}, 7, w(3)}, {4, {}, 4, w(1)}, {1, {}, 1, w(1)}, {2, {}, {}, std::nullopt}});
  const auto c = spec("csat").finalize(s, weighted());
  require_value(c, 80.0);
  REQUIRE(c.n == 3);
  REQUIRE(test::close(*detail_of(c, "unweighted"), 50.0));
  REQUIRE(test::close(*detail_of(c, "n_eff"), 25.0 / 11));
  REQUIRE(test::close(*detail_of(c, "mean"), (15.0 + 4 + 1) / 5));
  REQUIRE(left_out_count(c) == 1);
  const auto e = spec("ces").finalize(s, weighted());
  require_value(e, 5.2);
  REQUIRE(test::close(*detail_of(e, "unweighted"), 4.0));
  REQUIRE(left_out_count(e) == 0);  // the blank-weight row has no CES answer
}

TEST_CASE("a zero weight counts in n but not in Σw or n_eff; all zero gives null with a reason", "[weights]") {
  // csat 5 w 0, 1 w 2: weighted 0/2 = 0, n 2, n_eff 4/4 = 1.
  const auto s = survey({{5, {}, {}, w(0)}, {1, {}, {}, w(2)}});
  const auto r = spec("csat").finalize(s, weighted());
  require_value(r, 0.0);
  REQUIRE(r.n == 2);
  REQUIRE(test::close(*detail_of(r, "n_eff"), 1.0));
  const auto zero = spec("csat").finalize(survey({{5, {}, {}, w(0)}}), weighted());
  require_null(zero, "the weights of the answers sum to 0");
  REQUIRE_FALSE(detail_of(zero, "n_eff"));
  REQUIRE(test::close(*detail_of(zero, "unweighted"), 100.0));
}

TEST_CASE("n_eff is Kish's (Σw)² / Σw², null without weight", "[weights]") {
  REQUIRE(test::close(*effective_sample_size(w(6), w(1) * w(1) * 17 / 2), 72.0 / 17));
  REQUIRE(test::close(*effective_sample_size(w(1) * 10, w(1) * w(1) * 10), 10.0));  // equal weights: n
  REQUIRE_FALSE(effective_sample_size(0, 0));
}

TEST_CASE("a weight whose square leaves int64 is refused, not rounded", "[weights]") {
  REQUIRE_THROWS_AS(survey({{5, {}, {}, std::int64_t{4'000'000'000'000}}}), SumOverflow);
}
