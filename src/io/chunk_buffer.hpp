#pragma once
// A growing window over an InputStream: readers parse `data()[pos…]` in place and ask for
// more only when a row does not fit, so no row object outlives its parse.

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "io/input.hpp"

namespace cxkpi::cli {

class ChunkBuffer {
 public:
  ChunkBuffer(InputStream in, std::string head) : in_(std::move(in)), buf_(std::move(head)), size_(buf_.size()) {}

  /// Drops bytes before `keep_from` and appends the next chunk. Returns how far the
  /// remaining bytes moved left (subtract it from saved offsets); sets eof() at the end.
  std::size_t refill(std::size_t keep_from) {
    if (in_.drained()) {  // a block in memory: nothing to add, so nothing to move or grow
      eof_ = true;
      return 0;
    }
    // The bytes past size_ are room kept from earlier refills: growing the string only when
    // a row outgrows it spares zeroing each chunk before it is read over.
    size_ -= keep_from;
    std::memmove(buf_.data(), buf_.data() + keep_from, size_);
    if (buf_.size() < size_ + kChunk) buf_.resize(size_ + kChunk);
    const auto n = in_.read(buf_.data() + size_, kChunk);
    size_ += n;
    eof_ = n == 0;
    return keep_from;
  }
  [[nodiscard]] bool eof() const { return eof_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] char* data() { return buf_.data(); }
  [[nodiscard]] const char* data() const { return buf_.data(); }
  [[nodiscard]] const std::string& name() const { return in_.name(); }
  [[nodiscard]] const InputStream& input() const { return in_; }
  [[nodiscard]] InputStream& input() { return in_; }
  /// The buffered bytes from `pos` on, moved out (the buffer is left empty).
  std::string take_from(std::size_t pos) {
    buf_.resize(size_);
    buf_.erase(0, pos);
    size_ = 0;
    return std::move(buf_);
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 18;
  InputStream in_;
  std::string buf_;
  std::size_t size_;  // the bytes of buf_ that hold input
  bool eof_ = false;
};

}  // namespace cxkpi::cli
