// The record column table: headers to columns, and the columns messages name for a field.
#include "records/record_columns.hpp"

#include <catch2/catch.hpp>

#include "records/field_sources.hpp"

using namespace cxkpi;
using namespace cxkpi::cli;

TEST_CASE("headers find their record column by canonical name or alias", "[record_columns]") {
  REQUIRE(record_role_of_header("Speed of answer in seconds") == RecordField::wait_s);
  REQUIRE(record_role_of_header("Was Transferred") == RecordField::transferred);
  REQUIRE(record_role_of_header("enps") == RecordField::enps_score);
  REQUIRE(record_role_of_header("case_id") == RecordField::case_id);
  REQUIRE_FALSE(record_role_of_header("orders"));
  for (const auto& column : record_columns()) {
    REQUIRE(record_field_named(column.name) == column.field);
    REQUIRE(record_field_name(column.field) == column.name);
  }
}

TEST_CASE("a missing field names the record column that supplies it", "[record_columns]") {
  REQUIRE(record_source_of(Field::transfers) == "transferred");
  REQUIRE(record_source_of(Field::held) == "hold_s");
  REQUIRE(record_source_of(Field::short_abandoned) == "wait_s");
  REQUIRE(record_source_of(Field::csat_10) == "csat");
  REQUIRE(record_source_of(Field::enps_detractors) == "enps_score");
  REQUIRE(record_source_of(Field::agents_handled) == "agent");
  REQUIRE(record_source_of(Field::first_responses) == "opened_at and first_response_at");
  REQUIRE(record_source_of(Field::talk_s) == "talk_s");
  // Every contact log counts these, so they are named as themselves.
  REQUIRE(record_source_of(Field::handled) == "handled");
  REQUIRE(record_source_of(Field::window_followed) == "window_followed");
}
