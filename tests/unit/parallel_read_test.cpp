// Reading a CSV log on several threads gives exactly what one thread gives: the same buckets
// and sums, the same warnings, and for a bad row the same message. Blocks are made tiny
// here so that every file splits many times, across quotes, CRLF and a byte-order mark.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "compute/buckets.hpp"
#include "errors.hpp"

using namespace cxkpi;
using namespace cxkpi::cli;

namespace {

class TempFile {
 public:
  explicit TempFile(const std::string& text, const std::string& extension = ".csv")
      : path_(std::filesystem::temp_directory_path() /
              ("cxkpi_parallel_" + std::to_string(std::random_device{}()) + extension)) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::filesystem::remove(path_); }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

struct LogStyle {
  bool bom = false;
  bool crlf = false;
  bool quoted = false;           // every text field quoted, agent names with a comma
  bool quoted_newlines = false;  // some notes hold a newline inside quotes
};

// A deterministic call log over several days and channels.
std::string make_log(int rows, const LogStyle& style) {
  const std::string eol = style.crlf ? "\r\n" : "\n";
  std::string out = style.bom ? "\xEF\xBB\xBF" : "";
  out += "id,opened_at,channel,agent,answered,wait_s,talk_s,hold_s,wrap_s,csat,nps,note" + eol;
  std::mt19937 rng(7);
  const char* channels[] = {"voice", "chat", "email"};
  for (int i = 0; i < rows; ++i) {
    const bool answered = rng() % 10 != 0;
    const auto text = [&](const std::string& s) { return style.quoted ? "\"" + s + "\"" : s; };
    std::string note = style.quoted_newlines && i % 7 == 3 ? "\"line one\nline two, \"\"quoted\"\"\"" : "";
    out += std::to_string(i + 1) + "," +
           fmt::format("2026-03-{:02}T{:02}:{:02}:00Z", 1 + i * 5 / rows, (i / 60) % 24, i % 60);
    out += "," + text(channels[rng() % 3]) + "," + text(style.quoted ? "Lee, A" + std::to_string(rng() % 4) : "a1");
    out += "," + std::to_string(answered ? 1 : 0) + "," + std::to_string(rng() % 90);
    out += "," + (answered ? std::to_string(rng() % 600) : "0") + ",0," + std::to_string(rng() % 60);
    out += "," + (answered && rng() % 3 == 0 ? std::to_string(1 + rng() % 5) : "");
    out += "," + (rng() % 4 == 0 ? std::to_string(rng() % 11) : "") + "," + note + eol;
  }
  return out;
}

// The same kind of log as NDJSON, one object per line, some keys out of order or missing.
std::string make_ndjson(int rows) {
  std::string out;
  std::mt19937 rng(9);
  const char* channels[] = {"voice", "chat", "email"};
  for (int i = 0; i < rows; ++i) {
    const bool answered = rng() % 10 != 0;
    out += fmt::format(R"({{"id":{},"opened_at":"2026-03-{:02}T{:02}:{:02}:00Z","channel":"{}")", i + 1,
                       1 + i * 5 / rows, (i / 60) % 24, i % 60, channels[rng() % 3]);
    if (i % 5 != 0) out += fmt::format(R"(,"wait_s":{})", rng() % 90);
    out += fmt::format(R"(,"answered":{},"talk_s":{})", answered ? 1 : 0, answered ? rng() % 600 : 0);
    if (answered && rng() % 3 == 0) out += fmt::format(R"(,"csat":{})", 1 + rng() % 5);
    if (rng() % 4 == 0) out += fmt::format(R"(,"nps":{},"note":"a \"quoted\" word")", rng() % 11);
    out += i % 11 == 0 ? "}\r\n\n" : "}\n";  // CRLF and blank lines too
  }
  return out;
}

BucketTable read_logs(const std::vector<std::string>& paths, unsigned threads, bool skip = false,
                      Dedupe dedupe = Dedupe::off) {
  FileInputOptions input;
  input.files = paths;
  input.threads = threads;
  input.dedupe = dedupe;
  input.block_bytes = 256;
  input.errors.skip = skip;
  auto readers = open_inputs(input);
  BucketOptions options;
  options.by = BucketBy::day;
  options.group = {"channel"};
  return read_records(readers, input, options, RecordRules{});
}

BucketTable read_log(const std::string& path, unsigned threads, bool skip = false, Dedupe dedupe = Dedupe::off) {
  return read_logs({path}, threads, skip, dedupe);
}

// The log with row `row`'s id (1-based, as make_log numbers them) changed to `id`.
std::string with_id(std::string text, int row, const std::string& id) {
  const auto at = text.find("\n" + std::to_string(row) + ",") + 1;
  return text.replace(at, std::to_string(row).size(), id);
}

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

void require_same(const BucketTable& serial, const BucketTable& parallel) {
  REQUIRE(serial.buckets.size() == parallel.buckets.size());
  for (std::size_t b = 0; b < serial.buckets.size(); ++b) {
    REQUIRE(serial.buckets[b].period.label == parallel.buckets[b].period.label);
    REQUIRE(serial.buckets[b].groups == parallel.buckets[b].groups);
    for (const auto& f : kFields)
      REQUIRE(serial.buckets[b].sums.raw(f.field) == parallel.buckets[b].sums.raw(f.field));
  }
  for (const auto& f : kFields)
    REQUIRE(serial.total.raw(f.field) == parallel.total.raw(f.field));
  REQUIRE(serial.warnings == parallel.warnings);
}

}  // namespace

TEST_CASE("a CSV log read on several threads sums exactly as on one", "[records][parallel]") {
  const auto style = GENERATE(LogStyle{}, LogStyle{true, true, false, false}, LogStyle{false, false, true, false},
                              LogStyle{true, true, true, true});
  const TempFile log(make_log(3000, style));
  const auto serial = read_log(log.path(), 1);
  REQUIRE(serial.total.raw(Field::offered) == 3000);
  REQUIRE(serial.split_reads == 0);
  for (const unsigned threads : {2U, 3U, 8U}) {
    const auto parallel = read_log(log.path(), threads);
    require_same(serial, parallel);
    REQUIRE(parallel.split_reads == 1);  // blocks are never cut inside quotes
  }
}

TEST_CASE("a bad row read on several threads fails with the serial message", "[records][parallel]") {
  auto text = make_log(3000, {});
  const auto at = text.find("\n2001,");
  text.insert(text.find(',', text.find(",a1,", at) + 4) + 1, "x");  // wait_s of row 2001: "x12"
  const TempFile log(text);
  std::string serial_message;
  try {
    read_log(log.path(), 1);
  } catch (const Error& e) {
    serial_message = e.what();
  }
  REQUIRE(serial_message.find(":2002:") != std::string::npos);
  REQUIRE_THROWS_WITH(read_log(log.path(), 4), serial_message);
  require_same(read_log(log.path(), 1, true), read_log(log.path(), 4, true));
}

TEST_CASE("an NDJSON log read on several threads sums exactly as on one", "[records][parallel]") {
  const TempFile log(make_ndjson(3000), ".ndjson");
  const auto serial = read_log(log.path(), 1);
  REQUIRE(serial.total.raw(Field::offered) == 3000);
  for (const unsigned threads : {2U, 3U, 8U}) {
    const auto parallel = read_log(log.path(), threads);
    require_same(serial, parallel);
    REQUIRE(parallel.split_reads == 1);
  }
}

TEST_CASE("a bad NDJSON line read on several threads fails with the serial message", "[records][parallel]") {
  auto text = make_ndjson(3000);
  // talk_s of id 2001 becomes "abc" (the number moves to a key no metric reads)
  text.insert(text.find("\"talk_s\":", text.find("{\"id\":2001,")) + 9, "\"abc\",\"z\":");
  const TempFile log(text, ".ndjson");
  std::string serial_message;
  try {
    read_log(log.path(), 1);
  } catch (const Error& e) {
    serial_message = e.what();
  }
  REQUIRE(serial_message.find(":2183:") != std::string::npos);  // 182 blank lines come before id 2001
  REQUIRE_THROWS_WITH(read_log(log.path(), 4), serial_message);
  require_same(read_log(log.path(), 1, true), read_log(log.path(), 4, true));
}

TEST_CASE("a ragged row is skipped alike on one thread and on several", "[records][parallel]") {
  auto text = make_log(3000, {});
  text.insert(text.find('\n', text.find("\n2001,") + 1), ",extra");  // row 2001 gets a 13th field
  const TempFile log(text);
  REQUIRE_THROWS_WITH(read_log(log.path(), 1), Catch::EndsWith(":2002: row has 13 fields but the header has 12"));
  REQUIRE_THROWS_WITH(read_log(log.path(), 2), Catch::EndsWith(":2002: row has 13 fields but the header has 12"));
  const auto serial = read_log(log.path(), 1, true);
  REQUIRE(serial.total.raw(Field::offered) == 2999);
  REQUIRE(serial.warnings.back() == "skipped 1 bad row: row has 13 fields but the header has 12");
  for (const unsigned threads : {2U, 4U}) {
    const auto parallel = read_log(log.path(), threads, true);
    require_same(serial, parallel);
    REQUIRE(parallel.split_reads == 1);
  }
}

TEST_CASE("an NDJSON line that is not an object is skipped alike on one thread and on several", "[records][parallel]") {
  auto text = make_ndjson(3000);
  const auto row = text.find("{\"id\":2001,");
  text.replace(row, text.find('\n', row) - row, "{\"id\":2001,");  // cut short: not JSON
  const TempFile log(text, ".ndjson");
  const auto serial = read_log(log.path(), 1, true);
  REQUIRE(serial.total.raw(Field::offered) == 2999);
  for (const unsigned threads : {2U, 4U}) {
    const auto parallel = read_log(log.path(), threads, true);
    require_same(serial, parallel);
    REQUIRE(parallel.split_reads == 1);
  }
}

TEST_CASE("a repeated id fails alike on one thread and on several", "[records][parallel][ids]") {
  // Row 2500 takes id 17 (line 18), blocks away; row 40 takes id 39 (the row before it).
  for (const auto& [row, id, message] : {std::tuple{2500, "17", R"(:2501:1: id: "17" repeats line 18)"},
                                         std::tuple{40, "39", R"(:41:1: id: "39" repeats line 40)"}}) {
    const TempFile log(with_id(make_log(3000, {}), row, id));
    const auto serial = error_of([&] { read_log(log.path(), 1); });
    REQUIRE_THAT(serial, Catch::EndsWith(message));
    for (const unsigned threads : {2U, 4U})
      REQUIRE(error_of([&] { read_log(log.path(), threads); }) == serial);
  }
}

TEST_CASE("repeated ids are skipped or deduplicated alike on one thread and on several", "[records][parallel][ids]") {
  auto text = make_log(3000, {});
  for (const int row : {100, 1500, 1501, 2999})  // each takes the id of a row far before it
    text = with_id(text, row, std::to_string(row / 7));
  const TempFile log(text);
  for (const auto& [skip, dedupe] :
       {std::pair{true, Dedupe::off}, std::pair{false, Dedupe::first}, std::pair{false, Dedupe::last}}) {
    const auto serial = read_log(log.path(), 1, skip, dedupe);
    REQUIRE(serial.total.raw(Field::offered) == 2996);
    for (const unsigned threads : {2U, 4U})
      require_same(serial, read_log(log.path(), threads, skip, dedupe));
  }
  REQUIRE(read_log(log.path(), 1, true).warnings.back() ==
          "skipped 4 bad rows: id: repeats an earlier row's id (--dedupe first or last keeps one)");
  // first keeps rows 14, 214, 214 … (the first of each id); last keeps rows 100, 1500, …: the sums differ
  const auto first = read_log(log.path(), 2, false, Dedupe::first);
  const auto last = read_log(log.path(), 2, false, Dedupe::last);
  REQUIRE(first.warnings.back() == "--dedupe first: left out 4 rows whose id an earlier row has");
  REQUIRE(last.warnings.back() == "--dedupe last: left out 4 rows whose id a later row has");
  REQUIRE(first.total.raw(Field::talk_s) != last.total.raw(Field::talk_s));
}

TEST_CASE("an id repeated in a second input names both inputs", "[records][parallel][ids]") {
  const TempFile a(make_log(3000, {}));
  const TempFile b(with_id(make_log(3000, {}), 1, "3001"));  // ids 3001, 2, 3, …: 2 repeats a's line 3
  for (const unsigned threads : {1U, 3U})
    REQUIRE(error_of([&] {
              read_logs({a.path(), b.path()}, threads);
            }) == b.path() + R"(:3:1: id: "2" repeats )" + a.path() + ":3");
}

TEST_CASE("dedupe last keeps an id's last row that reads without error", "[records][parallel][ids]") {
  // Row 2500 takes id 17 and a bad wait_s: skipped, so row 17 is the last good row of id 17.
  auto text = with_id(make_log(3000, {}), 2500, "17");
  const auto row = text.find("\n17,", text.find("\n2499,"));
  text.insert(text.find(',', text.find(",a1,", row) + 4) + 1, "x");  // its wait_s: "x12"
  const TempFile log(text);
  for (const unsigned threads : {1U, 3U}) {
    const auto last = read_log(log.path(), threads, true, Dedupe::last);
    REQUIRE(last.total.raw(Field::offered) == 2999);
    REQUIRE(last.warnings.size() == 1);  // the bad row; nothing left out as a repeat
    require_same(read_log(log.path(), threads, true, Dedupe::first), last);
  }
}
