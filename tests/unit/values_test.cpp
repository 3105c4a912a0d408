// Parsing one cell: locale-independent, exact, and strict about what is not a number.
#include "io/values.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using cxkpi::FieldKind;
using cxkpi::cli::parse_integer_in;
using cxkpi::cli::parse_value;

TEST_CASE("counts are whole numbers >= 0", "[values]") {
  REQUIRE(parse_value("12", FieldKind::count).raw == 12);
  REQUIRE(parse_value(" 12 ", FieldKind::count).raw == 12);
  REQUIRE(parse_value("+12", FieldKind::count).raw == 12);
  REQUIRE(parse_value("12.0", FieldKind::count).raw == 12);
  REQUIRE(parse_value("1e3", FieldKind::count).raw == 1000);
  REQUIRE(parse_value("-0", FieldKind::count).raw == 0);
  REQUIRE(parse_value("1000000000000000", FieldKind::count).raw == 1'000'000'000'000'000);
  REQUIRE(parse_value("12.5", FieldKind::count).error ==
          R"("12.5" is not a whole number (expected a whole number >= 0))");
  REQUIRE(parse_value("-3", FieldKind::count).error == R"("-3" is negative (expected a whole number >= 0))");
  REQUIRE(parse_value("abc", FieldKind::count).error == R"("abc" is not a number (expected a whole number >= 0))");
  for (const auto* bad : {"12abc", "0x10", "1,000", "nan", "inf", "", "+-1", "1.2.3", "."}) {
    INFO(bad);
    REQUIRE_FALSE(parse_value(bad, FieldKind::count).ok());
  }
  REQUIRE(parse_value("99999999999999999999", FieldKind::count).error.find("out of range") != std::string::npos);
  REQUIRE(parse_value("1e400", FieldKind::count).error.find("out of range") != std::string::npos);
}

TEST_CASE("money keeps four decimals exactly", "[values]") {
  REQUIRE(parse_value("4.00", FieldKind::money).raw == 40000);
  REQUIRE(parse_value("0.1", FieldKind::money).raw == 1000);
  REQUIRE(parse_value("71600", FieldKind::money).raw == 716'000'000);
  // a fifth decimal is refused for money (below); seconds round it half up to 1/10000 s
  REQUIRE(parse_value("0.00005", FieldKind::seconds).raw == 1);
  REQUIRE(parse_value("0.00004", FieldKind::seconds).raw == 0);
  REQUIRE(parse_value("1.5e2", FieldKind::money).raw == 1'500'000);
  REQUIRE(parse_value("-4", FieldKind::money).error == R"("-4" is negative (expected an amount >= 0))");
  REQUIRE_FALSE(parse_value("4,00", FieldKind::money).ok());
}

TEST_CASE("durations accept seconds or h:mm:ss or mm:ss", "[values]") {
  const auto seconds = [](std::string_view s) { return parse_value(s, FieldKind::seconds); };
  REQUIRE(seconds("234").raw == 2'340'000);
  REQUIRE(seconds("12.5").raw == 125'000);
  REQUIRE(seconds("3:54").raw == 2'340'000);
  REQUIRE(seconds("0:03:54").raw == 2'340'000);
  REQUIRE(seconds("1:00:00").raw == 36'000'000);
  REQUIRE(seconds("100:00:00").raw == 3'600'000'000);
  REQUIRE(seconds("0:00:01.5").raw == 15'000);
  for (const auto* bad : {"3:60", "1:2:3:4", ":30", "1:-1", "a:b", "1.5:00", "3:54x"}) {
    INFO(bad);
    REQUIRE(seconds(bad).error.find("is not a duration") != std::string::npos);
  }
}

TEST_CASE("durations in ms, minutes, hours or clock style are converted exactly to 1/10000 s", "[values]") {
  using cxkpi::cli::DurationUnit;
  const auto in = [](std::string_view s, DurationUnit unit, bool decimal_comma = false) {
    return parse_value(s, FieldKind::seconds, decimal_comma, unit);
  };
  // By hand: 1500 ms = 1.5 s; 2.5 min = 150 s; 1.5 h = 5400 s; 01:02:03 = 3600 + 120 + 3 =
  // 3723 s; 02:03 = 123 s; 0.1 ms = 0.0001 s; 1.5e3 ms = 1.5 s; 0.000005 min = 0.0003 s.
  REQUIRE(in("1500", DurationUnit::milliseconds).raw == 15'000);
  REQUIRE(in("2.5", DurationUnit::minutes).raw == 1'500'000);
  REQUIRE(in("1.5", DurationUnit::hours).raw == 54'000'000);
  REQUIRE(in("01:02:03", DurationUnit::clock).raw == 37'230'000);
  REQUIRE(in("02:03", DurationUnit::clock).raw == 1'230'000);
  REQUIRE(in("0.1", DurationUnit::milliseconds).raw == 1);
  REQUIRE(in("1.5e3", DurationUnit::milliseconds).raw == 15'000);
  REQUIRE(in(" +20000.000 ", DurationUnit::milliseconds).raw == 200'000);
  REQUIRE(in("0.000005", DurationUnit::minutes).raw == 3);
  REQUIRE(in("1,5", DurationUnit::milliseconds, true).raw == 15);
  REQUIRE(in("-0", DurationUnit::milliseconds).raw == 0);
  REQUIRE(in("90", DurationUnit::seconds).raw == 900'000);  // seconds read as always, h:mm:ss too
  REQUIRE(in("1:30", DurationUnit::seconds).raw == 900'000);
}

TEST_CASE("a duration in a unit that 1/10000 s cannot hold, or int64 cannot, is refused", "[values]") {
  using cxkpi::cli::DurationUnit;
  const auto in = [](std::string_view s, DurationUnit unit) { return parse_value(s, FieldKind::seconds, false, unit); };
  // 0.00001 ms = 10^-8 s and 0.05 ms = 0.00005 s lie below 1/10000 s; 0.0000001 h = 0.00036 s
  REQUIRE(in("0.00001", DurationUnit::milliseconds).error ==
          R"("0.00001" milliseconds is finer than 1/10000 s, which durations are kept to)");
  REQUIRE(in("0.00001", DurationUnit::milliseconds).lost_digits);
  REQUIRE_FALSE(in("0.05", DurationUnit::milliseconds).ok());
  REQUIRE_FALSE(in("0.0000001", DurationUnit::hours).ok());
  REQUIRE_FALSE(in("1e-9", DurationUnit::minutes).ok());
  // int64 holds 9223372036854775807 units: 922337203685477580 ms (×10) fits, one more does not
  REQUIRE(in("922337203685477580", DurationUnit::milliseconds).raw == 9'223'372'036'854'775'800);
  REQUIRE(in("922337203685477581", DurationUnit::milliseconds).error ==
          R"("922337203685477581" is out of range (expected milliseconds >= 0))");
  REQUIRE(in("99999999999999999999", DurationUnit::hours).error.find("out of range") != std::string::npos);
  REQUIRE(in("1e30", DurationUnit::minutes).error.find("out of range") != std::string::npos);
  REQUIRE(in("-5", DurationUnit::minutes).error == R"("-5" is negative (expected minutes >= 0))");
  REQUIRE(in("1:30", DurationUnit::milliseconds).error == R"("1:30" is not a number (expected milliseconds >= 0))");
  REQUIRE(in("90", DurationUnit::clock).error == R"("90" is not a duration (expected h:mm:ss or mm:ss))");
  for (const auto* bad : {"abc", "1.2.3", ".", "+-1", "1e", "1e+", "0x10", "1,5", "nan", "inf"}) {
    INFO(bad);
    REQUIRE(in(bad, DurationUnit::hours).error.find("is not a number") != std::string::npos);
  }
}

TEST_CASE("bounded integers for scores and settings", "[values]") {
  REQUIRE(parse_integer_in("5", 1, 5).raw == 5);
  REQUIRE(parse_integer_in("6", 1, 5).error == R"("6" is not a whole number from 1 to 5)");
  REQUIRE_FALSE(parse_integer_in("x", 1, 5).ok());
}

TEST_CASE("the inline reading of plain numbers agrees with parse_value wherever it answers", "[values]") {
  using cxkpi::cli::parse_plain_amount;
  std::int64_t raw = 0;
  REQUIRE(parse_plain_amount("168", raw));
  REQUIRE(raw == 1'680'000);
  REQUIRE(parse_plain_amount("6.48", raw));
  REQUIRE(raw == 64'800);
  REQUIRE(parse_plain_amount("0.0001", raw));
  REQUIRE(raw == 1);
  for (const auto* other : {"", " 1", "1 ", "+1", "-1", "1.", ".5", "1.23456", "1e3", "1:30", "1,5", "123456789012345"})
    REQUIRE_FALSE(parse_plain_amount(other, raw));
  // Random strings of number characters: where the inline path answers, the general one
  // answers the same, for seconds and for money.
  std::mt19937 rng(3);
  static constexpr std::string_view kAlphabet = "0123456789.-+e: ,";
  int answered = 0;
  for (int round = 0; round < 200'000; ++round) {
    std::string text(rng() % 18, '0');
    for (auto& c : text)
      c = kAlphabet[rng() % (round % 2 == 0 ? 11 : kAlphabet.size())];
    if (!parse_plain_amount(text, raw)) continue;
    ++answered;
    for (const auto kind : {FieldKind::seconds, FieldKind::money}) {
      const auto general = parse_value(text, kind);
      INFO(text);
      REQUIRE(general.ok());
      REQUIRE(general.raw == raw);
    }
  }
  REQUIRE(answered > 10'000);
}

TEST_CASE("money keeps 4 decimals: a digit it cannot keep is refused, not rounded", "[values]") {
  const auto refused = [](std::string_view text) {
    const auto v = cxkpi::cli::parse_value(text, FieldKind::money);
    INFO(text << ": " << v.error);
    REQUIRE_FALSE(v.ok());
    REQUIRE(v.lost_digits);
    REQUIRE(v.error.find("has more than 4 decimals") != std::string::npos);
  };
  for (const auto* text : {"0.00005", "1.23456", "0.00001", "1.5e-5", "1e-5", "1.5e-4", "12345678e-12", "-0.00001"})
    refused(text);
  const auto comma = cxkpi::cli::parse_value("1,23456", FieldKind::money, true);
  REQUIRE_FALSE(comma.ok());
  REQUIRE(comma.lost_digits);
  const auto raw = [](std::string_view text, bool decimal_comma = false) {
    const auto v = cxkpi::cli::parse_value(text, FieldKind::money, decimal_comma);
    INFO(text << ": " << v.error);
    REQUIRE(v.ok());
    return v.raw;
  };
  REQUIRE(raw("1.230000") == 12300);  // zeros past the 4th decimal lose nothing
  REQUIRE(raw("1.2345") == 12345);
  REQUIRE(raw("0.0001") == 1);
  REQUIRE(raw("1.2345e0") == 12345);
  REQUIRE(raw("12345e-4") == 12345);
  REQUIRE(raw("1e-4") == 1);
  REQUIRE(raw("2.5e2") == 2'500'000);
  REQUIRE(raw("0.000000") == 0);
  REQUIRE(raw("1,2345", true) == 12345);
  // seconds keep 1/10000 s, rounded half up: a duration has no digits worth refusing there
  REQUIRE(cxkpi::cli::parse_value("12.00005", FieldKind::seconds).raw == 120001);
}

TEST_CASE("N/A, NULL and - in any case are missing like an empty cell; --na replaces the words", "[values]") {
  const cxkpi::cli::MissingValues missing;
  for (const char* text : {"", "  ", "N/A", "n/a", "NULL", "null", " Null ", "-"})
    CHECK(missing(text));
  for (const char* text : {"0", "NA", "none", "-1", "N/A/", "--"})
    CHECK_FALSE(missing(text));
  const cxkpi::cli::MissingValues custom(" NA ,none,,NA");
  for (const char* text : {"", "na", "NA", "None"})
    CHECK(custom(text));
  for (const char* text : {"N/A", "NULL", "-"})
    CHECK_FALSE(custom(text));
  const cxkpi::cli::MissingValues only_empty("");
  CHECK(only_empty(" "));
  CHECK_FALSE(only_empty("N/A"));
}

TEST_CASE("with a decimal comma, a dot groups thousands in threes and nothing else", "[values]") {
  const auto comma = [](std::string_view text, FieldKind kind = FieldKind::seconds) {
    return parse_value(text, kind, true);
  };
  REQUIRE(comma("1.234").raw == 12'340'000);  // 1234 s
  REQUIRE(comma("1.234.567,5").raw == 12'345'675'000);
  REQUIRE(comma("12.345.678", FieldKind::count).raw == 12'345'678);
  REQUIRE(comma("1.200", FieldKind::count).raw == 1200);
  REQUIRE(comma("3,5").raw == 35'000);
  REQUIRE(comma("-0,0").raw == 0);
  REQUIRE(comma("1,5e2").raw == 1'500'000);
  REQUIRE(comma("0:03:54,5").raw == 2'345'000);
  for (const auto* bad :
       {"12.34", "1.2345", ".234", "1.", "1..234", "1.234,5,6", "1,234.5", "0.5", "1.23,4", "1234.567", "0:03:54.5"}) {
    INFO(bad);
    REQUIRE(comma(bad).error.find("is not a number with a decimal comma") != std::string::npos);
  }
  REQUIRE(comma("12.34").error.starts_with("\"12.34\" is not a number with a decimal comma"));
  // messages quote the cell as written, not as it was read
  REQUIRE(comma("-1.234,5").error == R"("-1.234,5" is negative (expected seconds >= 0, h:mm:ss or mm:ss))");
  REQUIRE(comma("1,5", FieldKind::count).error.starts_with("\"1,5\" is not a whole number"));
  // without --decimal-comma, a comma is never a thousands separator: 1,234 is refused, not 1.234 or 1234
  REQUIRE(parse_value("1,234", FieldKind::count).error == R"("1,234" is not a number (expected a whole number >= 0))");
}
