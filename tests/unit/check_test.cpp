// Threshold ranges as the monitoring-plugin guidelines define them, and check statuses.
#include "check/check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace cxkpi::cli;

namespace {

Range range(std::string_view text) {
  std::string error;
  auto r = parse_range(text, error);
  INFO(text << ": " << error);
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_CASE("threshold ranges alert as the plugin guidelines say", "[check]") {
  struct Case {
    const char* range;
    double value;
    bool alert;
  };
  // The guidelines' table: 10 (< 0 or > 10), 10: (< 10), ~:10 (> 10), 10:20 (< 10 or > 20), @10:20 (10 <= x <= 20).
  const Case cases[] = {
      {"10", -0.5, true},   {"10", 0, false},     {"10", 10, false},       {"10", 10.01, true}, {"10:", 9.99, true},
      {"10:", 10, false},   {"10:", 1e9, false},  {"~:10", -1e9, false},   {"~:10", 10, false}, {"~:10", 10.5, true},
      {"10:20", 9, true},   {"10:20", 10, false}, {"10:20", 20, false},    {"10:20", 21, true}, {"@10:20", 9, false},
      {"@10:20", 10, true}, {"@10:20", 20, true}, {"@10:20", 20.1, false}, {"@10", 5, true},    {"@10", 11, false},
      {"-5:-1", -3, false}, {"-5:-1", 0, true},   {"0.5:1.5", 1, false},   {"@~:0", -1, true},
  };
  for (const auto& c : cases) {
    INFO(c.range << " with " << c.value);
    REQUIRE(alerts(range(c.range), c.value) == c.alert);
  }
}

TEST_CASE("malformed ranges are refused", "[check]") {
  for (const auto* bad : {"", "abc", "10:abc", "20:10", "~", "@", "1:2:3", "nan", "inf:"}) {
    INFO(bad);
    std::string error;
    REQUIRE_FALSE(parse_range(bad, error));
    REQUIRE_FALSE(error.empty());
  }
}

TEST_CASE("ranges describe what triggers them", "[check]") {
  REQUIRE(describe(range("10")) == "outside 0..10");
  REQUIRE(describe(range("10:")) == "< 10");
  REQUIRE(describe(range("~:10")) == "> 10");
  REQUIRE(describe(range("@10:20")) == "inside 10..20");
  REQUIRE(describe(range("@10:")) == ">= 10");
}

TEST_CASE("the status is the worst of the checks and a missing value is unknown", "[check]") {
  const Thresholds t{range("~:8"), range("~:10")};
  cxkpi::Result r;
  r.value = 12.4;
  const auto critical = evaluate("abandonment", cxkpi::Unit::percent, r, t);
  REQUIRE(critical.status == CheckStatus::critical);
  r.value = 9;
  REQUIRE(evaluate("abandonment", cxkpi::Unit::percent, r, t).status == CheckStatus::warning);
  r.value = 3;
  const auto ok = evaluate("abandonment", cxkpi::Unit::percent, r, t);
  REQUIRE(ok.status == CheckStatus::ok);
  cxkpi::Result none;
  none.reason = "no offered contacts";
  const auto unknown = evaluate("asa", cxkpi::Unit::seconds, none, {});
  REQUIRE(unknown.status == CheckStatus::unknown);
  REQUIRE(overall({ok, unknown}) == CheckStatus::unknown);
  REQUIRE(overall({critical, unknown}) == CheckStatus::critical);
  REQUIRE(status_line({ok, critical}) ==
          "CXKPI CRITICAL - abandonment 12.40 % (crit > 10), abandonment 3.00 % | "
          "'abandonment'=12.4%;~:8;~:10 'abandonment'=3%;~:8;~:10");
  REQUIRE(status_line({unknown}) == "CXKPI UNKNOWN - asa n/a (no offered contacts) | 'asa'=U;;");
}

TEST_CASE("warn and crit thresholds of both command shapes parse in one place", "[check]") {
  const auto single = parse_thresholds("~:8", "");
  REQUIRE(single.warn->text == "~:8");
  REQUIRE_FALSE(single.crit);
  REQUIRE_THROWS_WITH(parse_thresholds("", "x"), Catch::Contains("--crit: \"x\" is not a threshold range"));
  const auto dashes_to_underscores = [](std::string_view name) {
    std::string key(name);
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
  };
  // One entry per metric, however spelt, in the order first named.
  const auto per_metric =
      parse_metric_thresholds({"service-level=80:", "asa=~:30"}, {"service_level=70:"}, +dashes_to_underscores);
  REQUIRE(per_metric.size() == 2);
  REQUIRE(per_metric[0].metric == "service_level");
  REQUIRE(per_metric[0].thresholds.warn->text == "80:");
  REQUIRE(per_metric[0].thresholds.crit->text == "70:");
  REQUIRE(per_metric[1].metric == "asa");
  REQUIRE_THROWS_WITH(parse_metric_thresholds({"asa"}, {}, +dashes_to_underscores),
                      "--warn takes metric=RANGE, e.g. abandonment=~:10, not \"asa\"");
  REQUIRE_THROWS_WITH(parse_metric_thresholds({}, {"asa="}, +dashes_to_underscores),
                      Catch::Contains("--crit: \"\" is not a threshold range"));
}
