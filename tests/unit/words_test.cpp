// Header names are compared after normalize_header: the forms below are written by hand.
#include "text/words.hpp"

#include <catch2/catch.hpp>

#include "io/column_map.hpp"
#include "records/record_columns.hpp"

using namespace cxkpi::cli;

TEST_CASE("headers normalise case, punctuation and spaces away", "[headers]") {
  REQUIRE(normalize_header("Talk Time (s)") == "talk_time_s");
  REQUIRE(normalize_header("  Answered (Y/N) ") == "answered_y_n");
  REQUIRE(normalize_header("speed_of_answer_in_seconds") == "speed_of_answer_in_seconds");
  REQUIRE(normalize_header("Avg. Talk") == "avg_talk");
  REQUIRE(normalize_header("") == "");
}

TEST_CASE("camelCase and PascalCase headers split into words", "[headers]") {
  REQUIRE(normalize_header("ContactId") == "contact_id");
  REQUIRE(normalize_header("agentName") == "agent_name");
  REQUIRE(normalize_header("AvgTalkDuration") == "avg_talk_duration");
  REQUIRE(normalize_header("AWSContactTraceRecordFormatVersion") == "aws_contact_trace_record_format_version");
  REQUIRE(normalize_header("CSATScore") == "csat_score");
  REQUIRE(normalize_header("first_reply_createdAt") == "first_reply_created_at");
  REQUIRE(normalize_header("Q1Total") == "q1_total");
  // One-letter prefixes, acronyms and their plural keep together.
  REQUIRE(normalize_header("eNPS") == "enps");
  REQUIRE(normalize_header("ContactIDs") == "contact_ids");
  REQUIRE(normalize_header("AHTs") == "ahts");
  REQUIRE(normalize_header("ASA") == "asa");
  REQUIRE(normalize_header("ces_1") == "ces_1");
}

TEST_CASE("a dot between words is a step of a JSON path", "[headers]") {
  REQUIRE(normalize_header("Agent.AgentInteractionDuration") == "agent.agent_interaction_duration");
  REQUIRE(normalize_header("satisfaction_rating.score") == "satisfaction_rating.score");
  REQUIRE(normalize_header("Queue.Name") != normalize_header("queue_name"));
  REQUIRE(normalize_header("No. of calls") == "no_of_calls");
}

TEST_CASE("camelCase headers meet the aliases", "[headers]") {
  REQUIRE(record_role_of_header("ContactId") == cxkpi::RecordField::id);
  REQUIRE(record_role_of_header("agentName") == cxkpi::RecordField::agent);
  REQUIRE(record_role_of_header("eNPS") == cxkpi::RecordField::enps_score);
  REQUIRE(record_role_of_header("Agent.Username") == std::nullopt);
}

TEST_CASE("a column named exactly is found before one that only normalises alike", "[headers]") {
  const std::vector<std::string> header{"agent.name", "Agent.Name"};
  REQUIRE(find_column(header, "Agent.Name") == 1);
  REQUIRE(find_column(header, "agent.name") == 0);
  REQUIRE(find_column(header, "AGENT.NAME") == 0);
}

TEST_CASE("a header naming a rate or an average is no total", "[headers]") {
  for (const auto* rate : {"Abandoned %", "% Answered", "Abandon Rate", "abandon_rate", "Avg Talk", "AvgTalkTime",
                           "pct_abandoned", "Answered (percent)", "Answer Percentage", "Hold Ratio", "Mean Wait"}) {
    INFO(rate);
    REQUIRE(names_a_rate(rate));
  }
  for (const auto* total :
       {"Abandoned", "Calls Offered", "Talk Time (s)", "operator", "separated", "ratings", "Generated", "meaning"}) {
    INFO(total);
    REQUIRE_FALSE(names_a_rate(total));
  }
  REQUIRE(role_of_header("Abandoned %").kind == ColumnRole::Kind::label);
  REQUIRE(role_of_header("Abandoned").kind == ColumnRole::Kind::field);
  REQUIRE_FALSE(record_role_of_header("Answered %"));
  REQUIRE(record_role_of_header("Answered"));
  // an alias that says the rate word itself is that alias: a log's AvgTalkDuration is its talk time
  REQUIRE(record_role_of_header("AvgTalkDuration"));
}

TEST_CASE("control characters are written out for people", "[words]") {
  // ESC [ 2 J clears the screen; ESC ] 0 ; ... BEL retitles the window; U+009B is the C1 CSI
  REQUIRE(escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb");
  REQUIRE(escape_controls("\x1b]0;x\x07") == "\\x1b]0;x\\x07");
  REQUIRE(escape_controls("a\rb\nc\td\x7f") == "a\\x0db\\x0ac\\x09d\\x7f");
  REQUIRE(escape_controls("c\xc2\x9b"
                          "1m") == "c\\u009b1m");
  REQUIRE(escape_controls("\xc2\x80\xc2\x9f\xc2\xa0") == "\\u0080\\u009f\xc2\xa0");  // U+00A0 is no control
  REQUIRE(escape_controls("Zürich ×") == "Zürich ×");
  REQUIRE(quote_value("a\"\\\x1b\xc2\x85") == "\"a\\\"\\\\\\x1b\\u0085\"");
}
