#pragma once
// Where a CSV's structure is, 64 bytes at a time.
//
// Each 64-byte block becomes three bit masks (quotes, delimiters, newlines); a prefix XOR of
// the quote mask marks the bytes inside quotes, so quoted delimiters and newlines drop out
// without a branch per byte. The masks come from the widest instructions the processor has
// (AVX-512BW, AVX2 or SSE2, chosen once at run time), or from a plain loop elsewhere; the
// rest is shared, so every kernel gives the same answer.
//
// A reader indexes a window of many rows in one pass (the offsets of every delimiter and
// newline outside quotes, in order) and then cuts rows and fields from that list, so each
// byte is looked at once and a row costs a few instructions per field.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace cxkpi::cli {

enum class ScanKernel { scalar, sse2, avx2, avx512 };

/// A list of byte offsets that grows without a capacity check per element: room is made
/// for a whole window before it is indexed.
class Offsets {
 public:
  /// Room for `more` offsets, and for push_bits' writes past the end.
  void make_room(std::size_t more);
  void push(std::size_t offset) { data_[size_++] = offset; }
  /// Appends base + the index of each set bit of `bits`, in order. Writes four at a time
  /// whether or not the bits run out, so the loop branches once per four offsets.
  [[gnu::always_inline]] void push_bits(std::size_t base, std::uint64_t bits) {
    std::size_t* out = data_.get() + size_;
    const auto count = static_cast<std::size_t>(std::popcount(bits));
    const auto next = [&bits, base] {
      const auto offset = base + static_cast<std::size_t>(std::countr_zero(bits));
      bits &= bits - 1;
      return offset;
    };
    for (std::size_t i = 0; i < count; i += 4, out += 4) {
      out[0] = next();
      out[1] = next();
      out[2] = next();
      out[3] = next();
    }
    size_ += count;
  }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const std::size_t* data() const { return data_.get(); }
  [[nodiscard]] std::size_t operator[](std::size_t i) const { return data_[i]; }
  [[nodiscard]] std::span<const std::size_t> view(std::size_t from, std::size_t to) const {
    return {data_.get() + from, to - from};
  }
  /// Drops the first `count` offsets and subtracts `shift` from the others.
  void drop_front(std::size_t count, std::size_t shift);
  void clear() { size_ = 0; }

 private:
  std::unique_ptr<std::size_t[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// The structure of the bytes indexed so far.
struct CsvStructure {
  Offsets breaks;           ///< every delimiter and newline outside quotes, in order
  Offsets newlines;         ///< every newline outside quotes (the ends of rows)
  Offsets quotes;           ///< every quote (rare: most rows have none)
  Offsets quoted_newlines;  ///< every newline inside quotes (rows that span lines)
  bool in_quotes = false;   ///< whether the byte after the last one indexed is inside quotes

  void clear() {
    breaks.clear();
    newlines.clear();
    quotes.clear();
    quoted_newlines.clear();
    in_quotes = false;
  }
  /// Drops what lies before `keep_from` and moves the rest `shift` bytes left.
  void drop_before(std::size_t keep_from, std::size_t shift);
};

/// Appends the structure of data[from, to) to `out`, carrying out.in_quotes.
void index_csv(const char* data, std::size_t from, std::size_t to, char delimiter, CsvStructure& out);
/// The same with a given kernel (tests compare them all); the kernel must be supported.
void index_csv_with(ScanKernel kernel, const char* data, std::size_t from, std::size_t to, char delimiter,
                    CsvStructure& out);

/// How many quotes and newlines `data` holds (for cutting input into blocks of rows).
struct ByteCounts {
  std::size_t quotes = 0;
  std::size_t newlines = 0;
};
ByteCounts count_quotes_and_newlines(std::string_view data);
/// The same with a given kernel (tests compare them all); the kernel must be supported.
ByteCounts count_quotes_and_newlines_with(ScanKernel kernel, std::string_view data);

/// The kernels this processor runs, scalar first.
std::span<const ScanKernel> supported_scan_kernels();
/// The kernel index_csv and count_quotes_and_newlines use: the widest supported, unless
/// set_scan_kernel chose another (CXKPI_SIMD, see io/simd.hpp).
ScanKernel scan_kernel();
/// Makes `kernel` (which must be supported) the one index_csv uses; before any read starts.
void set_scan_kernel(ScanKernel kernel);
std::string_view kernel_name(ScanKernel kernel);

}  // namespace cxkpi::cli
