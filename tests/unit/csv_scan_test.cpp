// Every indexing kernel this processor runs agrees with a byte-by-byte reference on random
// text dense in quotes, delimiters and newlines, from every start offset and in windows of
// any size (so the quote state is carried across calls).
#include "io/csv_scan.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace cxkpi::cli;

namespace {

struct Structure {
  std::vector<std::size_t> breaks, newlines, quotes, quoted_newlines;
  bool in_quotes = false;
  bool operator==(const Structure&) const = default;
};

// The definition, one byte at a time: a quote toggles quoting; outside quotes delimiters and
// newlines are breaks (newlines end rows); inside quotes a newline is part of a field.
Structure reference(const std::string& text, std::size_t from, char delimiter, bool in_quotes) {
  Structure out;
  out.in_quotes = in_quotes;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '"') {
      out.in_quotes = !out.in_quotes;
      out.quotes.push_back(i);
    } else if (text[i] == '\n' && out.in_quotes) {
      out.quoted_newlines.push_back(i);
    } else if (text[i] == '\n') {
      out.breaks.push_back(i);
      out.newlines.push_back(i);
    } else if (text[i] == delimiter && !out.in_quotes) {
      out.breaks.push_back(i);
    }
  }
  return out;
}

std::vector<std::size_t> listed(const Offsets& offsets) {
  return {offsets.data(), offsets.data() + offsets.size()};
}

// Indexes text[from, size) with `kernel` in windows cut at random places.
Structure indexed(ScanKernel kernel, const std::string& text, std::size_t from, char delimiter, bool in_quotes,
                  std::mt19937& rng) {
  CsvStructure index;
  index.in_quotes = in_quotes;
  while (from < text.size()) {
    const std::size_t to = std::min(text.size(), from + 1 + rng() % 200);
    index_csv_with(kernel, text.data(), from, to, delimiter, index);
    from = to;
  }
  return {listed(index.breaks), listed(index.newlines), listed(index.quotes), listed(index.quoted_newlines),
          index.in_quotes};
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

TEST_CASE("indexing kernels agree with the byte-by-byte definition", "[csv][simd]") {
  std::mt19937 rng(11);
  const auto kernels = supported_scan_kernels();
  REQUIRE(kernels.front() == ScanKernel::scalar);
  for (int round = 0; round < 300; ++round) {
    const char delimiter = round % 3 == 0 ? '\t' : ',';
    const auto text = random_text(rng, 1 + rng() % 400, delimiter);
    const std::size_t from = rng() % text.size();
    const bool in_quotes = rng() % 2 == 0;
    const auto expected = reference(text, from, delimiter, in_quotes);
    for (const auto kernel : kernels) {
      INFO("kernel " << kernel_name(kernel) << ", round " << round << ", from " << from);
      REQUIRE(indexed(kernel, text, from, delimiter, in_quotes, rng) == expected);
    }
  }
}

TEST_CASE("index_csv uses the widest kernel the processor has", "[csv][simd]") {
  const std::string rows = "a,\"b,\n\",c\nnext";
  CsvStructure index;
  index_csv(rows.data(), 0, rows.size(), ',', index);
  REQUIRE(listed(index.breaks) == std::vector<std::size_t>{1, 7, 9});
  REQUIRE(listed(index.newlines) == std::vector<std::size_t>{9});
  REQUIRE(listed(index.quotes) == std::vector<std::size_t>{2, 6});
  REQUIRE(listed(index.quoted_newlines) == std::vector<std::size_t>{5});
  INFO("kernels: " << supported_scan_kernels().size());
  REQUIRE(supported_scan_kernels().size() >= 1);
}
