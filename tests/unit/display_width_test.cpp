// Terminal columns of text, against widths written by hand from the Unicode East Asian
// Width property (W and F take two columns) and the rule that a combining mark takes none.
#include "text/display_width.hpp"

#include <catch2/catch.hpp>

using cxkpi::cli::display_width;

TEST_CASE("ASCII takes a column a byte", "[width]") {
  REQUIRE(display_width("") == 0);
  REQUIRE(display_width("agent a06") == 9);
}

TEST_CASE("Japanese and Chinese characters take two columns each", "[width]") {
  REQUIRE(display_width("山田太郎") == 8);          // 4 wide ideographs
  REQUIRE(display_width("さとう") == 6);            // 3 wide hiragana
  REQUIRE(display_width("ｻﾄｳ") == 3);               // halfwidth katakana: narrow
  REQUIRE(display_width("田中 (voice)") == 4 + 8);  // mixed
}

TEST_CASE("accents take no column of their own, composed or not", "[width]") {
  REQUIRE(display_width("Jos\u00e9") == 4);                // NFC: é is one code point
  REQUIRE(display_width("Jose\u0301") == 4);               // NFD: e + COMBINING ACUTE ACCENT
  REQUIRE(display_width("Zo\u0308e Mu\u0308ller") == 10);  // NFD ö/ü
}

TEST_CASE("emoji take two columns, sequences one cluster", "[width]") {
  REQUIRE(display_width("\U0001F44D") == 2);                                  // thumbs up
  REQUIRE(display_width("\U0001F44D\U0001F3FD") == 2);                        // with a skin tone
  REQUIRE(display_width("\u2764\uFE0F") == 2);                                // heart, emoji presentation
  REQUIRE(display_width("\U0001F1E9\U0001F1EA") == 2);                        // flag: two regional indicators
  REQUIRE(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467") == 2);  // a family (ZWJ)
}

TEST_CASE("bytes that are not UTF-8 take a column each", "[width]") {
  REQUIRE(display_width("caf\xe9") == 4);  // latin1 é, not decoded
  REQUIRE(display_width("\xff\xfe"
                        "ab") == 4);
}
