// Reading CSV, TSV, JSON and NDJSON into rows of text cells with their positions.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "errors.hpp"
#include "io/table.hpp"

using namespace cxkpi::cli;

namespace {

// A file with `content` in the test's temporary directory.
std::string temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / std::string("cxkpi_readers_test_").append(name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

struct Read {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> first_positions;  // where(0) of each row
  std::string described;
};

Read read_all_rows(const std::string& name, const std::string& content, ReadOptions options = {}) {
  auto reader = open_table(InputStream::open(temp_file(name, content)), options);
  Read out;
  out.header = reader->header();
  out.described = reader->describe();
  while (reader->next()) {
    std::vector<std::string> row;
    for (std::size_t c = 0; c < out.header.size(); ++c)
      row.emplace_back(reader->cell(c));
    out.rows.push_back(row);
    const auto pos = reader->where(0);
    out.first_positions.push_back(SourcePos{"f", pos.line, pos.column, pos.path}.str());
  }
  return out;
}

std::string error_of(const std::string& name, const std::string& content) {
  try {
    read_all_rows(name, content);
  } catch (const Error& e) {
    REQUIRE(e.code() == ExitCode::data);
    const std::string what = e.what();
    return what.substr(what.find(':'));  // drop the temporary path
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("CSV handles quotes and doubled quotes and embedded newlines and CRLF and a BOM", "[readers]") {
  const auto r = read_all_rows("rfc.csv",
                               "\xEF\xBB\xBFperiod,note,contacts\r\n"
                               "2026-01,\"a, b\",5\r\n"
                               "2026-02,\"say \"\"hi\"\"\nsecond line\",6\r\n"
                               "\r\n"
                               "2026-03,,7");
  REQUIRE(r.header == std::vector<std::string>{"period", "note", "contacts"});
  REQUIRE(r.rows.size() == 3);
  REQUIRE(r.rows[0] == std::vector<std::string>{"2026-01", "a, b", "5"});
  REQUIRE(r.rows[1] == std::vector<std::string>{"2026-02", "say \"hi\"\nsecond line", "6"});
  REQUIRE(r.rows[2] == std::vector<std::string>{"2026-03", "", "7"});
  REQUIRE(r.first_positions == std::vector<std::string>{"f:2:1", "f:3:1", "f:6:1"});
  REQUIRE(r.described == "csv, delimiter ','");
}

TEST_CASE("quoted fields of every shape read the same in any mix", "[readers]") {
  // A row of only whole quoted fields takes the quick split; a doubled quote, a space after
  // a closing quote, a lone quote or a quoted newline anywhere in the row takes the full
  // parse. Either way each field reads as RFC 4180 says.
  const std::vector<std::pair<std::string, std::string>> shapes{
      {"plain", "plain"}, {"\"a, b\"", "a, b"},
      {"\"\"", ""},       {"\"say \"\"hi\"\"\"", "say \"hi\""},
      {"\"x\" ", "x"},    {"\"two\nlines\"", "two\nlines"},
      {"\"\"\"\"", "\""}, {"", ""}};
  for (const auto& [a_text, a] : shapes)
    for (const auto& [b_text, b] : shapes) {
      INFO(a_text << " | " << b_text);
      const auto r = read_all_rows("q.csv", "x,y,z\n" + a_text + "," + b_text + ",\"end\"\n1,\"2\",3\n");
      REQUIRE(r.rows.size() == 2);
      REQUIRE(r.rows[0] == std::vector<std::string>{a, b, "end"});
      REQUIRE(r.rows[1] == std::vector<std::string>{"1", "2", "3"});
    }
}

TEST_CASE("the delimiter is sniffed from the header line", "[readers]") {
  REQUIRE(read_all_rows("t.tsv", "period\tcontacts\n2026-01\t5\n").described == "csv, delimiter tab");
  const auto semi = read_all_rows("s.csv", "period;contacts\n2026-01;5\n");
  REQUIRE(semi.rows[0] == std::vector<std::string>{"2026-01", "5"});
  ReadOptions pipe;
  pipe.delimiter = '|';
  REQUIRE(read_all_rows("p.csv", "a|b\n1|2\n", pipe).rows[0] == std::vector<std::string>{"1", "2"});
}

TEST_CASE("rows longer than a read chunk are read whole", "[readers]") {
  const std::string long_note(600'000, 'x');
  std::string csv = "note,contacts\n\"";
  csv.append(long_note).append("\",1\nshort,2\n");
  const auto r = read_all_rows("long.csv", csv);
  REQUIRE(r.rows.size() == 2);
  REQUIRE(r.rows[0][0] == long_note);
  REQUIRE(r.rows[1] == std::vector<std::string>{"short", "2"});
}

TEST_CASE("malformed CSV is an error with its place", "[readers]") {
  REQUIRE(error_of("ragged.csv", "a,b\n1,2\n1,2,3\n") == ":3: row has 3 fields but the header has 2");
  REQUIRE(error_of("open.csv", "a,b\n1,\"never closed\n") ==
          ":2:2: csv: quoted field is not closed before the end of the input");
  REQUIRE(error_of("after.csv", "a,b\n\"x\"y,2\n") == ":2:1: csv: unexpected \"y\" after a closing quote");
}

TEST_CASE("JSON arrays and objects holding an array and NDJSON are read", "[readers]") {
  const auto array =
      read_all_rows("a.json", R"([{"period":"2026-01","contacts":5},{"period":"2026-02","orders":7.5}])");
  REQUIRE(array.header == std::vector<std::string>{"period", "contacts", "orders"});
  REQUIRE(array.rows[1] == std::vector<std::string>{"2026-02", "", "7.5"});
  REQUIRE(array.first_positions[1] == "f:$[1]");

  const auto held = read_all_rows("h.json", "{\"source\":\"x\",\"periods\":[{\"period\":\"W1\",\"n\":null}]}");
  REQUIRE(held.rows[0] == std::vector<std::string>{"W1", ""});
  REQUIRE(held.first_positions[0] == "f:$.periods[0]");

  const auto nd =
      read_all_rows("n.ndjson", "{\"period\":\"a\",\"contacts\":1}\n\n{\"period\":\"b\",\"contacts\":true}\n");
  REQUIRE(nd.described == "ndjson");
  REQUIRE(nd.rows[1] == std::vector<std::string>{"b", "true"});
  REQUIRE(nd.first_positions == std::vector<std::string>{"f:1", "f:3"});
}

TEST_CASE("malformed JSON is an error with its place", "[readers]") {
  REQUIRE(error_of("bad.json", "[{\"a\":1},\n {\"a\":}]").starts_with(":2:7: json: syntax error"));
  REQUIRE(error_of("scalar.json", "[1]") ==
          ":$: json: expected an array of objects, one per row, but $[0] is a number");
  REQUIRE(error_of("two.json", R"({"x":[],"y":[]})") ==
          ":$: json: the object holds several arrays (x, y); name the rows with --json-path, such as --json-path $.x");
  REQUIRE(error_of("bad.ndjson", "{\"a\":1}\n{\"a\":\n").starts_with(":2:"));
}

TEST_CASE("a missing file is exit 66", "[readers]") {
  try {
    InputStream::open("/nonexistent/cxkpi.csv");
    FAIL("opened");
  } catch (const Error& e) {
    REQUIRE(e.code() == ExitCode::no_input);
    REQUIRE(std::string(e.what()) == "cannot open /nonexistent/cxkpi.csv: No such file or directory");
  }
}

TEST_CASE("a report's title line above the header is skipped, and says so", "[readers]") {
  const auto titled = read_all_rows("title.csv", "Interactions report, March\n\nid;wait_s\n1;12\n2;30\n");
  REQUIRE(titled.header == std::vector<std::string>{"id", "wait_s"});
  REQUIRE(titled.rows == std::vector<std::vector<std::string>>{{"1", "12"}, {"2", "30"}});
  REQUIRE(titled.first_positions == std::vector<std::string>{"f:4:1", "f:5:1"});  // lines as in the file
  REQUIRE(titled.described == "csv, delimiter ';', title line \"Interactions report, March\" skipped");
  // A title padded with delimiters (as spreadsheets write it) is a title too.
  REQUIRE(read_all_rows("padded.csv", "Report,,\nid,wait_s,talk_s\n1,2,3\n").header.size() == 3);
  // A one-column CSV has one cell on its second line: nothing is skipped.
  REQUIRE(read_all_rows("one.csv", "agent\nalice\nbob\n").rows.size() == 2);
  // Neither is a first line over a data row that is as long as the line after it is not.
  REQUIRE(read_all_rows("ragged.csv", "note\nhello; world\nbye\n").header == std::vector<std::string>{"note"});
  // A header with an empty name, or rows as long as a one-cell header, are not titles.
  REQUIRE(read_all_rows("blank.csv", "period,,promoters\n2026-01,x,5\n").header.size() == 3);
}

TEST_CASE("a number of lines above the header is skipped whatever they hold", "[readers]") {
  ReadOptions skip;
  skip.skip_lines = 2;  // lines, not CSV records: the lone quote opens no field
  const auto r = read_all_rows("skip.csv", "Exported by x,on y\n\"a\nid,wait_s\n7,1\n", skip);
  REQUIRE(r.header == std::vector<std::string>{"id", "wait_s"});
  REQUIRE(r.first_positions == std::vector<std::string>{"f:4:1"});
  REQUIRE(r.described == "csv, delimiter ',', 2 lines skipped (--skip-lines)");
  skip.skip_lines = 0;  // said: no title is looked for
  REQUIRE(open_table(InputStream::open(temp_file("title0.csv", "Report\nid,wait_s\n1,2\n")), skip)->header() ==
          std::vector<std::string>{"Report"});
  skip.skip_lines = 9;
  try {
    read_all_rows("short.csv", "a\nb\n", skip);
    FAIL("read");
  } catch (const Error& e) {
    REQUIRE(std::string(e.what()).ends_with("nothing follows the 9 lines --skip-lines skips"));
  }
}
