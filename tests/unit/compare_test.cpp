// Comparing periods: significance tests (hand-computed z values) and year-earlier labels.
#include "compute/compare.hpp"

#include <catch2/catch.hpp>

#include "cxkpi/compare.hpp"

TEST_CASE("two proportions differ only beyond sampling noise", "[compare]") {
  // z = 0.241 and 6.243 (computed by hand with the pooled formula)
  REQUIRE(cxkpi::proportions_differ(32, 40, 41, 50) == false);
  REQUIRE(cxkpi::proportions_differ(3200, 4000, 4250, 5000) == true);
  REQUIRE_FALSE(cxkpi::proportions_differ(1, 0, 1, 2).has_value());
  REQUIRE(cxkpi::proportions_differ(10, 10, 20, 20) == false);  // 100 % both: no noise, no change
  REQUIRE(cxkpi::proportions_differ(10, 10, 0, 20) == true);
}

TEST_CASE("NPS changes are judged against their standard error", "[compare]") {
  // shares 0.50/0.20 vs 0.55/0.20: z = 0.284 with 40 answers each, 2.843 with 4000
  REQUIRE(cxkpi::nps_differ(0.5, 0.2, 40, 0.55, 0.2, 40) == false);
  REQUIRE(cxkpi::nps_differ(0.5, 0.2, 4000, 0.55, 0.2, 4000) == true);
  // data/monthly.csv February vs January: z = 1.667, April vs March: z > 1.96
  REQUIRE(cxkpi::nps_differ(449.0 / 792, 96.0 / 792, 792, 413.0 / 716, 140.0 / 716, 716) == false);
  REQUIRE(cxkpi::nps_differ(333.0 / 671, 147.0 / 671, 671, 372.0 / 712, 94.0 / 712, 712) == true);
  REQUIRE_FALSE(cxkpi::nps_differ(0.5, 0.2, 0, 0.5, 0.2, 10).has_value());
}

TEST_CASE("the same period a year earlier", "[compare]") {
  using cxkpi::cli::year_earlier;
  REQUIRE(year_earlier("2026") == "2025");
  REQUIRE(year_earlier("2026-03") == "2025-03");
  REQUIRE(year_earlier("2026-Q2") == "2025-Q2");
  REQUIRE(year_earlier("2027-W01") == "2026-W01");
  REQUIRE(year_earlier("2028-02-29") == "2027-02-29");  // no such day: the lookup then finds nothing
  REQUIRE(year_earlier("2026-03-04T09") == "2025-03-04T09");
  REQUIRE_FALSE(year_earlier("Mon"));
  REQUIRE_FALSE(year_earlier("all"));
  REQUIRE_FALSE(year_earlier("phone"));
  REQUIRE_FALSE(year_earlier("2026-03-04x"));
}
