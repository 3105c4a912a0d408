#pragma once
// Cuts a CSV byte stream (a file or a pipe, read front to back) into blocks of whole rows,
// so that blocks can be parsed on several threads and still add up to a serial read.
//
// A block ends just after a newline outside quotes. Whether a newline is outside quotes
// follows from the parity of the quotes before it: every quote toggles, as in the row scan
// (a doubled quote toggles twice), and each block starts outside quotes because the one
// before it ended there. So no cut ever falls inside a quoted field.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/input.hpp"
#include "io/table.hpp"

namespace cxkpi::cli {

/// Where to cut `data` (which starts outside quotes): the position after its last newline
/// outside quotes, or 0 when it has none.
std::size_t after_last_row(std::string_view data);

/// What a row ends with in an input that is cut into blocks.
enum class RowEnds {
  newline_outside_quotes,  // CSV: a quoted field may hold newlines
  any_newline,             // NDJSON: a newline in a JSON string is always escaped
};

/// An allocator that leaves new chars unset, so that growing a buffer read() is about to fill
/// does not first write zeros over it (std::string's resize would).
template <class T>
struct UnsetAllocator : std::allocator<T> {
  template <class U>
  struct rebind {  // NOLINT(readability-identifier-naming): the name std::allocator_traits looks for
    using other = UnsetAllocator<U>;
  };
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using ByteBuffer = std::vector<char, UnsetAllocator<char>>;

/// Whole rows of a stream, in order, in blocks of about `block_bytes`.
class RowBlocks {
 public:
  struct Block {
    ByteBuffer bytes;
    std::size_t first_line = 1;  // the line number of its first byte
    [[nodiscard]] std::string_view text() const { return {bytes.data(), bytes.size()}; }
  };

  /// `head` holds bytes already read from `in` that come before the rest of it; `line` is the
  /// line number of head's first byte.
  RowBlocks(InputStream& in, std::string head, std::size_t line, std::size_t block_bytes, RowEnds ends);

  /// The next block into `out` (its buffer is reused); false at the end of input.
  bool next(Block& out);

 private:
  [[nodiscard]] std::size_t cut_of(std::string_view data) const;

  InputStream& in_;
  ByteBuffer carry_;  // bytes read past the last cut
  std::size_t line_;
  std::size_t block_bytes_;
  RowEnds ends_;
  bool eof_ = false;
};

/// A reader whose remaining rows can be read in blocks by readers of their own (CSV and
/// NDJSON readers are).
class BlockSource {
 public:
  virtual ~BlockSource() = default;
  /// The input not read yet: the bytes buffered past the rows already returned (the rest is
  /// still in input()) and the line they start on. The reader returns no more rows.
  struct Rest {
    std::string head;
    std::size_t line = 1;
  };
  virtual Rest take_rest() = 0;
  virtual InputStream& input() = 0;
  [[nodiscard]] virtual RowEnds row_ends() const = 0;
  /// A reader of `block`, rows cut from this input (it copies them), whose first byte is on
  /// line `first_line`. Safe to call from several threads at once.
  [[nodiscard]] virtual std::unique_ptr<TableReader> block_reader(std::string_view block,
                                                                  std::size_t first_line) const = 0;
};

}  // namespace cxkpi::cli
