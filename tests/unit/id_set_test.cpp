// IdSet against a plain map of id text → place: the same answers for every kind of id
// (numbers in a row, numbers in any order, "7" beside "07", short and long texts), also when
// every long id has the same hash, when blocks are absorbed in order, and when the last row
// of an id wins.
#include "compute/id_set.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

using cxkpi::cli::IdSet;
using cxkpi::cli::RowPlace;

namespace {

// Ids of every shape, with repeats: runs of numbers, shuffled numbers, leading zeros, short
// and long texts; some ids come back later.
std::vector<std::string> mixed_ids(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> ids;
  std::uint64_t counter = 1000;
  while (ids.size() < n) {
    switch (rng() % 6) {
      case 0:  // a stretch of numbers one apart
        for (auto k = rng() % 40; k > 0; --k)
          ids.push_back(std::to_string(counter++));
        break;
      case 1:
        ids.push_back(std::to_string(rng() % 5000));
        break;
      case 2:
        ids.push_back("0" + std::to_string(rng() % 50));
        break;  // "07" is not "7"
      case 3:
        ids.push_back("c" + std::to_string(rng() % 300));
        break;
      case 4:
        ids.push_back("conversation-" + std::to_string(rng() % 3000) + "-uuid-like-text");
        break;
      default:  // an id seen before, if any
        if (!ids.empty()) ids.push_back(ids[rng() % ids.size()]);
    }
  }
  ids.resize(n);
  return ids;
}

// Rows on consecutive lines of two inputs, so that runs of numbers also run in lines.
RowPlace place_of(std::size_t i, std::size_t n) {
  return {i < n / 2 ? 0U : 1U, static_cast<std::uint64_t>(i < n / 2 ? i + 2 : i - n / 2 + 2)};
}

std::uint64_t one_hash(std::string_view) {
  return 42;  // every long id collides with every other
}

void require_first_places(IdSet::Hash hash) {
  const auto ids = mixed_ids(20000, 5);
  IdSet set(hash);
  std::map<std::string, RowPlace> first;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto place = place_of(i, ids.size());
    const auto it = first.find(ids[i]);
    const auto earlier = set.insert(ids[i], place);
    REQUIRE(earlier.has_value() == (it != first.end()));
    if (it != first.end())
      REQUIRE(*earlier == it->second);
    else
      first.emplace(ids[i], place);
  }
  for (const auto& [id, place] : first)
    REQUIRE(set.find(id) == place);
  REQUIRE_FALSE(set.find("never-seen-id-of-some-length"));
  REQUIRE_FALSE(set.find("999999999"));
}

}  // namespace

TEST_CASE("an id is found again exactly when its text is the same", "[ids]") {
  require_first_places(IdSet::default_hash);
}

TEST_CASE("ids that share a hash are still told apart by their text", "[ids]") {
  require_first_places(one_hash);
}

TEST_CASE("blocks absorbed in order give the places of reading row by row", "[ids]") {
  const auto hash = GENERATE(IdSet::default_hash, one_hash);
  const auto ids = mixed_ids(20000, 9);
  IdSet whole(hash);
  std::map<std::string, RowPlace> first;
  for (std::size_t start = 0; start < ids.size(); start += 700) {
    IdSet block(hash);
    bool repeats_earlier = false;
    for (std::size_t i = start; i < std::min(ids.size(), start + 700); ++i) {
      block.insert(ids[i], place_of(i, ids.size()));  // a repeat within the block keeps its first
      repeats_earlier |= first.contains(ids[i]);
    }
    for (std::size_t i = start; i < std::min(ids.size(), start + 700); ++i)
      first.emplace(ids[i], place_of(i, ids.size()));
    REQUIRE(whole.absorb(std::move(block)) == repeats_earlier);
  }
  for (const auto& [id, place] : first)
    REQUIRE(whole.find(id) == place);
}

TEST_CASE("assign keeps the last place of each id, over runs too", "[ids]") {
  const auto hash = GENERATE(IdSet::default_hash, one_hash);
  auto ids = mixed_ids(20000, 11);
  for (int k = 0; k < 500; ++k)  // numbers of earlier runs come again
    ids.push_back(std::to_string(1000 + k * 3));
  IdSet set(hash);
  std::map<std::string, RowPlace> last;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    set.assign(ids[i], place_of(i, ids.size()));
    last[ids[i]] = place_of(i, ids.size());
  }
  for (const auto& [id, place] : last)
    REQUIRE(set.find(id) == place);
}

TEST_CASE("ids numbered one per line take no memory per id", "[ids]") {
  IdSet set;
  IdSet blocks;
  for (std::uint64_t i = 1; i <= 1'000'000; ++i)
    REQUIRE_FALSE(set.insert(std::to_string(i), {0, i + 1}));
  for (std::uint64_t start = 1; start <= 1'000'000; start += 25'000) {  // as blocks on other threads
    IdSet block;
    for (auto i = start; i < start + 25'000; ++i)
      block.insert(std::to_string(i), {0, i + 1});
    REQUIRE_FALSE(blocks.absorb(std::move(block)));
  }
  for (auto* s : {&set, &blocks}) {
    REQUIRE(s->size() == 1'000'000);
    REQUIRE(s->bytes() < 1024);
    REQUIRE(s->find("500000") == RowPlace{0, 500001});
    REQUIRE(s->insert("1", {1, 2}) == RowPlace{0, 2});  // the same ids in a second input
  }
}

TEST_CASE("a run of numbered ids that climbs into ids held before finds them", "[ids]") {
  // Lines 2-11 hold ids 10..19 (a run), line 12 a text; from line 13 on, ids count 1, 2, 3 …
  // one per line, each the open run's next id, until 10 on line 22 meets the earlier run.
  IdSet set;
  std::uint64_t line = 2;
  for (std::uint64_t id = 10; id < 20; ++id)
    REQUIRE_FALSE(set.insert(std::to_string(id), {0, line++}));
  REQUIRE_FALSE(set.insert("x", {0, line++}));
  for (std::uint64_t id = 1; id < 10; ++id)
    REQUIRE_FALSE(set.insert(std::to_string(id), {0, line++}));
  REQUIRE(set.insert("10", {0, line}) == RowPlace{0, 2});
  IdSet table_first;  // a whole number kept in the table, above the open run
  REQUIRE_FALSE(table_first.insert("7", {0, 2}));
  REQUIRE_FALSE(table_first.insert("z", {0, 3}));
  for (std::uint64_t id = 3, at = 4; id < 7; ++id, ++at)
    REQUIRE_FALSE(table_first.insert(std::to_string(id), {0, at}));
  REQUIRE(table_first.insert("7", {0, 8}) == RowPlace{0, 2});
}

TEST_CASE("numbered ids stay exact where their number of digits grows", "[ids]") {
  IdSet set;
  std::uint64_t line = 2;
  for (std::uint64_t id = 1; id <= 1000; ++id)  // 9 → 10, 99 → 100, 999 → 1000
    REQUIRE_FALSE(set.insert(std::to_string(id), {0, line++}));
  REQUIRE(set.insert("100", {0, line++}) == RowPlace{0, 101});
  REQUIRE(set.insert("1000", {0, line++}) == RowPlace{0, 1001});
  REQUIRE_FALSE(set.insert("0100", {0, line++}));  // not the number 100
  // The largest whole-number key has 18 digits; the next id is read as text, and still found.
  IdSet big;
  line = 2;
  for (std::uint64_t id = 999'999'999'999'999'990; id <= 999'999'999'999'999'999; ++id)
    REQUIRE_FALSE(big.insert(std::to_string(id), {0, line++}));
  REQUIRE_FALSE(big.insert("1000000000000000000", {0, line++}));
  REQUIRE_FALSE(big.insert("1000000000000000001", {0, line++}));
  REQUIRE(big.insert("1000000000000000000", {0, line++}) == RowPlace{0, 12});
  REQUIRE(big.insert("999999999999999995", {0, line++}) == RowPlace{0, 7});
}
