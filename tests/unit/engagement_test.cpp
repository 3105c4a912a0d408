// METRICS.md §5b: campaign engagement, and conversion over visits (seed 004).
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_null;
using test::require_value;

TEST_CASE("engagement: 400 delivered, 200 opened, 50 clicked gives 50.0, 12.5 and 25.0", "[engagement]") {
  const auto r = engagement(400, 200, 50);
  require_value(r, 50.0);
  REQUIRE(test::close(*detail_of(r, "click_rate"), 12.5));
  REQUIRE(test::close(*detail_of(r, "click_to_open"), 25.0));
  REQUIRE(r.n == 400);
}

TEST_CASE("engagement is null with nothing delivered, click-to-open null with no opens", "[engagement]") {
  require_null(engagement(0, 0, 0), "nothing delivered");
  const auto r = engagement(100, 0, 0);
  require_value(r, 0.0);
  REQUIRE_FALSE(detail_of(r, "click_to_open"));
}

TEST_CASE("engagement refuses opened or clicked above delivered, not clicked above opened", "[engagement]") {
  const auto row = [](std::int64_t delivered, std::int64_t opened, std::int64_t clicked) {
    Sums s;
    s.add(Field::delivered, delivered);
    s.add(Field::opened, opened);
    s.add(Field::clicked, clicked);
    return check_row(s);
  };
  const auto opened = row(400, 401, 0);
  REQUIRE(opened);
  REQUIRE(opened->part == Field::opened);
  REQUIRE(opened->message == "opened (401) is greater than delivered (400)");
  const auto clicked = row(400, 200, 500);
  REQUIRE(clicked);
  REQUIRE(clicked->part == Field::clicked);
  REQUIRE(clicked->message == "clicked (500) is greater than delivered (400)");
  REQUIRE_FALSE(row(400, 20, 50));  // clicks from clients that block the open pixel
  require_value(engagement(400, 20, 50), 5.0);
  REQUIRE(test::close(*detail_of(engagement(400, 20, 50), "click_to_open"), 250.0));
}

TEST_CASE("engagement re-divides summed campaigns, never averages their rates", "[engagement]") {
  Sums a;
  a.add(Field::delivered, 400);
  a.add(Field::opened, 200);
  a.add(Field::clicked, 50);
  Sums b;
  b.add(Field::delivered, 600);
  b.add(Field::opened, 240);
  b.add(Field::clicked, 90);
  a.merge(b);
  const auto r = engagement(a);
  require_value(r, 44.0);
  REQUIRE(test::close(*detail_of(r, "click_rate"), 14.0));
  REQUIRE(test::close(*detail_of(r, "click_to_open"), 100.0 * 140 / 440));
}

TEST_CASE("conversion-rate --den visits: 200 of 400 visits is 50.0", "[engagement]") {
  Sums s;
  s.add(Field::orders, 200);
  s.add(Field::visits, 400);
  ConversionOptions o;
  o.den = ConversionBase::visits;
  require_value(conversion_rate(s, o), 50.0);
  REQUIRE(plan_conversion_rate(o, s.present()).definition == "100 × orders / visits");
  REQUIRE_FALSE(check_conversion(s, o));
  Sums more;
  more.add(Field::orders, 401);
  more.add(Field::visits, 400);
  REQUIRE(check_conversion(more, o));
  require_null(conversion_rate(Sums{}, o), "no visits");
}
