#pragma once
// Cuts a CSV byte stream (a file or a pipe, read front to back) into blocks of whole rows,
// so that blocks can be parsed on several threads and still add up to a serial read.
//
// A block ends just after a newline outside quotes. Whether a newline is outside quotes
// follows from the parity of the quotes before it: every quote toggles, as in the row scan
// (a doubled quote toggles twice), and each block starts outside quotes because the one
// before it ended there. So no cut ever falls inside a quoted field.

#include <cstddef>
#include <string>
#include <string_view>

#include "io/input.hpp"

namespace cxkpi::cli {

/// Where to cut `data` (which starts outside quotes): the position after its last newline
/// outside quotes, or 0 when it has none.
std::size_t after_last_row(std::string_view data);

/// Whole rows of a stream, in order, in blocks of about `block_bytes`.
class RowBlocks {
 public:
  struct Block {
    std::string bytes;
    std::size_t first_line = 1;  // the line number of its first byte
  };

  /// `head` holds bytes already read from `in` that come before the rest of it; `line` is the
  /// line number of head's first byte.
  RowBlocks(InputStream& in, std::string head, std::size_t line, std::size_t block_bytes);

  /// The next block into `out` (its buffer is reused); false at the end of input.
  bool next(Block& out);

 private:
  InputStream& in_;
  std::string carry_;  // bytes read past the last cut
  std::size_t line_;
  std::size_t block_bytes_;
  bool eof_ = false;
};

}  // namespace cxkpi::cli
