// NDJSON through simdjson's On-Demand parser gives the same header, cells, places and
// messages as the nlohmann path it replaced (which still reads the lines it does not take).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "errors.hpp"
#include "io/json_reader.hpp"
#include "io/table.hpp"

using namespace cxkpi::cli;

namespace {

struct Outcome {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> places;  // where(0) of each row
  std::string error;                // "<exit code> <message>" when reading stopped on an error
  bool operator==(const Outcome&) const = default;
};

// Reads `text` with `parser`; the first `head_bytes` arrive as the sniffed head, the rest
// through the stream (as open_table hands them over).
Outcome read_with(const std::string& text, NdjsonParser parser, std::size_t head_bytes) {
  Outcome out;
  head_bytes = std::min(head_bytes, text.size());
  try {
    auto reader = make_ndjson_reader(InputStream::from_memory("in.ndjson", text.substr(head_bytes)),
                                     text.substr(0, head_bytes), parser);
    out.header = reader->header();
    while (reader->next()) {
      std::vector<std::string> row;
      for (std::size_t c = 0; c < out.header.size(); ++c)
        row.emplace_back(reader->cell(c));
      out.rows.push_back(std::move(row));
      out.places.push_back(reader->where(0).str());
    }
  } catch (const Error& e) {
    out.error = std::to_string(static_cast<int>(e.code())) + " " + e.what();
  }
  return out;
}

// Reads `text` both ways, whole and in pieces, requires the same outcome and returns it.
Outcome same_both_ways(const std::string& text) {
  INFO("input: " << text);
  const auto expected = read_with(text, NdjsonParser::nlohmann, text.size());
  for (const std::size_t head : {std::size_t{0}, std::size_t{9}, text.size()}) {
    const auto got = read_with(text, NdjsonParser::simdjson, head);
    REQUIRE(got.header == expected.header);
    REQUIRE(got.rows == expected.rows);
    REQUIRE(got.places == expected.places);
    REQUIRE(got.error == expected.error);
  }
  return expected;
}

using Row = std::vector<std::string>;

}  // namespace

TEST_CASE("NDJSON strings are unescaped as before", "[ndjson]") {
  const auto r = same_both_ways(R"({"s":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00 é","t":""})"
                                "\n");
  REQUIRE(r.rows == std::vector<Row>{{"a\"b\\c/d\n\t\xC3\xA9\xF0\x9F\x98\x80 \xC3\xA9", ""}});
}

TEST_CASE("NDJSON numbers give the text the value parsers always got", "[ndjson]") {
  const auto r = same_both_ways(
      R"({"a":1.50,"b":1e2,"c":-0,"d":12345678901234567890,"e":-9223372036854775808,"f":123456789012345678901,)"
      R"("g":-0.0,"h":1E-2,"i":0.1,"j":42,"k":-7,"l":2.5e-3,"m":1e-400})"
      "\n");
  REQUIRE(r.rows == std::vector<Row>{{"1.5", "100", "0", "12345678901234567890", "-9223372036854775808",
                                      "1.2345678901234568e+20", "-0", "0.01", "0.1", "42", "-7", "0.0025", "0"}});
  // A number beyond a double stays an error on its line, in any column.
  const auto big = same_both_ways("{\"a\":1}\n{\"a\":2}\n{\"a\":1e400}\n");
  REQUIRE(big.error == "65 in.ndjson:3: json: number overflow parsing '1e400'");
  REQUIRE(same_both_ways("{\"a\":1,\"not_in_header\":-1E400}\n").error.ends_with("number overflow parsing '-1E400'"));
}

TEST_CASE("NDJSON decimals read the same both ways", "[ndjson]") {
  // Decimals of every length and scale, with and without trailing zeros, around the places
  // where the shortest text of a double changes form (0.0001 and 0.00001, 15 and 16 digits).
  std::mt19937_64 random(20260105);
  const auto digits = [&](std::size_t n, bool leading_zero_ok) {
    std::string d;
    for (std::size_t i = 0; i < n; ++i) {
      const auto digit = static_cast<char>('0' + random() % 10);
      d.push_back(i == 0 && !leading_zero_ok && digit == '0' ? '7' : digit);
    }
    return d;
  };
  std::string text;
  for (int line = 0; line < 4000; ++line) {
    text += "{";
    for (int k = 0; k < 8; ++k) {
      std::string number = random() % 4 == 0 ? "-" : "";
      const auto whole = random() % 18;
      number += whole == 0 ? "0" : digits(whole, false);
      number += "." + std::string(random() % 3 == 0 ? random() % 7 : 0, '0') + digits(1 + random() % 18, true);
      if (random() % 3 == 0) number += std::string(random() % 4, '0');
      if (random() % 10 == 0)
        number += (random() % 2 ? "e" : "E") + std::to_string(static_cast<int>(random() % 40) - 20);
      text += (k ? ",\"" : "\"") + std::string(1, static_cast<char>('a' + k)) + "\":" + number;
    }
    text += "}\n";
  }
  const auto r = same_both_ways(text);
  REQUIRE(r.rows.size() == 4000);
  REQUIRE(same_both_ways("{\"a\":6.48,\"b\":0.50,\"c\":12.00,\"d\":0.0001,\"e\":0.00001,\"f\":1234567890123456.5}\n")
              .rows == std::vector<Row>{{"6.48", "0.5", "12", "0.0001", "1e-05", "1234567890123456.5"}});
}

TEST_CASE("NDJSON true, false and null", "[ndjson]") {
  const auto r = same_both_ways("{\"a\":true,\"b\":false,\"c\":null}\n{\"a\":null,\"b\":true,\"c\":false}\n");
  REQUIRE(r.rows == std::vector<Row>{{"true", "false", ""}, {"", "true", "false"}});
}

TEST_CASE("NDJSON keys may come in any order, be missing or be new", "[ndjson]") {
  // The columns are the keys of the first lines (d is first seen on line 4); arrays are not.
  const auto r = same_both_ways(
      "{\"a\":1,\"b\":2,\"c\":3}\n"
      "{\"c\":30,\"a\":10,\"b\":20}\n"
      "{\"b\":200}\n"
      "{\"d\":4,\"a\":1000,\"e\":{\"nested\":[1,2]}}\n");
  REQUIRE(r.header == Row{"a", "b", "c", "d"});
  REQUIRE(r.rows ==
          std::vector<Row>{{"1", "2", "3", ""}, {"10", "20", "30", ""}, {"", "200", "", ""}, {"1000", "", "", "4"}});
  // Keys first seen after the first 1000 lines are not columns.
  std::string late;
  for (int i = 0; i < 1000; ++i)
    late += "{\"a\":1}\n";
  late += "{\"a\":2,\"b\":3}\n";
  const auto after = same_both_ways(late);
  REQUIRE(after.header == Row{"a"});
  REQUIRE(after.rows.back() == Row{"2"});
  // A key escaped in the file is the same key.
  REQUIRE(same_both_ways("{\"wait_s\":1}\n{\"w\\u0061it_s\":2}\n").rows == std::vector<Row>{{"1"}, {"2"}});
  // Keys holding a quote or a backslash, and keys of every length around 8 bytes.
  const auto odd = same_both_ways(R"({"a\"b":1,"c\\d":2,"":3})"
                                  "\n"
                                  R"({"":30,"c\\d":20,"a\"b":10,"a\"":0,"c\\":0})"
                                  "\n");
  REQUIRE(odd.header == Row{"a\"b", "c\\d", "", "a\"", "c\\"});
  REQUIRE(odd.rows == std::vector<Row>{{"1", "2", "3", "", ""}, {"10", "20", "30", "0", "0"}});
  std::string lengths;
  for (const auto* order : {"abcdefghijklmnopq", "qponmlkjihgfedcba"}) {
    lengths += "{";
    for (const char* k = order; *k != '\0'; ++k)
      lengths += std::string(k == order ? "\"" : ",\"") + std::string(static_cast<std::size_t>(*k - 'a' + 1), *k) +
                 "\":" + std::to_string(*k - 'a');
    lengths += "}\n";
  }
  lengths += R"({"aaaaaaab":1,"bbbbbbbbbbbbbbbbb":2,"ccccccc":3,"dddddddd":4})"
             "\n";
  const auto by_length = same_both_ways(lengths);
  REQUIRE(by_length.header.size() == 21);  // the 17 keys of line 1, then line 3's 4 new ones
  REQUIRE(by_length.rows[1] == by_length.rows[0]);
  REQUIRE(by_length.rows[2][1] == "");
  REQUIRE(by_length.rows[2][3] == "");
}

TEST_CASE("NDJSON line ends, blank lines and a byte-order mark", "[ndjson]") {
  const auto r = same_both_ways("{\"a\":1}\r\n\r\n   \n\t\n{\"a\":2}\r\n\n{\"a\":3}");
  REQUIRE(r.rows == std::vector<Row>{{"1"}, {"2"}, {"3"}});
  REQUIRE(r.places == Row{"in.ndjson:1", "in.ndjson:5", "in.ndjson:7"});

  ReadOptions nd;
  nd.format = InputFormat::ndjson;
  auto reader = open_table(InputStream::from_memory("bom.ndjson", "\xEF\xBB\xBF{\"a\":1}\n{\"a\":2}\n"), nd);
  REQUIRE(reader->header() == Row{"a"});
  REQUIRE(reader->next());
  REQUIRE(reader->cell(0) == "1");
  REQUIRE(reader->next());
  REQUIRE(reader->cell(0) == "2");
  REQUIRE_FALSE(reader->next());
}

TEST_CASE("NDJSON lines longer than a read chunk are read whole", "[ndjson]") {
  const std::string long_text(700'000, 'x');
  std::string text = "{\"a\":1,\"b\":\"s\"}\n";
  for (int i = 0; i < 3; ++i)
    text.append("{\"b\":\"").append(long_text).append("\",\"a\":").append(std::to_string(i)).append("}\n");
  const auto r = same_both_ways(text);
  REQUIRE(r.rows.size() == 4);
  REQUIRE(r.rows[3] == Row{"2", long_text});
}

TEST_CASE("NDJSON lines outside the plain case keep their messages", "[ndjson]") {
  REQUIRE(same_both_ways("{\"a\":1}\n{\"a\":}\n").error.starts_with("65 in.ndjson:2:6: json: syntax error"));
  REQUIRE(same_both_ways("{\"a\":1}\n{\"a\":{\"b\":1}}\n").rows == std::vector<Row>{{"1", ""}, {"", "1"}});
  REQUIRE(same_both_ways("{\"a\":1}\n[1,2]\n").error == "65 in.ndjson:2: json: expected an object, got array");
  REQUIRE(same_both_ways("{\"a\":1}\n7\n").error == "65 in.ndjson:2: json: expected an object, got number");
  for (const auto* line : {
           R"({"a":1}})",
           R"({"a":1} {"a":2})",
           R"({"a":1,})",
           R"({"a" 1})",
           R"({"a":tru})",
           R"({"a":truex})",
           R"({"a":nul})",
           R"({"a":01})",
           R"({"a":1.})",
           R"({"a":-})",
           R"({"a":.5})",
           R"({"a":1e})",
           R"({"a":+1})",
           R"({"a":0x10})",
           R"({"a":NaN})",
           R"({"a":"\x"})",
           R"({"a":"\ud800"})",
           R"({"a":"\udc00"})",
           R"({"a":"\ud800\u0041"})",
           "{\"a\":\"tab\there\"}",
           "{\"a\":\"\xC3\"}",
           "{\"a\":\"\xED\xA0\x80\"}",
           "{\"a\":1}\f",
           R"({"a":1,"a":2})",
           R"({"a":[1]})",
           R"({"b":{"c":[}})",
           R"({"a":1,"b":[1,2,{"c":null}]})",
           R"({"a":"x","a":null})",
           "{\"a\":1}\x00",
           // Nested objects, and keys that repeat one (nlohmann keeps the last of them).
           R"({"b":{"c":1,"d":{"e":"x"}},"a":[{"f":2}]})",
           R"({"b":{"c":1},"b":{"d":2}})",
           R"({"b":{"c":1},"b":2})",
           R"({"b":2,"b":{"c":1}})",
           R"({"b":{"c":1},"b":[1]})",
           R"({"b":[1],"b":{"c":1}})",
           R"({"b":{"c":1,"c":2}})",
           R"({"b.c":1,"b":{"c":2}})",
           R"({"b":{"c":2},"b.c":1})",
           R"({"b":{"\ud800":1}})",
           R"({"b":[{"\ud800":1}]})",
           R"({"b":{"c":[1,}]}})",
           R"({"b":{"c":tru}})",
           R"({"b":[1,{"c":01}]})",
           R"({"b":{}})",
           R"({"t":{"a":1}})",
           R"({"t":{"a":1},"t":{"a":2}})",
       }) {
    same_both_ways(std::string("{\"a\":0,\"b\":0}\n") + line + "\n");
    same_both_ways(std::string(line) + "\n{\"a\":0}\n");  // as the first line, which gives the header
  }
}

TEST_CASE("NDJSON over 64 MiB on one line is an error with its place", "[ndjson]") {
  std::string text = "{\"a\":1}\n{\"a\":\"";
  text.append(std::size_t{65} << 20, 'x').append("\"}\n");
  const auto r = read_with(text, NdjsonParser::simdjson, 0);
  REQUIRE(r.error == "65 in.ndjson:2: a line is longer than 64 MiB (is this an NDJSON file?)");
  REQUIRE(r.rows.size() == 1);
}

TEST_CASE("NDJSON edits of a line read the same both ways", "[ndjson]") {
  // Every byte of these lines replaced in turn by each of a few bytes that matter to JSON.
  const std::vector<std::string> lines = {
      R"({"id":"c1","wait_s":12.5,"answered":true,"csat":null,"n":-3,"e":1e5,"s":"a\u00e9\n"})",
      R"({"x":[1,{"y":2}],"z":"q"})",
      R"({"id":"c1","A":{"U":"a","D":300,"R":{"N":"x"}},"Q":null,"M":[{"T":"A"}]})",
      R"({"ticket":{"id":1,"sr":{"score":"good"}}})",
  };
  const std::string bytes = std::string("\"\\{}[],:1e-.+0 \r\nxtn\xFF\xC3", 22) + std::string(1, '\0');
  for (const auto& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i)
      for (const char b : bytes) {
        std::string edited = line;
        edited[i] = b;
        same_both_ways(line + "\n" + edited + "\n" + line + "\n");
        same_both_ways(edited + "\n" + line);
      }
}

TEST_CASE("NDJSON fuzz inputs read the same both ways", "[ndjson]") {
  std::size_t files = 0;
  for (const auto* kind : {"corpus", "regressions"}) {
    const auto dir = std::filesystem::path(CXKPI_FUZZ_DIR) / kind / "json";
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO(entry.path().string());
      same_both_ways(bytes);
      ++files;
    }
  }
  REQUIRE(files > 0);
}

TEST_CASE("verbose output names the simdjson kernel chosen at run time", "[ndjson]") {
  const auto said = ndjson_parser_description();
  REQUIRE(said.starts_with("simdjson 3."));
  const bool known = said.find("icelake") != std::string::npos || said.find("haswell") != std::string::npos ||
                     said.find("westmere") != std::string::npos || said.find("fallback") != std::string::npos ||
                     said.find("arm64") != std::string::npos || said.find("ppc64") != std::string::npos;
  REQUIRE(known);
}
