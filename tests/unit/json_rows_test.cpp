// What contact-centre platforms export as JSON: nested objects flatten to dotted columns, an
// envelope's one array of records is found, records written back to back or wrapped alone are
// rows, and nesting is capped. Expected cells are written out by hand from each input.
#include "io/json_rows.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "errors.hpp"
#include "io/table.hpp"

using namespace cxkpi::cli;

namespace {

using Row = std::vector<std::string>;

struct Table {
  Row header;
  std::vector<Row> rows;
  Row places;  // where(0) of each row
  std::string described;
};

Table read(const std::string& text, ReadOptions options = {}) {
  auto reader = open_table(InputStream::from_memory("in", text), options);
  Table out{reader->header(), {}, {}, reader->describe()};
  while (reader->next()) {
    Row row;
    for (std::size_t c = 0; c < out.header.size(); ++c)
      row.emplace_back(reader->cell(c));
    out.rows.push_back(row);
    out.places.push_back(reader->where(0).str());
  }
  return out;
}

// "<exit code> <message>" of the error reading `text` gives.
std::string error_of(const std::string& text, ReadOptions options = {}) {
  try {
    read(text, options);
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + " " + e.what();
  }
  return "no error";
}

// `depth` objects nested in one another under key "a", the innermost holding "x": 1 and the
// outermost "id": 1 too (so that it does not wrap one record alone).
std::string nested(std::size_t depth) {
  std::string text = "{\"x\":1}";
  for (std::size_t d = 2; d <= depth; ++d)
    text = "{\"a\":" + text + (d == depth ? ",\"id\":1}" : "}");
  return text;
}

}  // namespace

TEST_CASE("nested objects flatten to dotted columns; arrays are not columns", "[json]") {
  const auto t = read(R"([{"ContactId":"C1","Agent":{"Username":"a.lee","AgentInteractionDuration":300,)"
                      R"("RoutingProfile":{"Name":"Basic"}},"MediaStreams":[{"Type":"AUDIO"}],"Attributes":{}},)"
                      R"({"ContactId":"C2","Agent":null,"Queue":{"Duration":35}}])");
  REQUIRE(t.header == Row{"ContactId", "Agent.Username", "Agent.AgentInteractionDuration", "Agent.RoutingProfile.Name",
                          "Queue.Duration"});
  // "Agent": null is no agent: its columns are missing cells, and no "Agent" column is made.
  REQUIRE(t.rows == std::vector<Row>{{"C1", "a.lee", "300", "Basic", ""}, {"C2", "", "", "", "35"}});
}

TEST_CASE("a member that is null in every row stays a column unless an object fills it elsewhere", "[json]") {
  REQUIRE(read(R"([{"a":null,"b":1},{"a":null,"b":2}])").header == Row{"a", "b"});
  REQUIRE(read(R"([{"a":null},{"a":{"x":1}}])").header == Row{"a.x"});
  // A scalar somewhere keeps the column: the row holding an object has no cell there.
  const auto mixed = read(R"([{"a":"text"},{"a":{"x":1}}])");
  REQUIRE(mixed.header == Row{"a", "a.x"});
  REQUIRE(mixed.rows == std::vector<Row>{{"text", ""}, {"", "1"}});
}

TEST_CASE("an export's envelope is found and its other members are ignored", "[json]") {
  const auto zendesk = read(R"({"tickets":[{"id":101,"satisfaction_rating":{"score":"good"}},)"
                            R"({"id":102,"satisfaction_rating":null}],"next_page":null,"count":2})");
  REQUIRE(zendesk.header == Row{"id", "satisfaction_rating.score"});
  REQUIRE(zendesk.rows == std::vector<Row>{{"101", "good"}, {"102", ""}});
  REQUIRE(zendesk.places == Row{"in:$.tickets[0]", "in:$.tickets[1]"});
  REQUIRE(zendesk.described == "json, rows at $.tickets");

  const auto chatwoot = read(R"({"data":{"meta":{"all_count":2},"payload":[{"id":1},{"id":2}]}})");
  REQUIRE(chatwoot.rows == std::vector<Row>{{"1"}, {"2"}});
  REQUIRE(chatwoot.places[1] == "in:$.data.payload[1]");

  // Arrays of scalars (tags, ids) are not rows; an object with none is one record.
  const auto one = read(R"({"id":7,"tags":["vip"],"status":"open"})");
  REQUIRE(one.rows == std::vector<Row>{{"7", "open"}});
  // An empty page has no rows.
  REQUIRE(read(R"({"tickets":[],"next_page":null})").rows.empty());
}

TEST_CASE("two arrays of records are refused unless --json-path names one", "[json]") {
  const auto both = R"({"tickets":[{"id":1}],"users":[{"id":9,"name":"Ana"}]})";
  REQUIRE(error_of(both) ==
          "65 in:$: json: the object holds several arrays (tickets, users); name the rows with "
          "--json-path, such as --json-path $.tickets");
  ReadOptions users;
  users.json_path = "$.users";
  REQUIRE(read(both, users).rows == std::vector<Row>{{"9", "Ana"}});
  users.json_path = "users";  // the "$." may be left out
  REQUIRE(read(both, users).rows.size() == 1);
  users.json_path = "$.user";
  REQUIRE(error_of(both, users) == "64 --json-path: $ has no member \"user\" (did you mean \"users\"?)");
  users.json_path = "$";  // the document itself: one object is one record
  REQUIRE(read(R"({"id":1,"custom_fields":[{"id":5}]})", users).rows == std::vector<Row>{{"1"}});
  ReadOptions count;
  count.json_path = "$.count";
  REQUIRE(error_of(R"({"count":3})", count) ==
          "64 --json-path: $.count is a number, not an array of rows or one object");
}

TEST_CASE("records written back to back are the rows", "[json]") {
  // Kinesis Firehose writes contact records to S3 with no separator.
  const auto firehose = read(R"({"ContactId":"C1","Queue":{"Duration":12}}{"ContactId":"C2","Queue":null})");
  REQUIRE(firehose.rows == std::vector<Row>{{"C1", "12"}, {"C2", ""}});
  REQUIRE(firehose.described == "json, objects back to back");
  const auto pretty = read("{\n  \"a\": 1\n}\n{\n  \"a\": \"}{\"\n}\n");
  REQUIRE(pretty.rows == std::vector<Row>{{"1"}, {"}{"}});
  REQUIRE(pretty.places == Row{"in:$[0]", "in:$[1]"});  // records may share a line: the index places them
  REQUIRE(firehose.places == pretty.places);
  // A bad record is placed in the file; something other than objects is not such a file.
  REQUIRE(error_of("{\"a\":1}\n{\"a\":}").starts_with("65 in:2:6: json: syntax error"));
  REQUIRE(error_of("{\"a\":1} [1]").starts_with("65 in:1:9: json: syntax error"));
}

TEST_CASE("records wrapped alone are unwrapped", "[json]") {
  REQUIRE(read(R"({"ticket":{"id":1,"via":{"channel":"email"}}})").rows == std::vector<Row>{{"1", "email"}});
  REQUIRE(read(R"([{"ticket":{"id":1}},{"ticket":{"id":2}}])").rows == std::vector<Row>{{"1"}, {"2"}});
  // Not when rows differ: each is then a record of its own.
  REQUIRE(read(R"([{"ticket":{"id":1}},{"user":{"id":2}}])").header == Row{"ticket.id", "user.id"});
  const auto nd = read("{\"ticket\":{\"id\":1}}\n{\"ticket\":{\"id\":2,\"status\":\"open\"}}\n");
  REQUIRE(nd.header == Row{"id", "status"});
  REQUIRE(nd.rows == std::vector<Row>{{"1", ""}, {"2", "open"}});
  REQUIRE(nd.described == "ndjson, each record wrapped in \"ticket\"");
  REQUIRE(error_of("{\"ticket\":{\"id\":1}}\n{\"id\":2}\n") ==
          "65 in:2: json: expected {\"ticket\": {…}} as on line 1");
}

TEST_CASE("objects nested deeper than the cap are an error of their row", "[json]") {
  REQUIRE(read("[" + nested(kMaxJsonDepth) + "]").header.size() == 2);
  REQUIRE(error_of("[" + nested(kMaxJsonDepth + 1) + "]") == "65 in:$[0]: json: objects are nested more than 64 deep");
  REQUIRE(error_of(nested(3) + "\n" + nested(kMaxJsonDepth + 1) + "\n") ==
          "65 in:2: json: objects are nested more than 64 deep");
  // Deep arrays are not entered at all.
  REQUIRE(read("[{\"a\":1,\"b\":" + std::string(100000, '[') + std::string(100000, ']') + "}]").rows ==
          std::vector<Row>{{"1"}});
}

TEST_CASE("an array that holds no objects is refused", "[json]") {
  REQUIRE(error_of("[[1,2],[3,4]]") ==
          "65 in:$: json: expected an array of objects, one per row, but $[0] is an array");
  REQUIRE(error_of("[1,2]") == "65 in:$: json: expected an array of objects, one per row, but $[0] is a number");
}

TEST_CASE("NDJSON columns come from its first lines", "[json]") {
  // Line 1 has no queue; line 2's Queue object still gives its columns.
  const auto t = read("{\"ContactId\":\"C4\",\"Queue\":null}\n{\"ContactId\":\"C1\",\"Queue\":{\"Duration\":12}}\n");
  REQUIRE(t.header == Row{"ContactId", "Queue.Duration"});
  REQUIRE(t.rows == std::vector<Row>{{"C4", ""}, {"C1", "12"}});
  // A first line longer than the 64 KiB the format is sniffed from is still NDJSON.
  const std::string long_text(100'000, 'x');
  const auto long_line = read("{\"a\":\"" + long_text + "\"}\n{\"a\":\"b\"}\n");
  REQUIRE(long_line.described == "ndjson");
  REQUIRE(long_line.rows.size() == 2);
}
