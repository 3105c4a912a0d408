// --where: the grammar (precedence, quotes, words with spaces, lists) and where errors are placed.
#include "records/row_filter.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "errors.hpp"
#include "io/input.hpp"
#include "io/table.hpp"
#include "io/values.hpp"

using namespace cxkpi::cli;

namespace {

constexpr const char* kLog =
    "id,Media Type,Queue,wait_s,note\n"
    "1,voice,Billing,10,\n"
    "2,voice,\"Sales, EMEA\",9,x\n"
    "3,chat,Billing,,O'Brien\n"
    "4,email,Support,100,\n"
    "5,chat,Support,N/A,NULL\n";

// The ids of the rows `expression` keeps, in order.
std::string kept(const std::string& expression) {
  auto reader = open_table(InputStream::from_memory("log.csv", kLog), ReadOptions{});
  const WhereExpression where(expression);
  const MissingValues missing;  // N/A, NULL, - and empty cells
  const RowFilter filter(&where, *reader, missing);
  std::string ids;
  while (reader->next())
    if (filter.keep()) ids += std::string(reader->cell(0));
  return ids;
}

// The message of the usage error `expression` is refused with.
std::string refusal(const std::string& expression) {
  try {
    (void)kept(expression);
  } catch (const Error& e) {
    REQUIRE(e.code() == ExitCode::usage);
    return e.what();
  }
  FAIL("not refused: " << expression);
  return {};
}

}  // namespace

TEST_CASE("a where expression keeps the rows its expression holds for", "[where]") {
  REQUIRE(kept("Media Type = voice") == "12");
  REQUIRE(kept("media_type = voice") == "12");  // a header normalised
  REQUIRE(kept("'Media Type' != voice") == "345");
  REQUIRE(kept("Queue = \"Sales, EMEA\"") == "2");
  REQUIRE(kept("Queue in (Billing, 'Sales, EMEA')") == "123");
  REQUIRE(kept("Queue not in (Billing)") == "245");
  REQUIRE(kept("note = 'O''Brien'") == "3");  // a quote written twice is one
  REQUIRE(kept("empty(note)") == "145");      // NULL is no value, as an empty cell
  REQUIRE(kept("note = \"\"") == "145");
  REQUIRE(kept("not empty(wait_s)") == "124");
}

TEST_CASE("a where expression compares numbers as numbers, a blank cell as neither smaller nor larger", "[where]") {
  REQUIRE(kept("wait_s > 9") == "14");      // as text "10" and "100" would be below "9", and N/A above
  REQUIRE(kept("wait_s <= 10") == "12");    // the blank wait of 3 is no number below 10
  REQUIRE(kept("wait_s = 10.0") == "1");    // 10 and 10.0 are one number
  REQUIRE(kept("wait_s != 10") == "2345");  // a blank or N/A cell is not 10
  REQUIRE(kept("Queue < C") == "13");       // text against text: Billing, before Sales and Support
}

TEST_CASE("in a where expression, and binds tighter than or; not and parentheses", "[where]") {
  REQUIRE(kept("Queue = Billing or Media Type = voice and wait_s < 10") == "123");
  REQUIRE(kept("(Queue = Billing or Media Type = voice) and wait_s < 10") == "2");
  REQUIRE(kept("not Queue = Billing and not Media Type = email") == "25");
  REQUIRE(kept("NOT (Queue = Billing OR Queue = Support)") == "2");
}

TEST_CASE("where expression errors name the place in the expression", "[where]") {
  REQUIRE(refusal("Media Type = voice and") ==
          "--where \"Media Type = voice and\": at character 23, expected a "
          "column name, found the end");
  REQUIRE(refusal("Queue = 'Sales") == "--where \"Queue = 'Sales\": at character 9, the quote ' is not closed");
  REQUIRE(refusal("(Queue = Billing") ==
          "--where \"(Queue = Billing\": at character 17, expected \")\", found the end");
  REQUIRE(refusal("Queue ! Billing") ==
          "--where \"Queue ! Billing\": at character 7, \"!\" is no operator (use != or not)");
  REQUIRE(refusal("Queue Billing") ==
          "--where \"Queue Billing\": at character 14, expected =, !=, <, >, <=, >= or in after the column name, found "
          "the end");
  REQUIRE(
      refusal("Queue in Billing") ==
      "--where \"Queue in Billing\": at character 17, expected =, !=, <, >, <=, >= or in after the column name, found "
      "the end");
  REQUIRE(refusal("Queu = Billing").find("has no column \"Queu\" (did you mean \"Queue\"?)") != std::string::npos);
}
