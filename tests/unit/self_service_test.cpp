// METRICS.md §5b: article-reads, article-read-time and self-service-ratio on a view log.
#include <catch2/catch.hpp>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using test::require_null;
using test::require_value;

namespace {

// Views with read_s 30, 90, 0, 120 (METRICS.md), through the record path.
Sums views(const std::vector<double>& read_s, const RecordRules& rules = {}) {
  const RecordColumns columns{RecordField::viewed_at, RecordField::read_s};
  Sums s;
  s.set_present(supplied_fields(columns, rules));
  for (const double seconds : read_s) {
    Contact c;
    c.kind = columns.row_kind();
    c.read = static_cast<std::int64_t>(seconds * kAmountScale);
    derive_flags(c);
    REQUIRE_FALSE(check_contact(c, rules));
    accumulate(s, c, rules);
  }
  return s;
}

}  // namespace

TEST_CASE("article reads count views", "[self-service]") {
  const auto s = views({30, 90, 0, 120});
  require_value(article_reads(s), 4.0);
  REQUIRE(article_reads(s).n == 4);
}

TEST_CASE("read time of 30, 90, 0, 120: mean 60, median 60, bounce 25 %", "[self-service]") {
  const Settings settings;
  const auto r = article_read_time(views({30, 90, 0, 120}), settings.read_time);
  require_value(r, 60.0);
  REQUIRE(r.n == 4);
  REQUIRE(test::close(*detail_of(r, "median"), 60.0));
  REQUIRE(test::close(*detail_of(r, "p90"), 111.0));  // 90 + 0.7 × (120 − 90)
  REQUIRE_FALSE(detail_of(r, "p95"));                 // median and p90 unless asked
  REQUIRE(test::close(*detail_of(r, "max"), 120.0));
  REQUIRE(test::close(*detail_of(r, "bounce_pct"), 25.0));
}

TEST_CASE("the bounce time is a threshold: shorter views bounce, equal ones do not", "[self-service]") {
  RecordRules rules;
  rules.bounce_raw = 30 * kAmountScale;
  const Settings settings;
  const auto r = article_read_time(views({30, 90, 0, 120}, rules), settings.read_time);
  REQUIRE(test::close(*detail_of(r, "bounce_pct"), 25.0));
  rules.bounce_raw = 31 * kAmountScale;
  REQUIRE(test::close(*detail_of(article_read_time(views({30, 90, 0, 120}, rules), settings.read_time), "bounce_pct"),
                      50.0));
  REQUIRE(plan_article_read_time(settings.read_time, 25000, {}).definition == "mean(read_s); bounce: read_s < 2.5 s");
}

TEST_CASE("a view log supplies views, not contacts", "[self-service]") {
  const auto s = views({30, 90, 0, 120});
  REQUIRE(s.raw(Field::contacts) == 0);
  REQUIRE_FALSE(s.present().has(Field::contacts));
  REQUIRE_FALSE(s.present().has(Field::offered));
  REQUIRE(s.raw(Field::bounces) == 1);
}

TEST_CASE("self-service ratio: 4 views and 2 contacts is 2.0", "[self-service]") {
  auto s = views({30, 90, 0, 120});
  s.add(Field::contacts, 2);
  require_value(self_service_ratio(s), 2.0);
  require_null(self_service_ratio(views({30})), "no contacts");
}

TEST_CASE("read time is null with no timed views; a negative read_s is refused", "[self-service]") {
  const Settings settings;
  require_null(article_read_time(views({}), settings.read_time), "no views with a read time");
  Contact c;
  c.kind = RowKind::view;
  c.read = -1;
  derive_flags(c);
  const auto v = check_contact(c, RecordRules{});
  REQUIRE(v);
  REQUIRE(v->column == "read_s");
}

TEST_CASE("period totals give the mean read time and bounce share, without percentiles", "[self-service]") {
  const Settings settings;
  Sums s;
  s.add(Field::views, 4);
  s.add(Field::read_s, 240);
  s.add(Field::bounces, 1);
  const auto p = plan_article_read_time(settings.read_time, kDefaultBounceSeconds * kAmountScale, s.present());
  REQUIRE(p.required == std::vector<Field>{Field::views, Field::read_s});
  const auto r = article_read_time(s, settings.read_time);
  require_value(r, 60.0);
  REQUIRE(test::close(*detail_of(r, "bounce_pct"), 25.0));
  REQUIRE_FALSE(detail_of(r, "median"));
  s.add(Field::timed_views, 3);  // one view without a read time
  require_value(article_read_time(s, settings.read_time), 80.0);
  s.add(Field::bounces, 3);
  const auto v = check_row(s);
  REQUIRE(v);
  REQUIRE(v->message == "bounces (4) is greater than timed_views (3)");
}

TEST_CASE("a view log's sums carry read_s too, so they merge with period totals", "[self-service]") {
  const auto s = views({30, 90, 0, 120});
  REQUIRE(s.raw(Field::read_s) == 240 * kAmountScale);
  REQUIRE(s.present().has(Field::read_s));
}
