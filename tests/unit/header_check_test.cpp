// Misspelt headers: which headers look like a known column name misspelt, and which are
// other words that only resemble one.
#include "records/header_check.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "text/words.hpp"

using namespace cxkpi::cli;

namespace {

std::string looks_like(std::string_view header, HeaderNames names = HeaderNames::records) {
  const auto m = misspelling_of(header, names);
  return m ? std::string(m->name) : "";
}

}  // namespace

TEST_CASE("edits count letters added, dropped, changed and neighbours swapped", "[headers]") {
  REQUIRE(edit_distance("answerd", "answered") == 1);   // dropped
  REQUIRE(edit_distance("anwsered", "answered") == 1);  // swapped
  REQUIRE(edit_distance("wiat_s", "wait_s") == 1);
  REQUIRE(edit_distance("offred", "offered") == 1);
  REQUIRE(edit_distance("abc", "abc") == 0);
  REQUIRE(edit_distance("", "abc") == 3);
  REQUIRE(edit_distance("kitten", "sitting") == 3);
  REQUIRE(edit_distance("ca", "abc") == 3);  // a swap is not edited again (optimal string alignment)
}

TEST_CASE("edits within a limit: exact up to it, some number above it past it", "[headers]") {
  REQUIRE(edit_distance("offred", "offered", 1) == 1);
  REQUIRE(edit_distance("anwsered", "answered", 1) == 1);
  REQUIRE(edit_distance("kitten", "sitting", 3) == 3);
  REQUIRE(edit_distance("kitten", "sitting", 2) > 2);
  REQUIRE(edit_distance("c12345", "talk_s", 1) > 1);  // every letter differs: 6 edits
  REQUIRE(edit_distance("c123456789", "abcdefghij", 0) > 0);
  REQUIRE(edit_distance("abc", "abc", 0) == 0);
}

TEST_CASE("a header one slip from a record column looks misspelt", "[headers]") {
  REQUIRE(looks_like("answerd") == "answered");
  REQUIRE(looks_like("Anwsered") == "answered");
  REQUIRE(looks_like("abandonned") == "abandoned");
  REQUIRE(looks_like("wiat_s") == "wait_s");
  REQUIRE(looks_like("offerd") == "offered");
  REQUIRE(looks_like("frist_response_at") == "first_response_at");
  REQUIRE(looks_like("cusotmer_id") == "customer_id");
  REQUIRE(looks_like("satisfation_rating") == "satisfaction_rating");
  REQUIRE(looks_like("CreatdAt") == "created_at");         // camel case reads as words: creatd_at
  REQUIRE(looks_like("was_abandoned") == "is_abandoned");  // two slips in a long name
  const auto m = misspelling_of("ContctId", HeaderNames::records);
  REQUIRE(m);
  REQUIRE(m->name == "contact_id");
  REQUIRE(m->meaning == "id");  // --map id=ContctId
}

TEST_CASE("known names, short words and other things are not misspelt", "[headers]") {
  for (const auto* header :
       {"answered",  "Answered (Y/N)", "agent_id", "queue_id", "Handle Time", "date",       "data",
        "time",      "type",           "agents",   "skills",   "opened",      "views",      "wait_ms",
        "talk_ms",   "Hold (min)",     "viewer",   "resolver", "reopened_at", "created_by", "updated_at",
        "closed_by", "unanswered",     "status",   "priority", "subject",     "region",     "interval_end"}) {
    INFO(header);
    REQUIRE(looks_like(header).empty());
  }
}

TEST_CASE("a period table's headers are checked against its own names", "[headers]") {
  REQUIRE(looks_like("promotors", HeaderNames::periods) == "promoters");
  REQUIRE(looks_like("customer_start", HeaderNames::periods) == "customers_start");
  REQUIRE(looks_like("answered_in_sl", HeaderNames::periods) == "answered_in_t");
  const auto period = misspelling_of("perod_start", HeaderNames::periods);
  REQUIRE(period);
  REQUIRE(period->meaning == "period");
  REQUIRE(looks_like("promotors", HeaderNames::records).empty());      // a log has no promoters to miss
  REQUIRE(looks_like("answerd", HeaderNames::periods) == "answered");  // a period table's count of handled
}

TEST_CASE("a misspelt header is refused unless the command line names it", "[headers]") {
  const std::vector<std::string> header{"id", "opened_at", "answerd"};
  REQUIRE_THROWS_WITH(refuse_misspelt_headers(header, HeaderNames::records, {}, {}, "m.csv"),
                      "m.csv: column \"answerd\" looks like answered misspelt: --map answered=answerd reads it as "
                      "answered, --label answerd keeps it a label");
  REQUIRE_NOTHROW(refuse_misspelt_headers(header, HeaderNames::records, {"Answerd"}, {}, "m.csv"));
  REQUIRE_THROWS_AS(refuse_misspelt_headers(header, HeaderNames::records, {"notes"}, {"notes"}, "m.csv"), Error);
}
