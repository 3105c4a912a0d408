#pragma once
// A growing window over an InputStream: readers parse `data()[pos…]` in place and ask for
// more only when a row does not fit, so no row object outlives its parse.

#include <cstddef>
#include <string>
#include <string_view>

#include "io/input.hpp"

namespace cxkpi::cli {

class ChunkBuffer {
 public:
  ChunkBuffer(InputStream in, std::string head) : in_(std::move(in)), buf_(std::move(head)) {}

  /// Drops bytes before `keep_from` and appends the next chunk. Returns how far the
  /// remaining bytes moved left (subtract it from saved offsets); sets eof() at the end.
  std::size_t refill(std::size_t keep_from) {
    if (in_.drained()) {  // a block in memory: nothing to add, so nothing to move or grow
      eof_ = true;
      return 0;
    }
    buf_.erase(0, keep_from);
    const auto old_size = buf_.size();
    buf_.resize(old_size + kChunk);
    const auto n = in_.read(buf_.data() + old_size, kChunk);
    buf_.resize(old_size + n);
    eof_ = n == 0;
    return keep_from;
  }
  [[nodiscard]] bool eof() const { return eof_; }
  [[nodiscard]] std::size_t size() const { return buf_.size(); }
  [[nodiscard]] char* data() { return buf_.data(); }
  [[nodiscard]] const char* data() const { return buf_.data(); }
  [[nodiscard]] const std::string& name() const { return in_.name(); }
  [[nodiscard]] const InputStream& input() const { return in_; }
  [[nodiscard]] InputStream& input() { return in_; }
  /// The buffered bytes from `pos` on, moved out (the buffer is left empty).
  std::string take_from(std::size_t pos) {
    buf_.erase(0, pos);
    return std::move(buf_);
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 18;
  InputStream in_;
  std::string buf_;
  bool eof_ = false;
};

}  // namespace cxkpi::cli
