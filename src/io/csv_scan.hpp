#pragma once
// Finding where a CSV row ends, and its unquoted delimiters, 64 bytes at a time.
//
// Each 64-byte block becomes three bit masks (quotes, delimiters, newlines); a prefix XOR of
// the quote mask marks the bytes inside quotes, so quoted delimiters and newlines drop out
// without a branch per byte. The masks come from the widest instructions the processor has
// (AVX-512BW, AVX2 or SSE2, chosen once at run time), or from a plain loop elsewhere; the
// rest is shared, so every kernel gives the same answer.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

enum class ScanKernel { scalar, sse2, avx2, avx512 };

/// Quote state carried from one call to the next while a row spans several buffers.
struct RowScanState {
  bool in_quotes = false;
  bool saw_quote = false;       ///< the row has a quote somewhere (so its fields need unescaping)
  std::size_t quotes = 0;       ///< how many quotes the row has
  bool quoted_newline = false;  ///< a newline inside quotes (the row spans lines)
};

/// Scans data[from, size): appends the offset of each delimiter outside quotes to
/// `delimiters` and returns the offset of the first newline outside quotes, or `size` when
/// the row goes on past the data (then `state` holds where the scan stopped).
std::size_t scan_row(const char* data, std::size_t from, std::size_t size, char delimiter, RowScanState& state,
                     std::vector<std::size_t>& delimiters);

/// The same with a given kernel (tests compare them all); the kernel must be supported.
std::size_t scan_row_with(ScanKernel kernel, const char* data, std::size_t from, std::size_t size, char delimiter,
                          RowScanState& state, std::vector<std::size_t>& delimiters);

/// How many quotes and newlines `data` holds (for cutting input into blocks of rows).
struct ByteCounts {
  std::size_t quotes = 0;
  std::size_t newlines = 0;
};
ByteCounts count_quotes_and_newlines(std::string_view data);
/// The same with a given kernel (tests compare them all); the kernel must be supported.
ByteCounts count_quotes_and_newlines_with(ScanKernel kernel, std::string_view data);

/// The kernels this processor runs, scalar first; the last is the one scan_row uses.
std::span<const ScanKernel> supported_scan_kernels();
std::string_view kernel_name(ScanKernel kernel);

}  // namespace cxkpi::cli
