// Every row-scanning kernel this processor runs agrees with a byte-by-byte reference on
// random text dense in quotes, delimiters and newlines, from every start offset.
#include "io/csv_scan.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace cxkpi::cli;

namespace {

struct Scan {
  std::size_t end;
  RowScanState state;
  std::vector<std::size_t> delimiters;
};

// The definition, one byte at a time: a quote toggles quoting; outside quotes a delimiter is
// recorded and a newline ends the row.
Scan reference(const std::string& text, std::size_t from, char delimiter, RowScanState state) {
  Scan out{text.size(), state, {}};
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '"') {
      out.state.in_quotes = !out.state.in_quotes;
      out.state.saw_quote = true;
      ++out.state.quotes;
    } else if (out.state.in_quotes && text[i] == '\n') {
      out.state.quoted_newline = true;
    } else if (!out.state.in_quotes && text[i] == delimiter) {
      out.delimiters.push_back(i);
    } else if (!out.state.in_quotes && text[i] == '\n') {
      out.end = i;
      break;
    }
  }
  return out;
}

std::string random_text(std::mt19937& rng, std::size_t size, char delimiter) {
  const std::string alphabet = std::string("ab1 \r\n\"\"") + delimiter + delimiter + "xyz\t;";
  std::string text(size, ' ');
  // Long runs without newlines too, so rows cross many 64-byte blocks.
  const bool sparse = rng() % 2 == 0;
  for (auto& c : text) {
    c = alphabet[rng() % alphabet.size()];
    if (sparse && c == '\n' && rng() % 8 != 0) c = 'q';
  }
  return text;
}

}  // namespace

TEST_CASE("row-scanning kernels agree with the byte-by-byte definition", "[csv][simd]") {
  std::mt19937 rng(11);
  const auto kernels = supported_scan_kernels();
  REQUIRE(kernels.front() == ScanKernel::scalar);
  for (int round = 0; round < 300; ++round) {
    const char delimiter = round % 3 == 0 ? '\t' : ',';
    const auto text = random_text(rng, 1 + rng() % 400, delimiter);
    const std::size_t from = rng() % text.size();
    const RowScanState start{rng() % 2 == 0, false, 0, false};
    const auto expected = reference(text, from, delimiter, start);
    for (const auto kernel : kernels) {
      INFO("kernel " << kernel_name(kernel) << ", round " << round << ", from " << from);
      auto state = start;
      std::vector<std::size_t> delimiters;
      const auto end = scan_row_with(kernel, text.data(), from, text.size(), delimiter, state, delimiters);
      REQUIRE(end == expected.end);
      REQUIRE(delimiters == expected.delimiters);
      REQUIRE(state.saw_quote == expected.state.saw_quote);
      REQUIRE(state.quotes == expected.state.quotes);
      REQUIRE(state.quoted_newline == expected.state.quoted_newline);
      if (end == text.size()) REQUIRE(state.in_quotes == expected.state.in_quotes);
    }
  }
}

TEST_CASE("scan_row uses the widest kernel the processor has", "[csv][simd]") {
  const std::string row = "a,\"b,\n\",c\nnext";
  RowScanState state;
  std::vector<std::size_t> delimiters;
  REQUIRE(scan_row(row.data(), 0, row.size(), ',', state, delimiters) == 9);
  REQUIRE(delimiters == std::vector<std::size_t>{1, 7});
  REQUIRE(state.saw_quote);
  INFO("kernels: " << supported_scan_kernels().size());
  REQUIRE(supported_scan_kernels().size() >= 1);
}
