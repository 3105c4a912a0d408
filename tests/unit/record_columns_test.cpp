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
  // A first reply given as a duration; Freshdesk's business-hours column is no alias of it.
  REQUIRE(record_role_of_header("first_reply_time_minutes") == RecordField::first_response_s);
  REQUIRE_FALSE(record_role_of_header("First response time (in hrs)"));
  REQUIRE_FALSE(record_role_of_header("orders"));
  REQUIRE_FALSE(record_role_of_header("weight"));  // only --weight names the weight column
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
  REQUIRE(record_source_of(Field::first_responses) == "opened_at and first_response_at (or first_response_s)");
  REQUIRE(record_source_of(Field::talk_s) == "talk_s");
  // Every contact log counts these, so they are named as themselves.
  REQUIRE(record_source_of(Field::handled) == "handled");
  REQUIRE(record_source_of(Field::window_followed) == "window_followed");
}

TEST_CASE("a header ending in a unit is its duration, read in that unit", "[record_columns]") {
  const auto unit_of = [](const std::vector<std::string>& header, RecordField f) {
    return RecordColumnMap(header, {}, "log.csv").format_of(f).unit;
  };
  REQUIRE(record_role_of_header("talk_time_ms") == RecordField::talk_s);
  REQUIRE(record_role_of_header("Hold Time (ms)") == RecordField::hold_s);
  REQUIRE(record_role_of_header("Wait time in minutes") == RecordField::wait_s);
  REQUIRE(record_role_of_header("wrap_hours") == RecordField::wrap_s);
  REQUIRE(unit_of({"talk_time_ms"}, RecordField::talk_s) == DurationUnit::milliseconds);
  REQUIRE(unit_of({"Wait (in minutes)"}, RecordField::wait_s) == DurationUnit::minutes);
  REQUIRE(unit_of({"wrap_minutes"}, RecordField::wrap_s) == DurationUnit::minutes);
  REQUIRE(unit_of({"Hold (hrs)"}, RecordField::hold_s) == DurationUnit::hours);
  REQUIRE(unit_of({"Talk time (in hrs)"}, RecordField::talk_s) == DurationUnit::clock);  // Freshdesk: h:mm:ss
  REQUIRE(unit_of({"talk_s"}, RecordField::talk_s) == DurationUnit::seconds);
  // only durations take a unit from their name: a flag or an id ending in one is no column
  REQUIRE_FALSE(record_role_of_header("answered_ms"));
  REQUIRE_FALSE(record_role_of_header("id_hours"));
  REQUIRE_FALSE(record_role_of_header("ms"));
}

TEST_CASE("a SPEC after the header of a --map gives a duration its unit and a flag its words for yes",
          "[record_columns]") {
  const std::vector<std::string> header{"Total Talk", "outcome", "Time: Hold", "csat"};
  const auto map = [&](std::initializer_list<std::string_view> texts) {
    std::vector<ColumnOverride> overrides;
    for (const auto text : texts)
      overrides.push_back(parse_column_override(text));
    return RecordColumnMap(header, overrides, "log.csv");
  };
  const auto columns = map({"talk_s=Total Talk:ms", "answered=outcome: AGENT ,Answered", "hold_s=Time: Hold"});
  REQUIRE(columns.column_of(RecordField::talk_s) == 0);
  REQUIRE(columns.format_of(RecordField::talk_s).unit == DurationUnit::milliseconds);
  REQUIRE(columns.format_of(RecordField::answered).yes_words == std::vector<std::string>{"agent", "answered"});
  REQUIRE(columns.column_of(RecordField::hold_s) == 2);  // a header with a colon of its own is found whole
  REQUIRE(columns.format_of(RecordField::hold_s).unit == DurationUnit::seconds);
  REQUIRE(*columns.reading_at(0) == "talk_s (ms)");
  REQUIRE(*columns.reading_at(1) == "answered (yes: agent, answered)");
  REQUIRE(map({"wait_s=Total Talk:hh:mm:ss"}).format_of(RecordField::wait_s).unit == DurationUnit::clock);
  // a survey answered in words: each word its score, or none for a word that is no answer
  const auto words = map({"csat=csat: Good=5, Just Okay =3,offered=blank"});
  const auto& format = words.format_of(RecordField::csat);
  REQUIRE(format.score_word(" GOOD ")->score == 5);
  REQUIRE(format.score_word("just okay")->score == 3);
  REQUIRE_FALSE(format.score_word("Offered")->score);
  REQUIRE(format.score_word("great") == nullptr);
  REQUIRE(*words.reading_at(3) == "csat (good: 5, just okay: 3, offered: none)");
  const auto usage = [&](std::string_view text, const std::string& message) {
    INFO(text);
    try {
      map({text});
      FAIL("no error");
    } catch (const Error& e) {
      REQUIRE(e.code() == ExitCode::usage);
      REQUIRE(std::string(e.what()) == message);
    }
  };
  usage("answered=outcome:ms",
        "--map answered=outcome:ms: ms is a unit of time, and answered is a yes/no flag, so it takes none (a unit "
        "goes with a duration such as talk_s)");
  usage("csat=csat:min",
        "--map csat=csat:min: min is a unit of time, and csat is no duration, so it takes none (a unit goes with a "
        "duration such as talk_s)");
  usage("talk_s=Total Talk:msec",
        "--map talk_s=Total Talk:msec: \"msec\" is no unit of time; talk_s is a duration in ms, s, min, h or "
        "hh:mm:ss");
  usage("csat=csat:5,4",
        "--map csat=csat:5,4: \"5\" gives no score; csat answered in words takes WORD=SCORE or WORD=blank (no "
        "answer) for each word, such as good=5,bad=1,offered=blank");
  usage("csat=csat:good=5,Good=1", "--map csat=csat:good=5,Good=1: \"good\" is given a score twice");
  usage("csat=csat:good=five",
        "--map csat=csat:good=five: \"good=five\" is no WORD=SCORE (a whole number) or WORD=blank (no answer)");
  usage("csat=csat:good=5,blank=0",
        "--map csat=csat:good=5,blank=0: blank=0 does not go with csat (blank=0 goes "
        "with a duration or a yes/no flag)");
  usage("answered=outcome:,", "--map answered=outcome:,: no value after ':' says which cells mean yes");
}
