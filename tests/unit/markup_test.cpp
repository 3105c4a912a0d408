// The escaping of every text of an HTML page or SVG chart, and the --warn/--crit bands on a
// trend: the expected strings are written by hand.
#include "output/markup.hpp"

#include <catch2/catch.hpp>

#include "check/thresholds.hpp"
#include "commands/page_output.hpp"

using namespace cxkpi::cli;

TEST_CASE("markup escapes the five XML characters", "[markup]") {
  REQUIRE(escape_markup(R"(<script>alert("x")</script> a&b 'q')") ==
          "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; a&amp;b &#39;q&#39;");
  REQUIRE(escape_markup("café ≈ 12 †") == "café ≈ 12 †");
}

TEST_CASE("markup writes control characters out as a terminal table does", "[markup]") {
  REQUIRE(escape_markup("a\x07"
                        "b") == "a\\x07b");
  REQUIRE(escape_markup("tab\there") == "tab\\x09here");
  REQUIRE(escape_markup("c1 \xC2\x85.") == "c1 \\u0085.");
}

TEST_CASE("markup replaces bytes that are no UTF-8", "[markup]") {
  REQUIRE(escape_markup("x\xFFy") == "x\xEF\xBF\xBDy");
  REQUIRE(escape_markup("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");  // € without its last byte
  REQUIRE(escape_markup("lone \x80") == "lone \xEF\xBF\xBD");
}

TEST_CASE("markup closes what it opened", "[markup]") {
  Markup m;
  m.open("p", {{"class", "a\"b"}}).element("span", {}, "1 < 2").element("rect", {{"x", "0"}});
  REQUIRE(m.finish() == "<p class=\"a&quot;b\"><span>1 &lt; 2</span><rect x=\"0\"/></p>\n");
}

TEST_CASE("a --warn range alerting outside shades below and above it", "[markup]") {
  // --warn 80:90 alerts below 80 and above 90; --crit @95: alerts at 95 and over.
  const auto bands = alert_bands(parse_thresholds("80:90", "@95:"));
  REQUIRE(bands.size() == 3);
  CHECK((!bands[0].low && bands[0].high == 80.0 && !bands[0].critical));
  CHECK((bands[1].low == 90.0 && !bands[1].high && !bands[1].critical));
  CHECK((bands[2].low == 95.0 && !bands[2].high && bands[2].critical));
  REQUIRE(alert_bands(parse_thresholds("", "")).empty());
}
