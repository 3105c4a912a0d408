// Cutting input into blocks of whole rows: every cut is after a newline outside quotes, the
// blocks put together are the input, and each knows its first line. The SIMD counts agree
// with a byte loop.
#include "io/row_blocks.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "io/csv_scan.hpp"

using namespace cxkpi::cli;

namespace {

// Random text dense in quotes, commas and newlines.
std::string random_text(std::mt19937& rng, std::size_t size) {
  static constexpr std::string_view kAlphabet = "ab,\"\n\r1 ";
  std::string text(size, ' ');
  for (auto& c : text)
    c = kAlphabet[rng() % kAlphabet.size()];
  return text;
}

bool outside_quotes_before(std::string_view text, std::size_t position) {
  return std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(position), '"') % 2 == 0;
}

}  // namespace

TEST_CASE("a block is cut after the last newline outside quotes", "[blocks]") {
  CHECK(after_last_row("a,b\nc,d\n") == 8);
  CHECK(after_last_row("a,b\nc,d") == 4);
  CHECK(after_last_row("a,\"b\nc\"\nd") == 8);  // the quoted newline is not a row end
  CHECK(after_last_row("a,\"b\"\"c\"\nd,\"e\nf") == 9);
  CHECK(after_last_row("a,\"b\nc") == 0);
  CHECK(after_last_row("no newline") == 0);
  CHECK(after_last_row("") == 0);
}

TEST_CASE("blocks put together are the input, cut only at row ends, with their first lines", "[blocks]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    const auto text = random_text(rng, rng() % 3000);
    const std::size_t block_bytes = 1 + rng() % 200;
    const auto ends = round % 2 == 0 ? RowEnds::newline_outside_quotes : RowEnds::any_newline;
    auto in = InputStream::from_memory("t.csv", text.substr(text.size() / 3));
    RowBlocks blocks(in, text.substr(0, text.size() / 3), 5, block_bytes, ends);
    std::string joined;
    for (RowBlocks::Block b; blocks.next(b);) {
      REQUIRE(b.first_line == 5 + static_cast<std::size_t>(std::count(joined.begin(), joined.end(), '\n')));
      joined += b.text();
      if (joined.size() < text.size()) {
        REQUIRE(joined.back() == '\n');
        if (ends == RowEnds::newline_outside_quotes) REQUIRE(outside_quotes_before(joined, joined.size() - 1));
      }
    }
    REQUIRE(joined == text);
  }
}

TEST_CASE("every kernel counts quotes and newlines as a byte loop does", "[blocks][scan]") {
  std::mt19937 rng(5);
  for (int round = 0; round < 100; ++round) {
    const auto text = random_text(rng, rng() % 1000);
    const auto quotes = static_cast<std::size_t>(std::count(text.begin(), text.end(), '"'));
    const auto newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    for (const auto kernel : supported_scan_kernels()) {
      INFO(kernel_name(kernel));
      const auto counts = count_quotes_and_newlines_with(kernel, text);
      REQUIRE(counts.quotes == quotes);
      REQUIRE(counts.newlines == newlines);
    }
  }
}
