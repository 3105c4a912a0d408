// best-time-to-call: the weekday × hour grid, its marginals and the best bucket (METRICS.md §3).
#include "cxkpi/best_time.hpp"

#include <catch2/catch.hpp>

#include "records/timestamps.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::close;
using test::require_null;
using test::require_value;

namespace {

constexpr int kMon = 0, kTue = 1, kWed = 2, kFri = 4, kSun = 6;

CallCounts counts(std::int64_t offered, std::int64_t answered, std::int64_t wait_s) {
  return {offered, answered, wait_s * kAmountScale};
}

// Fixture F (METRICS.md §0), contact by contact: weekday, hour, answered, wait_s.
AnswerGrid fixture_f() {
  struct Row {
    int weekday, hour, answered, wait;
  };
  constexpr Row kRows[] = {{kMon, 9, 1, 10},  {kMon, 9, 1, 30},  {kMon, 9, 0, 3},  {kMon, 10, 1, 45},
                           {kMon, 10, 0, 40}, {kMon, 14, 1, 5},  {kTue, 9, 1, 15}, {kTue, 11, 1, 20},
                           {kWed, 9, 1, 0},   {kFri, 10, 1, 12}, {kMon, 10, 0, 12}};
  AnswerGrid grid;
  for (const auto& r : kRows)
    grid.add({r.weekday, r.hour}, counts(1, r.answered, r.answered == 1 ? r.wait : 0));
  return grid;
}

void require_best(const BestSlot& best, int weekday, int hour) {
  INFO("reason: " << best.reason);
  REQUIRE(best.slot.has_value());
  CHECK(best.slot->weekday == weekday);
  CHECK(best.slot->hour == hour);
  CHECK(best.reason.empty());
}

}  // namespace

TEST_CASE("Fixture F with min-n 2: Mon 09 answers 2 of 3 and beats Mon 10 at 1 of 3", "[best-time]") {
  const auto grid = fixture_f();
  const auto mon09 = grid.at({kMon, 9});
  CHECK(mon09.offered == 3);
  require_value(answer_rate(mon09), 200.0 / 3.0);
  require_value(answer_speed(mon09), 20.0);
  require_value(answer_rate(grid.at({kMon, 10})), 100.0 / 3.0);
  require_best(best_slot(grid, 2), kMon, 9);
}

TEST_CASE("Fixture F with min-n 1: of five buckets at 100 % with n = 1, Wed 09 waits least", "[best-time]") {
  const auto grid = fixture_f();
  int full = 0;
  for (int d = 0; d < kWeekdays; ++d)
    for (int h = 0; h < kHoursPerDay; ++h)
      if (const auto r = answer_rate(grid.at({d, h})).value; r && close(*r, 100.0)) ++full;
  CHECK(full == 5);
  require_best(best_slot(grid, 1), kWed, 9);
  require_value(answer_speed(grid.at({kWed, 9})), 0.0);
}

TEST_CASE("Fixture F marginals re-divide summed counts", "[best-time]") {
  const auto grid = fixture_f();
  const auto total = grid.total();
  CHECK(total.offered == 11);
  CHECK(total.answered == 8);
  require_value(answer_speed(total), 137.0 / 8.0);
  require_value(answer_rate(grid.weekday_total(kMon)), 400.0 / 7.0);
  require_value(answer_rate(grid.hour_total(9)), 80.0);
  require_value(answer_speed(grid.hour_total(10)), 57.0 / 2.0);
  require_null(answer_rate(grid.weekday_total(kSun)), "no offered contacts");
}

TEST_CASE("No bucket with n >= min-n gives no best bucket, with a reason", "[best-time]") {
  const auto best = best_slot(fixture_f(), 4);
  REQUIRE_FALSE(best.slot.has_value());
  CHECK(best.reason == "no bucket with n ≥ min-n (4)");
  CHECK_FALSE(best_slot(AnswerGrid{}, 1).slot.has_value());
}

TEST_CASE("Empty buckets and buckets with no answers are null, never NaN", "[best-time]") {
  require_null(answer_rate(CallCounts{}), "no offered contacts");
  require_null(answer_speed(CallCounts{}), "no answered contacts");
  const auto none_answered = counts(4, 0, 0);
  require_value(answer_rate(none_answered), 0.0);
  require_null(answer_speed(none_answered), "no answered contacts");
}

TEST_CASE("Ties on answer rate go to the larger n, compared exactly (1/3 = 2/6)", "[best-time]") {
  AnswerGrid grid;
  grid.add({kMon, 8}, counts(3, 1, 10));
  grid.add({kSun, 23}, counts(6, 2, 90));
  require_best(best_slot(grid, 1), kSun, 23);
}

TEST_CASE("Ties on rate and n go to the lower asa, then to the earlier bucket", "[best-time]") {
  AnswerGrid grid;
  grid.add({kTue, 10}, counts(10, 9, 90));  // asa 10 s
  grid.add({kWed, 10}, counts(10, 9, 45));  // asa 5 s
  grid.add({kFri, 10}, counts(10, 9, 45));  // asa 5 s, but later in the week
  require_best(best_slot(grid, 10), kWed, 10);
  AnswerGrid later_hour;
  later_hour.add({kMon, 17}, counts(5, 5, 5));
  later_hour.add({kMon, 16}, counts(5, 5, 5));
  require_best(best_slot(later_hour, 5), kMon, 16);
}

TEST_CASE("A bucket with answers ranks before one without at the same rate and n", "[best-time]") {
  CHECK(ranks_before(counts(2, 1, 4), counts(2, 1, 8)));
  CHECK_FALSE(ranks_before(counts(2, 0, 0), counts(2, 0, 0)));
  CHECK(ranks_before(counts(3, 0, 0), counts(2, 0, 0)));  // 0 % each: larger n first
}

TEST_CASE("Grids of partial inputs merge into the grid of the whole input", "[best-time]") {
  AnswerGrid a;
  AnswerGrid b;
  a.add({kMon, 9}, counts(2, 2, 40));
  b.add({kMon, 9}, counts(1, 0, 0));
  b.add({kTue, 9}, counts(1, 1, 15));
  a.merge(b);
  CHECK(a.at({kMon, 9}).offered == 3);
  CHECK(a.at({kMon, 9}).answered == 2);
  require_value(answer_speed(a.at({kMon, 9})), 20.0);
  CHECK(a.total().offered == 4);
}

TEST_CASE("Weekday-hour periods are labelled Mon 00 … Sun 23 and ordered Monday first", "[best-time]") {
  using cli::BucketBy;
  // 2024-03-04 (a Monday) 09:30 and 2024-03-10 (a Sunday) 23:59, as local seconds.
  const auto mon = cli::period_of(19786LL * 86400 + 9 * 3600 + 1800, BucketBy::weekday_hour);
  CHECK(mon.label == "Mon 09");
  CHECK(mon.order == 9);
  const auto sun = cli::period_of(19792LL * 86400 + 23 * 3600 + 3599, BucketBy::weekday_hour);
  CHECK(sun.label == "Sun 23");
  CHECK(sun.order == 6 * 24 + 23);
}
