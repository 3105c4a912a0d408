// first-response-time and resolution-time: percentiles against a sort-based reference, the
// sketch within its stated error, and business hours over weekends, holidays and DST.
#include <algorithm>
#include <random>
#include <tuple>
#include <utility>
#include <vector>

#include "cxkpi/business_hours.hpp"
#include "cxkpi/catalog.hpp"
#include "records/timestamps.hpp"
#include "test_support.hpp"

namespace {

using cxkpi::Distribution;
using cxkpi::PercentileMethod;
using cxkpi::test::close;

// The definitions of METRICS.md §0, straight from a sorted copy of the sample.
double reference_percentile(std::vector<std::int64_t> x, double percent, PercentileMethod method) {
  std::sort(x.begin(), x.end());
  const auto n = static_cast<double>(x.size());
  if (method == PercentileMethod::nearest_rank) {
    auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * n - 1e-9));
    rank = std::max<std::size_t>(rank, 1);
    return static_cast<double>(x[rank - 1]);
  }
  const double h = (n - 1) * percent / 100.0;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, x.size() - 1);
  return static_cast<double>(x[lo]) + (h - std::floor(h)) * static_cast<double>(x[hi] - x[lo]);
}

Distribution distribution_of(const std::vector<std::int64_t>& values, std::size_t limit = cxkpi::kExactAtAnySize) {
  Distribution d;
  for (const auto v : values)
    d.add(v, 1, limit);
  return d;
}

cxkpi::Sums sums_with(cxkpi::Sample sample, cxkpi::Field count, const std::vector<std::int64_t>& seconds) {
  cxkpi::Sums s;
  for (const auto v : seconds) {
    s.add_sample(sample, v * cxkpi::kAmountScale);
    s.add_raw(count, 1);
  }
  return s;
}

}  // namespace

TEST_CASE("first-response-time reproduces the METRICS.md example on fixture F") {
  // Fixture F first responses: 10, 30, 45, 5, 15, 20, 0, 12 s.
  const auto s =
      sums_with(cxkpi::Sample::first_response, cxkpi::Field::first_responses, {10, 30, 45, 5, 15, 20, 0, 12});
  cxkpi::DurationOptions o;
  const auto r = cxkpi::first_response_time(s, o);
  cxkpi::test::require_value(r, 17.125);
  REQUIRE(close(*cxkpi::detail_of(r, "median"), 13.5));
  REQUIRE(close(*cxkpi::detail_of(r, "p90"), 34.5));
  REQUIRE(close(*cxkpi::detail_of(r, "max"), 45));
  o.method = PercentileMethod::nearest_rank;
  const auto nr = cxkpi::first_response_time(s, o);
  REQUIRE(close(*cxkpi::detail_of(nr, "median"), 12));
  REQUIRE(close(*cxkpi::detail_of(nr, "p90"), 45));
}

TEST_CASE("resolution-time reproduces the METRICS.md example on fixture F") {
  const auto s =
      sums_with(cxkpi::Sample::resolution, cxkpi::Field::timed_resolutions, {600, 3600, 86400, 1200, 3600, 900, 1800});
  cxkpi::DurationOptions o;
  const auto r = cxkpi::resolution_time(s, o);
  cxkpi::test::require_value(r, 98100.0 / 7);
  REQUIRE(close(*cxkpi::detail_of(r, "median"), 1800));
  REQUIRE(close(*cxkpi::detail_of(r, "p90"), 36720));
  REQUIRE(close(*cxkpi::detail_of(r, "max"), 86400));
  o.method = PercentileMethod::nearest_rank;
  REQUIRE(close(*cxkpi::detail_of(cxkpi::resolution_time(s, o), "p90"), 86400));
}

TEST_CASE("duration results carry their values binned on the ladder, each bound opening its bin") {
  // By hand, fixture F's resolutions 600, 3600, 86400, 1200, 3600, 900, 1800 s in [0, 1 min),
  // [1, 5 min), [5, 15 min) … [7 d, ∞): 900, 1800, 3600 and 86400 open their bins.
  const auto s =
      sums_with(cxkpi::Sample::resolution, cxkpi::Field::timed_resolutions, {600, 3600, 86400, 1200, 3600, 900, 1800});
  const auto bins = cxkpi::resolution_time(s, {}).histogram;
  std::vector<std::int64_t> counts;
  for (const auto& b : bins)
    counts.push_back(b.count);
  REQUIRE(counts == std::vector<std::int64_t>{0, 0, 1, 2, 1, 2, 0, 0, 0, 1, 0, 0});
  REQUIRE(close(bins.front().low, 0));
  REQUIRE(close(*bins.front().high, 60));
  REQUIRE(close(bins.back().low, 604800));
  REQUIRE_FALSE(bins.back().high);
  REQUIRE(cxkpi::first_response_time(cxkpi::Sums{}, {}).histogram.empty());
}

TEST_CASE("durations with no values are null with a reason") {
  const cxkpi::Sums empty;
  cxkpi::test::require_null(cxkpi::first_response_time(empty, {}), "no contact with a first response");
  cxkpi::Sums period_table;  // a count with no per-contact times behind it
  period_table.add_raw(cxkpi::Field::timed_resolutions, 5);
  REQUIRE_FALSE(cxkpi::resolution_time(period_table, {}).value);
}

TEST_CASE("exact percentiles equal a sort-based reference on generated data") {
  std::mt19937_64 rng(7);
  for (const std::size_t n : {1U, 2U, 3U, 10U, 101U, 5000U}) {
    std::vector<std::int64_t> x(n);
    std::uniform_int_distribution<std::int64_t> value(0, n > 100 ? 2000 : 50);  // with many ties
    for (auto& v : x)
      v = value(rng);
    const auto d = distribution_of(x);
    REQUIRE_FALSE(d.approximate());
    for (const double p : {0.0, 1.0, 25.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0})
      for (const auto m : {PercentileMethod::linear, PercentileMethod::nearest_rank}) {
        INFO("n " << n << " p " << p << " method " << static_cast<int>(m));
        REQUIRE(close(*d.percentile(p, m), reference_percentile(x, p, m)));
      }
  }
}

TEST_CASE("merged distributions equal one distribution of all values") {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::int64_t> value(0, 100000);
  std::vector<std::int64_t> all;
  Distribution parts[3];
  for (int i = 0; i < 3000; ++i) {
    all.push_back(value(rng));
    parts[i % 3].add(all.back());
  }
  parts[0].merge(parts[1]);
  parts[0].merge(parts[2]);
  const auto whole = distribution_of(all);
  REQUIRE(parts[0].count() == whole.count());
  REQUIRE(close(*parts[0].mean(), *whole.mean()));
  for (const double p : {50.0, 90.0, 99.0})
    REQUIRE(close(*parts[0].percentile(p, PercentileMethod::linear), *whole.percentile(p, PercentileMethod::linear)));
}

TEST_CASE("percentiles stay exact past 262 144 distinct values unless a budget is given") {
  // 300 000 distinct values in a shuffled order: the old default budget folded them into the sketch.
  std::vector<std::int64_t> x(300'000);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<std::int64_t>(i) * 7 + 3;
  std::shuffle(x.begin(), x.end(), std::mt19937_64(3));
  const auto d = distribution_of(x);
  REQUIRE_FALSE(d.approximate());
  for (const double p : {0.0, 1.0, 50.0, 90.0, 95.0, 99.9, 100.0})
    for (const auto m : {PercentileMethod::linear, PercentileMethod::nearest_rank})
      REQUIRE(close(*d.percentile(p, m), reference_percentile(x, p, m)));
  REQUIRE(distribution_of(x, cxkpi::kApproxExactLimit).approximate());
}

TEST_CASE("the sketch reports every value within its relative error, and the bound is tight") {
  // Values below 128 are kept exactly; above, a bin [lo, lo + w) with w = 2^(e−6) ≤ lo/64 reports
  // lo + (w − 1)/2, at most (w − 1)/2 < lo/128 from any value it holds: the error is below
  // 1/128, reached at the low edge of the widest bins. Every value up to 2·10^6 (1/10000 s
  // units: 200 s), then both edges of every bin up to 2^62.
  const double bound = 1.0 / 128;
  double worst = 0;
  std::int64_t worst_value = 0;
  const auto check = [&](std::int64_t v) {
    const double error = std::fabs(Distribution::sketched(v) - static_cast<double>(v)) / static_cast<double>(v);
    if (error > worst) std::tie(worst, worst_value) = std::pair(error, v);
  };
  for (std::int64_t v = 1; v <= 2'000'000; ++v)
    check(v);
  for (int shift = 1; shift <= 56; ++shift)
    for (std::int64_t m = 64; m < 128; ++m) {
      const std::int64_t low = m << shift;
      check(low);
      check(low + ((std::int64_t{1} << shift) - 1));  // the high edge: 127·2^56 + 2^56 − 1 = 2^63 − 1
    }
  INFO("worst relative error " << worst << " at " << worst_value);
  REQUIRE(worst <= bound);
  REQUIRE(worst > 0.999 * bound);                                    // the bound is reached, not loose
  REQUIRE(bound <= cxkpi::kSketchRelativeError);                     // and within the 1 % cxkpi states
  REQUIRE(Distribution::sketched(0) <= 0.0);                         // zeros are kept apart, exactly
  REQUIRE(Distribution::sketched(127) == Approx(127.0).epsilon(0));  // small values exactly
  REQUIRE(Distribution::sketched(130) == Approx(130.5).epsilon(0));  // bin [130, 132) by hand: 130 + 1/2
  REQUIRE(Distribution::sketched(1'000'000) ==
          Approx(1'003'519.5).epsilon(0));  // 2^19 ≤ 10^6 < 2^20: bin [122·2^13, 123·2^13)
}

TEST_CASE("past its exact budget the sketch stays within its stated error on 10 M values") {
  std::mt19937_64 rng(2026);
  std::lognormal_distribution<double> seconds(7.0, 2.0);  // a long right tail, like resolution times
  std::vector<std::int64_t> x(10'000'000);
  for (auto& v : x)
    v = std::min<std::int64_t>(static_cast<std::int64_t>(seconds(rng) * cxkpi::kAmountScale), 1'000'000'000'000);
  x[17] = 0;  // zeros are kept apart from the log buckets
  Distribution d;
  for (const auto v : x)
    d.add(v, 1, 4096);
  REQUIRE(d.approximate());
  REQUIRE(d.count() == static_cast<std::int64_t>(x.size()));
  REQUIRE(close(*d.max(), static_cast<double>(*std::max_element(x.begin(), x.end()))));
  std::sort(x.begin(), x.end());
  for (const double p : {1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 99.9})
    for (const auto m : {PercentileMethod::linear, PercentileMethod::nearest_rank}) {
      const double truth = reference_percentile(x, p, m);
      const double estimate = *d.percentile(p, m);
      INFO("p " << p << " truth " << truth << " estimate " << estimate);
      REQUIRE(std::fabs(estimate - truth) <= cxkpi::kSketchRelativeError * truth + 1e-9);
    }
}

TEST_CASE("a sketch merges with an exact distribution") {
  Distribution exact;
  Distribution sketch;
  for (std::int64_t v = 1; v <= 100; ++v)
    exact.add(v * 1000);
  for (std::int64_t v = 1; v <= 5000; ++v)
    sketch.add(v * 1000, 1, 100);
  REQUIRE(sketch.approximate());
  exact.merge(sketch);
  REQUIRE(exact.approximate());
  REQUIRE(exact.count() == 5100);
  // True median of 1…100 and 1…5000 (×1000): ranks 2550/2551 of the merged sample.
  std::vector<std::int64_t> all;
  for (std::int64_t v = 1; v <= 100; ++v)
    all.push_back(v * 1000);
  for (std::int64_t v = 1; v <= 5000; ++v)
    all.push_back(v * 1000);
  const double truth = reference_percentile(all, 50, PercentileMethod::linear);
  REQUIRE(std::fabs(*exact.percentile(50, PercentileMethod::linear) - truth) <= 0.01 * truth);
}

namespace {

// Business seconds between two UTC ISO times, in `zone`.
std::int64_t business_seconds(const char* spec, const char* from, const char* to, const char* zone = "UTC",
                              std::initializer_list<const char*> holidays = {}) {
  std::string error;
  auto cal = cxkpi::BusinessCalendar::parse(spec, error);
  INFO(error);
  REQUIRE(cal);
  for (const auto* h : holidays) {
    const auto t = cxkpi::cli::parse_timestamp(h, error);
    cal->add_holiday(cxkpi::day_of(t->written_seconds));
  }
  const cxkpi::cli::LocalClock clock(zone);
  const auto a = clock.utc_seconds(*cxkpi::cli::parse_timestamp(from, error));
  const auto b = clock.utc_seconds(*cxkpi::cli::parse_timestamp(to, error));
  return cal->seconds_between(
      a, b, [&](std::int64_t u) { return clock.to_local(u); }, [&](std::int64_t l) { return clock.to_utc(l); });
}

}  // namespace

TEST_CASE("business hours skip the weekend") {
  // METRICS.md: Fri 16:30 → Mon 09:30 with Mon-Fri 09:00-17:00 is 30 + 30 minutes.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2024-03-08T16:30:00Z", "2024-03-11T09:30:00Z") == 3600);
  // The example: Fri 17:50 → Mon 09:10 with 09:00-18:00 is 10 + 10 minutes.
  REQUIRE(business_seconds("Mon-Fri 09:00-18:00", "2024-03-08T17:50:00Z", "2024-03-11T09:10:00Z") == 1200);
  // Both ends in the same closed period: 0.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2024-03-09T10:00:00Z", "2024-03-10T12:00:00Z") == 0);
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2024-03-04T18:00:00Z", "2024-03-05T08:00:00Z") == 0);
  // A whole working week: 5 × 8 h.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2024-03-04T00:00:00Z", "2024-03-11T00:00:00Z") == 5 * 8 * 3600);
}

TEST_CASE("business hours skip holidays and honour several clauses") {
  // Mon 2024-03-11 a holiday: Fri 16:30 → Tue 09:30 counts Fri 30 min + Tue 30 min.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2024-03-08T16:30:00Z", "2024-03-12T09:30:00Z", "UTC",
                           {"2024-03-11"}) == 3600);
  // Saturday mornings open too: Fri 16:30 → Mon 09:30 adds Sat 10:00-14:00.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00; Sat 10:00-14:00", "2024-03-08T16:30:00Z", "2024-03-11T09:30:00Z") ==
          3600 + 4 * 3600);
  // Overlapping clauses never count twice.
  REQUIRE(business_seconds("Mon 09:00-12:00, mon 11:00-13:00", "2024-03-04T00:00:00Z", "2024-03-05T00:00:00Z") ==
          4 * 3600);
  // A day range may wrap round the week.
  REQUIRE(business_seconds("Sat-Sun 00:00-24:00", "2024-03-08T00:00:00Z", "2024-03-11T00:00:00Z") == 2 * 86400);
}

TEST_CASE("business hours count real seconds across DST changes") {
  // Europe/Riga moves to summer time on Sun 2026-03-29 (03:00 → 04:00): that day is 23 h long.
  REQUIRE(business_seconds("Mon-Sun 00:00-24:00", "2026-03-29T00:00:00", "2026-03-30T00:00:00", "Europe/Riga") ==
          23 * 3600);
  // …and back on Sun 2026-10-25 (04:00 → 03:00): 25 h.
  REQUIRE(business_seconds("Mon-Sun 00:00-24:00", "2026-10-25T00:00:00", "2026-10-26T00:00:00", "Europe/Riga") ==
          25 * 3600);
  // Office hours are local: 09:00-17:00 Riga time is 8 h on Fri 27 and on Mon 30, either side of the change.
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2026-03-27T00:00:00", "2026-03-31T00:00:00", "Europe/Riga") ==
          2 * 8 * 3600);
  // A UTC-stamped ticket: Fri 2026-03-27 14:30Z is 16:30 in Riga (UTC+2); Mon 06:30Z is 09:30 (UTC+3).
  REQUIRE(business_seconds("Mon-Fri 09:00-17:00", "2026-03-27T14:30:00Z", "2026-03-30T06:30:00Z", "Europe/Riga") ==
          3600);
}

TEST_CASE("business-hours specifications that are not valid are refused") {
  for (const char* bad : {"", "Mon-Fri", "Mon-Fri 9-17", "Mon-Fri 17:00-09:00", "Mon-Fry 09:00-17:00",
                          "Mon-Fri 09:00-25:00", "Mon-Fri 09:60-10:00"}) {
    std::string error;
    INFO(bad);
    REQUIRE_FALSE(cxkpi::BusinessCalendar::parse(bad, error));
    REQUIRE_FALSE(error.empty());
  }
}
