#include "io/row_blocks.hpp"

#include <algorithm>
#include <cstring>

#include "io/csv_scan.hpp"

namespace cxkpi::cli {

std::size_t after_last_row(std::string_view data) {
  // Quotes after a candidate newline decide its side: an even number of quotes before it
  // (all quotes minus those after) puts it outside.
  const auto all_quotes = count_quotes_and_newlines(data).quotes;
  std::size_t quotes_after = 0;
  std::size_t end = data.size();
  while (end > 0) {
    const void* hit = ::memrchr(data.data(), '\n', end);
    if (hit == nullptr) return 0;
    const auto newline = static_cast<std::size_t>(static_cast<const char*>(hit) - data.data());
    quotes_after += static_cast<std::size_t>(std::count(data.begin() + static_cast<std::ptrdiff_t>(newline),
                                                        data.begin() + static_cast<std::ptrdiff_t>(end), '"'));
    if ((all_quotes - quotes_after) % 2 == 0) return newline + 1;
    end = newline;
  }
  return 0;
}

RowBlocks::RowBlocks(InputStream& in, std::string head, std::size_t line, std::size_t block_bytes, RowEnds ends)
    : in_(in),
      carry_(head.begin(), head.end()),
      line_(line),
      block_bytes_(std::max<std::size_t>(block_bytes, 1)),
      ends_(ends) {}

std::size_t RowBlocks::cut_of(std::string_view data) const {
  if (ends_ == RowEnds::newline_outside_quotes) return after_last_row(data);
  const void* newline = ::memrchr(data.data(), '\n', data.size());
  return newline == nullptr ? 0 : static_cast<std::size_t>(static_cast<const char*>(newline) - data.data()) + 1;
}

bool RowBlocks::next(Block& out) {
  out.bytes.swap(carry_);
  carry_.clear();
  std::size_t cut = 0;
  for (;;) {
    if (eof_) {
      cut = out.bytes.size();  // the rest, whole or not: its reader reports what is wrong
      break;
    }
    if (out.bytes.size() >= block_bytes_) {
      cut = cut_of(out.text());
      if (cut != 0) break;
      // No row end for longer than a row may be: hand it on, and its reader says so.
      if (out.bytes.size() > kMaxRowBytes + block_bytes_) {
        cut = out.bytes.size();
        break;
      }
    }
    // A pipe gives 64 KiB or so a read: fill the whole block before resizing back.
    const auto old_size = out.bytes.size();
    out.bytes.resize(old_size + block_bytes_);
    std::size_t got = 0;
    while (got < block_bytes_ && !eof_) {
      const auto n = in_.read(out.bytes.data() + old_size + got, block_bytes_ - got);
      got += n;
      eof_ = n == 0;
    }
    out.bytes.resize(old_size + got);
  }
  if (cut == 0) return false;
  carry_.assign(out.bytes.begin() + static_cast<std::ptrdiff_t>(cut), out.bytes.end());
  out.bytes.resize(cut);
  out.first_line = line_;
  line_ += count_quotes_and_newlines(out.text()).newlines;
  return true;
}

}  // namespace cxkpi::cli
