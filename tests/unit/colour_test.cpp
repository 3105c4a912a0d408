// --color and its escapes: when colour is chosen, and that a colour takes no column.
#include <catch2/catch.hpp>

#include "commands/colour_choice.hpp"
#include "text/ansi.hpp"
#include "text/display_width.hpp"

using namespace cxkpi::cli;

TEST_CASE("Colour on auto: a terminal is coloured unless NO_COLOR is set or TERM is dumb", "[colour]") {
  CHECK(colour_chosen("auto", true, nullptr, "xterm"));
  CHECK(colour_chosen("auto", true, "", "xterm"));  // no-color.org: an empty NO_COLOR is unset
  CHECK_FALSE(colour_chosen("auto", true, "1", "xterm"));
  CHECK_FALSE(colour_chosen("auto", true, "0", "xterm"));  // any non-empty value
  CHECK_FALSE(colour_chosen("auto", true, nullptr, "dumb"));
  CHECK_FALSE(colour_chosen("auto", true, nullptr, nullptr));
  CHECK_FALSE(colour_chosen("auto", false, nullptr, "xterm"));  // a pipe or a file
}

TEST_CASE("Colour always or never: the flag decides whatever the terminal and NO_COLOR", "[colour]") {
  CHECK(colour_chosen("always", false, "1", "dumb"));
  CHECK_FALSE(colour_chosen("never", true, nullptr, "xterm"));
}

TEST_CASE("A colour's escapes take no column", "[colour]") {
  CHECK(paint("CRITICAL", sgr::bold_red, true) == "\x1b[1;31mCRITICAL\x1b[0m");
  CHECK(paint("CRITICAL", sgr::bold_red, false) == "CRITICAL");
  CHECK(display_width(paint("░░", sgr::red, true)) == 2);
  CHECK(display_width("a\x1b[1;32mb\x1b[0mc") == 3);
  CHECK(control_sequence_length("\x1b[0m rest") == 4);
  CHECK(control_sequence_length("\x1b[") == 0);  // unfinished: not a sequence
  CHECK(control_sequence_length("x\x1b[0m") == 0);
}
