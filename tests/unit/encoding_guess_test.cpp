// Guessing a legacy code page from bytes that are not UTF-8, for the hint in a message.
#include "io/encoding_guess.hpp"

#include <catch2/catch.hpp>
#include <string>

using cxkpi::cli::first_bad_utf8;
using cxkpi::cli::legacy_encoding_guess;
using cxkpi::cli::legacy_encoding_hint;

TEST_CASE("the first byte that starts no UTF-8 sequence is found", "[encoding_guess]") {
  REQUIRE_FALSE(first_bad_utf8("plain ascii").has_value());
  REQUIRE_FALSE(first_bad_utf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").has_value());  // é € 😀
  REQUIRE(first_bad_utf8("Caf\xE9") == 3u);
  REQUIRE(first_bad_utf8("ab\xC0\xAF") == 2u);          // an overlong '/'
  REQUIRE(first_bad_utf8("ab\xED\xA0\x80") == 2u);      // a surrogate
  REQUIRE(first_bad_utf8("ab\xF4\x90\x80\x80") == 2u);  // past U+10FFFF
  REQUIRE(first_bad_utf8("ab\xE2\x82") == 2u);          // cut short
}

TEST_CASE("Latin-1 letters between ASCII letters look like Latin-1", "[encoding_guess]") {
  REQUIRE(legacy_encoding_guess("period,channel\n2026-01,Caf\xE9\n") == "latin1");
  REQUIRE(legacy_encoding_guess("name\nM\xFCller\nGr\xF6\xDF"
                                "e\n") == "latin1");
  REQUIRE(legacy_encoding_hint("Caf\xE9") == "the file looks like Latin-1; try --encoding latin1");
}

TEST_CASE("Windows-1252 quotes and dashes look like Windows-1252", "[encoding_guess]") {
  REQUIRE(legacy_encoding_guess("note\n\x93quoted\x94 \x96 ok\n") == "cp1252");
  REQUIRE(legacy_encoding_hint("Caf\xE9 costs 5 \x80") == "the file looks like Windows-1252; try --encoding cp1252");
}

TEST_CASE("UTF-8 and binary-looking bytes get no guess", "[encoding_guess]") {
  REQUIRE(legacy_encoding_guess("Caf\xC3\xA9").empty());                    // UTF-8
  REQUIRE(legacy_encoding_guess("Caf\xE9\x01").empty());                    // a control byte
  REQUIRE(legacy_encoding_guess("12 \xE9\xE9 34").empty());                 // no letter beside
  REQUIRE(legacy_encoding_guess("ab\xE9\x8D").empty());                     // 0x8D: not even cp1252
  REQUIRE(legacy_encoding_guess("a\xE9\xE9\xE9\xE9\xE9\xE9\xE9").empty());  // mostly high bytes
  REQUIRE(legacy_encoding_hint("\x9B\xFF\x1B").empty());
}
