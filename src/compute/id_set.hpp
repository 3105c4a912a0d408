#pragma once
// IdSet: the ids of a record log seen so far, each with the place of its row, exactly: an id
// is found again only when its text is byte for byte the same, never because two ids share a
// hash. It serves the check for repeated ids (METRICS.md: a duplicate id is an error) and
// --dedupe.
//
// Memory follows what the ids look like, not only how many there are:
// - whole numbers that go up by one from row to row (1, 2, 3 … on lines 2, 3, 4 …, as most
//   exports number their contacts) are kept as runs: one run per stretch, whatever its length;
// - any other id takes a slot of 16 bytes in an open-addressing table (at most 70 % full):
//   whole numbers below 2^62 and texts of up to 7 bytes are their own 64-bit key, so two
//   different ids never meet in it;
// - a longer id is keyed by a 64-bit hash of its text and its text is kept too, so that two
//   different ids with the same hash are told apart (the rare second one is kept by text).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cxkpi::cli {

/// Where a row is: which input of the run (0 for the first file named), and its line (or,
/// in a JSON array, its element number from 1).
struct RowPlace {
  std::uint32_t input = 0;
  std::uint64_t row = 0;
  friend bool operator==(const RowPlace&, const RowPlace&) = default;
};

class IdSet {
 public:
  /// The hash of a long id. Sets that absorb one another share theirs; tests give a poor one
  /// to make different ids meet.
  using Hash = std::uint64_t (*)(std::string_view);
  static std::uint64_t default_hash(std::string_view id);
  explicit IdSet(Hash hash = default_hash) : hash_(hash) {}

  /// Remembers `id` at `place` when it is new; when it is not, returns the place it was
  /// remembered at (which stays).
  std::optional<RowPlace> insert(std::string_view id, RowPlace place);
  /// Sets `id`'s place, new or not: the last row of an id wins.
  void assign(std::string_view id, RowPlace place);
  /// The place remembered for `id`.
  [[nodiscard]] std::optional<RowPlace> find(std::string_view id) const;
  /// Adds every id of `later`, a set of rows that come after all of this one's: each new id
  /// with its place, each one already here keeping its earlier place. Returns whether some
  /// id of `later` was already here.
  bool absorb(IdSet&& later);

  /// Entries held: the ids, and under assign an id's later place beside a run's.
  [[nodiscard]] std::size_t size() const;
  /// Bytes held, for the tests and the benchmark's account of the cost.
  [[nodiscard]] std::size_t bytes() const;

 private:
  // A key of 64 bits: the id itself when it fits (a whole number, or a short text, each with
  // a tag in the top bits so that "7" and "07" differ), else a hash of it with the top bit set.
  struct Key {
    std::uint64_t bits = 0;
    [[nodiscard]] bool hashed() const { return (bits >> 63) != 0; }
    [[nodiscard]] bool whole() const { return (bits >> 62) == 0; }
  };
  [[nodiscard]] Key key_of(std::string_view id) const;
  static std::uint64_t pack(RowPlace place);
  static RowPlace unpack(std::uint64_t packed);

  // Ids that are whole numbers, one more on each row: first id, first row's place, length.
  struct Run {
    std::uint64_t first = 0;
    std::uint64_t place = 0;  // packed; row k of the run is at place + k
    std::uint64_t length = 0;
    [[nodiscard]] bool holds(std::uint64_t id) const { return id - first < length; }
    [[nodiscard]] bool extended_by(std::uint64_t id, std::uint64_t at) const {
      return length > 0 && id == first + length && at == place + length;
    }
  };

  // Open addressing with linear probing: key → value (a packed place, or for a hashed key the
  // index of its text in texts_).
  class Table {
   public:
    [[nodiscard]] const std::uint64_t* find(std::uint64_t key) const;
    [[nodiscard]] std::uint64_t* find(std::uint64_t key);
    /// The value slot of `key`, and whether it was added (with `value`) just now.
    std::pair<std::uint64_t*, bool> emplace(std::uint64_t key, std::uint64_t value);
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::size_t capacity() const { return keys_.size(); }
    template <typename Visit>
    void for_each(Visit&& visit) const {
      for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] != kEmpty) visit(keys_[i], values_[i]);
    }
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

   private:
    [[nodiscard]] std::size_t slot_of(std::uint64_t key) const;
    void grow();
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint64_t> values_;
    std::size_t size_ = 0;
  };

  struct Text {
    std::uint64_t place = 0;  // packed
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
  };

  [[nodiscard]] std::optional<std::uint64_t> lookup(std::string_view id, Key key) const;
  [[nodiscard]] std::optional<std::uint64_t> lookup_run(std::uint64_t id) const;
  [[nodiscard]] bool extends_open_run(Key key, std::uint64_t place) const;
  void add_new(std::string_view id, Key key, std::uint64_t place);
  void add_to_table(std::string_view id, Key key, std::uint64_t place);
  void replace(std::string_view id, Key key, std::uint64_t place);
  [[nodiscard]] std::string_view text(const Text& t) const { return {arena_.data() + t.offset, t.size}; }
  [[nodiscard]] bool may_hold_any(const Run& run) const;
  void expect_next_of_open_run();
  void close_open_run();
  bool absorb_run(const Run& run);
  bool absorb_entry(std::string_view id, Key key, std::uint64_t place);

  static constexpr std::uint64_t kMinRunLength = 4;  // shorter runs go to the table
  Hash hash_;
  Run open_;  // the run being extended, row by row
  // The text of the id that would extend the open run (its next number, in decimal), kept
  // only while that id is above every other whole number held: a row whose id is this text,
  // on the run's next row, extends the run with one comparison instead of a parse.
  std::string next_text_;
  std::map<std::uint64_t, Run> runs_;  // closed runs by first id
  Table table_;
  std::uint64_t least_whole_ = ~std::uint64_t{0};  // the range of whole-number keys in the table
  std::uint64_t most_whole_ = 0;
  std::vector<Text> texts_;                                  // the ids behind hashed keys
  std::string arena_;                                        // their bytes
  std::unordered_map<std::string, std::uint64_t> collided_;  // an id whose hash another id has
};

}  // namespace cxkpi::cli
