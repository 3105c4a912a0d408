// Numbers for people: rounded half away from zero on the decimal a value is written as,
// as a spreadsheet rounds, not on its binary neighbour (17.125 is exact in binary and
// round-half-even would give 17.12; 2.675 is stored as 2.67499999…).
#include "text/numbers.hpp"

#include <catch2/catch.hpp>

using cxkpi::cli::format_fixed;

TEST_CASE("tables round half away from zero on the written decimal", "[numbers]") {
  REQUIRE(format_fixed(17.125, 2) == "17.13");
  REQUIRE(format_fixed(2.675, 2) == "2.68");
  REQUIRE(format_fixed(1.005, 2) == "1.01");
  REQUIRE(format_fixed(-17.125, 2) == "-17.13");
  REQUIRE(format_fixed(0.125, 2) == "0.13");
  REQUIRE(format_fixed(-0.125, 2) == "-0.13");
  REQUIRE(format_fixed(17.124, 2) == "17.12");
  REQUIRE(format_fixed(17.1249, 2) == "17.12");
}

TEST_CASE("precision 0 and 3 round the same way", "[numbers]") {
  REQUIRE(format_fixed(0.5, 0) == "1");
  REQUIRE(format_fixed(2.5, 0) == "3");
  REQUIRE(format_fixed(-2.5, 0) == "-3");
  REQUIRE(format_fixed(17.125, 0) == "17");
  REQUIRE(format_fixed(99.5, 0) == "100");
  REQUIRE(format_fixed(0.0005, 3) == "0.001");
  REQUIRE(format_fixed(1.0005, 3) == "1.001");
  REQUIRE(format_fixed(2.0625, 3) == "2.063");
  REQUIRE(format_fixed(14014.2857142857, 3) == "14014.286");
}

TEST_CASE("carries, padding, tiny and huge values", "[numbers]") {
  REQUIRE(format_fixed(9.995, 2) == "10.00");
  REQUIRE(format_fixed(999.9999, 2) == "1000.00");
  REQUIRE(format_fixed(0.005, 2) == "0.01");
  REQUIRE(format_fixed(0.0049, 2) == "0.00");
  REQUIRE(format_fixed(0.00001, 2) == "0.00");
  REQUIRE(format_fixed(1e-300, 2) == "0.00");
  REQUIRE(format_fixed(45, 2) == "45.00");
  REQUIRE(format_fixed(1e20, 1) == "100000000000000000000.0");
  REQUIRE(format_fixed(1234.5, 4) == "1234.5000");
}

TEST_CASE("a value that rounds to zero is never -0", "[numbers]") {
  REQUIRE(format_fixed(-0.0, 2) == "0.00");
  REQUIRE(format_fixed(-0.001, 2) == "0.00");
  REQUIRE(format_fixed(-0.4, 0) == "0");
  REQUIRE(format_fixed(-0.005, 2) == "-0.01");
}

TEST_CASE("a decimal flag is a finite number written in decimal", "[numbers]") {
  using cxkpi::cli::parse_finite;
  REQUIRE(parse_finite("20") == 20.0);
  REQUIRE(parse_finite("+0.5") == 0.5);
  REQUIRE(parse_finite("-2") == -2.0);
  REQUIRE(parse_finite("1e3") == 1000.0);
  // strtod reads every one of these; none is a number a flag may take
  for (const auto* bad : {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e400", "0x14", "20s", "", "+", " 20"}) {
    INFO(bad);
    REQUIRE_FALSE(parse_finite(bad));
  }
}
