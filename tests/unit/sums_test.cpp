// Sums: exact, additive and mergeable.
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <random>

#include "cxkpi/catalog.hpp"
#include "cxkpi/checks.hpp"
#include "test_support.hpp"

using namespace cxkpi;

namespace {

Sums random_row(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::int64_t> count(0, 5000);
  std::uniform_int_distribution<std::int64_t> amount(0, 50'000'000);  // raw 1/10000 units
  Sums s;
  for (const auto& f : kFields) {
    if (f.kind == FieldKind::count)
      s.add(f.field, count(rng));
    else
      s.add_raw(f.field, amount(rng));
  }
  return s;
}

}  // namespace

TEST_CASE("merging partial sums equals summing the whole input", "[sums]") {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<Sums> rows;
    for (int i = 0; i < 20; ++i)
      rows.push_back(random_row(rng));
    Sums whole;
    for (const auto& r : rows)
      whole.merge(r);
    const auto split = std::uniform_int_distribution<std::size_t>(0, rows.size())(rng);
    Sums left;
    Sums right;
    for (std::size_t i = 0; i < rows.size(); ++i)
      (i < split ? left : right).merge(rows[i]);
    left.merge(right);
    for (const auto& f : kFields)
      REQUIRE(left.raw(f.field) == whole.raw(f.field));
    const Settings settings;
    for (const auto& m : kMetrics) {
      INFO(m.name);
      const auto a = m.finalize(left, settings);
      const auto b = m.finalize(whole, settings);
      REQUIRE(a.value.has_value() == b.value.has_value());
      if (a.value) REQUIRE(test::close(*a.value, *b.value));
    }
  }
}

TEST_CASE("money and seconds add exactly in 1/10000 units", "[sums]") {
  Sums s;
  for (int i = 0; i < 1'000'000; ++i)
    s.add_amount(Field::total_cost, 0.1);
  REQUIRE(s.raw(Field::total_cost) == 1'000'000'000);
  REQUIRE(s.value(Field::total_cost) == Approx(100000.0).margin(0));
}

TEST_CASE("counts stay exact past 2^53", "[sums]") {
  Sums s;
  s.add(Field::offered, std::int64_t{1} << 53);
  s.add(Field::offered, 1);
  REQUIRE(s.raw(Field::offered) == (std::int64_t{1} << 53) + 1);
}

TEST_CASE("a sum that would overflow throws instead of wrapping", "[sums]") {
  Sums s;
  s.add(Field::offered, std::numeric_limits<std::int64_t>::max());
  REQUIRE_THROWS_AS(s.add(Field::offered, 1), SumOverflow);
  REQUIRE_THROWS_AS(s.add(Field::talk_s, std::numeric_limits<std::int64_t>::max() / 100), SumOverflow);
  REQUIRE_THROWS_AS(s.add_amount(Field::talk_s, 1e300), SumOverflow);
}

TEST_CASE("presence records which fields an input supplied", "[sums]") {
  Sums s;
  REQUIRE(s.present().empty());
  s.add(Field::handled, 0);
  REQUIRE(s.present().has(Field::handled));
  REQUIRE_FALSE(s.present().has(Field::talk_s));
  Sums other;
  other.add(Field::talk_s, 5);
  s.merge(other);
  REQUIRE(s.present().has(Field::talk_s));
  REQUIRE_FALSE(s.present().has(Field::wrap_s));
}

TEST_CASE("a part larger than its whole is reported", "[checks]") {
  Sums s;
  s.add(Field::offered, 100);
  s.add(Field::abandoned, 120);
  const auto v = check_row(s);
  REQUIRE(v);
  REQUIRE(v->part == Field::abandoned);
  REQUIRE(v->message == "abandoned (120) is greater than offered (100)");

  Sums ok;
  ok.add(Field::abandoned, 120);  // no offered given: nothing to compare with
  REQUIRE_FALSE(check_row(ok));

  Sums sum_over;
  sum_over.add(Field::offered, 10);
  sum_over.add(Field::handled, 8);
  sum_over.add(Field::abandoned, 3);
  REQUIRE(check_row(sum_over)->message == "handled + abandoned (11) is greater than offered (10)");

  Sums csat_parts;
  csat_parts.add(Field::csat_responses, 5);
  csat_parts.add(Field::csat_satisfied, 6);
  REQUIRE(check_row(csat_parts)->part == Field::csat_satisfied);
}

TEST_CASE("checked_add, checked_sub and checked_mul refuse a result past int64", "[sums]") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  REQUIRE(checked_add(max - 1, 1, Field::offered) == max);
  REQUIRE_THROWS_AS(checked_add(max, 1, Field::offered), SumOverflow);
  REQUIRE_THROWS_AS(checked_add(min, -1, Field::offered), SumOverflow);
  REQUIRE(checked_sub(0, max, Field::offered) == -max);
  REQUIRE_THROWS_AS(checked_sub(-2, max, Field::offered), SumOverflow);  // -2 - max = min - 1
  REQUIRE(checked_mul(max / 7, 7, Field::ces_7) == max / 7 * 7);
  REQUIRE_THROWS_AS(checked_mul(max / 7 + 1, 7, Field::ces_7), SumOverflow);
}

TEST_CASE("merging sums past int64 throws, naming the field", "[sums]") {
  Sums a;
  Sums b;
  a.add(Field::handled, std::numeric_limits<std::int64_t>::max());
  b.add(Field::handled, 1);
  try {
    a.merge(b);
    FAIL("the merge did not throw");
  } catch (const SumOverflow& e) {
    REQUIRE(e.field == Field::handled);
    REQUIRE(std::string(e.what()) == "a sum of handled is too large to keep exactly");
  }
}

TEST_CASE("raw_sum adds fields exactly and refuses a total past int64", "[sums]") {
  Sums s;
  s.add(Field::handled, std::int64_t{1} << 62);
  s.add(Field::abandoned, (std::int64_t{1} << 62) - 1);
  REQUIRE(s.raw_sum({Field::handled, Field::abandoned}) == std::numeric_limits<std::int64_t>::max());  // 2^63 − 1
  s.add(Field::abandoned, 1);
  REQUIRE_THROWS_AS(s.raw_sum({Field::handled, Field::abandoned}), SumOverflow);
}

TEST_CASE("a metric whose finalisation adds sums past int64 throws instead of giving a negative n", "[sums]") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  Sums answers;  // promoters + passives = 2^63: a negative n when wrapped
  answers.add(Field::promoters, max);
  answers.add(Field::passives, 1);
  answers.add(Field::detractors, 0);
  REQUIRE_THROWS_AS(nps(answers), SumOverflow);

  Sums waits;  // handled + abandoned = 2^63
  waits.add(Field::handled, max);
  waits.add(Field::abandoned, 1);
  waits.add(Field::answer_wait_s, 0);
  waits.add(Field::abandon_wait_s, 0);
  REQUIRE_THROWS_AS(avg_wait(waits), SumOverflow);

  Sums effort;  // 7 × (⌊max / 7⌋ + 1) > max: the score sum leaves int64
  effort.add(Field::ces_7, max / 7 + 1);
  REQUIRE_THROWS_AS(ces(effort), SumOverflow);

  Sums largest;  // the largest exact figures: promoters 2^62, passives 2^62 − 1, n = 2^63 − 1
  largest.add(Field::promoters, std::int64_t{1} << 62);
  largest.add(Field::passives, (std::int64_t{1} << 62) - 1);
  largest.add(Field::detractors, 0);
  REQUIRE(nps(largest).n == max);
}
