#include "io/csv_scan.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace cxkpi::cli {
namespace {

constexpr std::size_t kBlock = 64;

struct BlockMasks {
  std::uint64_t quotes = 0;
  std::uint64_t delimiters = 0;
  std::uint64_t newlines = 0;
};

BlockMasks masks_scalar(const char* p, char delimiter) {
  BlockMasks m;
  for (std::size_t i = 0; i < kBlock; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    m.quotes |= p[i] == '"' ? bit : 0;
    m.delimiters |= p[i] == delimiter ? bit : 0;
    m.newlines |= p[i] == '\n' ? bit : 0;
  }
  return m;
}

#if defined(__x86_64__)
// SSE2 is part of every x86-64 processor.
[[gnu::always_inline]] inline BlockMasks masks_sse2(const char* p, char delimiter) {
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i delim = _mm_set1_epi8(delimiter);
  const __m128i newline = _mm_set1_epi8('\n');
  BlockMasks m;
  for (std::size_t i = 0; i < kBlock; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto bits = [&](__m128i c) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)))) << i;
    };
    m.quotes |= bits(quote);
    m.delimiters |= bits(delim);
    m.newlines |= bits(newline);
  }
  return m;
}

[[gnu::always_inline]] __attribute__((target("avx2"))) inline std::uint64_t equal_bits(__m256i v, __m256i c) {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, c)));
}

__attribute__((target("avx2"))) inline BlockMasks masks_avx2(const char* p, char delimiter) {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i delim = _mm256_set1_epi8(delimiter);
  const __m256i newline = _mm256_set1_epi8('\n');
  const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  return {equal_bits(low, quote) | equal_bits(high, quote) << 32,
          equal_bits(low, delim) | equal_bits(high, delim) << 32,
          equal_bits(low, newline) | equal_bits(high, newline) << 32};
}

__attribute__((target("avx512f,avx512bw"))) inline BlockMasks masks_avx512(const char* p, char delimiter) {
  const __m512i v = _mm512_loadu_si512(p);
  return {_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"')), _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(delimiter)),
          _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'))};
}
#endif

// Bit i of the result is the XOR of bits 0…i: 1 from an opening quote up to its closing one.
constexpr std::uint64_t prefix_xor(std::uint64_t x) {
  for (unsigned shift = 1; shift < 64; shift *= 2)
    x ^= x << shift;
  return x;
}

// The byte loop, for the tail of the data that does not fill a block.
void index_tail(const char* data, std::size_t pos, std::size_t size, char delimiter, CsvStructure& out) {
  for (; pos < size; ++pos) {
    const char c = data[pos];
    if (c == '"') {
      out.in_quotes = !out.in_quotes;
      out.quotes.push(pos);
    } else if (c == '\n' && out.in_quotes) {
      out.quoted_newlines.push(pos);
    } else if (c == '\n') {
      out.breaks.push(pos);
      out.newlines.push(pos);
    } else if (c == delimiter && !out.in_quotes) {
      out.breaks.push(pos);
    }
  }
}

template <BlockMasks (*masks_of)(const char*, char)>
[[gnu::always_inline]] inline void index_blocks(const char* data, std::size_t pos, std::size_t size, char delimiter,
                                                CsvStructure& out) {
  for (; pos + kBlock <= size; pos += kBlock) {
    const BlockMasks m = masks_of(data + pos, delimiter);
    // Most blocks have no quote: then every byte is as inside (or outside) as the last one.
    const std::uint64_t carried = out.in_quotes ? ~std::uint64_t{0} : 0;
    const std::uint64_t inside = m.quotes == 0 ? carried : prefix_xor(m.quotes) ^ carried;
    if (m.quotes != 0 || out.in_quotes) {
      out.quotes.push_bits(pos, m.quotes);
      out.quoted_newlines.push_bits(pos, m.newlines & inside);
    }
    out.breaks.push_bits(pos, (m.delimiters | m.newlines) & ~inside);
    out.newlines.push_bits(pos, m.newlines & ~inside);
    out.in_quotes = (inside >> 63) != 0;
  }
  index_tail(data, pos, size, delimiter, out);
}

template <BlockMasks (*masks_of)(const char*, char)>
[[gnu::always_inline]] inline ByteCounts count_blocks(std::string_view data) {
  ByteCounts counts;
  std::size_t pos = 0;
  for (; pos + kBlock <= data.size(); pos += kBlock) {
    const BlockMasks m = masks_of(data.data() + pos, '"');  // the delimiter mask is not used
    counts.quotes += static_cast<std::size_t>(std::popcount(m.quotes));
    counts.newlines += static_cast<std::size_t>(std::popcount(m.newlines));
  }
  for (; pos < data.size(); ++pos) {
    counts.quotes += data[pos] == '"' ? 1U : 0U;
    counts.newlines += data[pos] == '\n' ? 1U : 0U;
  }
  return counts;
}

// One function per kernel, compiled for its instructions, with the block loop inlined.
#if defined(__x86_64__)
void index_sse2(const char* data, std::size_t pos, std::size_t size, char delimiter, CsvStructure& out) {
  index_blocks<masks_sse2>(data, pos, size, delimiter, out);
}
__attribute__((target("avx2,bmi"))) void index_avx2(const char* data, std::size_t pos, std::size_t size, char delimiter,
                                                    CsvStructure& out) {
  index_blocks<masks_avx2>(data, pos, size, delimiter, out);
}
__attribute__((target("avx512f,avx512bw,bmi"))) void index_avx512(const char* data, std::size_t pos, std::size_t size,
                                                                  char delimiter, CsvStructure& out) {
  index_blocks<masks_avx512>(data, pos, size, delimiter, out);
}
ByteCounts count_sse2(std::string_view data) {
  return count_blocks<masks_sse2>(data);
}
__attribute__((target("avx2,popcnt"))) ByteCounts count_avx2(std::string_view data) {
  return count_blocks<masks_avx2>(data);
}
__attribute__((target("avx512f,avx512bw,popcnt"))) ByteCounts count_avx512(std::string_view data) {
  return count_blocks<masks_avx512>(data);
}
#endif

std::span<const ScanKernel> detect_kernels() {
#if defined(__x86_64__)
  static const auto kernels = [] {
    std::array<ScanKernel, 4> k{ScanKernel::scalar, ScanKernel::sse2, ScanKernel::avx2, ScanKernel::avx512};
    std::size_t n = 2;
    if (__builtin_cpu_supports("avx2")) n = 3;
    if (n == 3 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) n = 4;
    return std::pair{k, n};
  }();
  return {kernels.first.data(), kernels.second};
#else
  static constexpr std::array k{ScanKernel::scalar};
  return k;
#endif
}

}  // namespace

std::span<const ScanKernel> supported_scan_kernels() {
  static const auto kernels = detect_kernels();
  return kernels;
}

std::string_view kernel_name(ScanKernel kernel) {
  switch (kernel) {
    case ScanKernel::scalar:
      return "scalar";
    case ScanKernel::sse2:
      return "sse2";
    case ScanKernel::avx2:
      return "avx2";
    case ScanKernel::avx512:
      return "avx512";
  }
  return "scalar";
}

namespace {

// Each kernel's functions, compiled for its instructions.
struct KernelFunctions {
  void (*index)(const char*, std::size_t, std::size_t, char, CsvStructure&);
  ByteCounts (*count)(std::string_view);
};

void index_scalar(const char* data, std::size_t pos, std::size_t size, char delimiter, CsvStructure& out) {
  index_blocks<masks_scalar>(data, pos, size, delimiter, out);
}
ByteCounts count_scalar(std::string_view data) {
  return count_blocks<masks_scalar>(data);
}

KernelFunctions functions_of(ScanKernel kernel) {
  switch (kernel) {
#if defined(__x86_64__)
    case ScanKernel::sse2:
      return {index_sse2, count_sse2};
    case ScanKernel::avx2:
      return {index_avx2, count_avx2};
    case ScanKernel::avx512:
      return {index_avx512, count_avx512};
#else
    case ScanKernel::sse2:
    case ScanKernel::avx2:
    case ScanKernel::avx512:
#endif
    case ScanKernel::scalar:
      break;
  }
  return {index_scalar, count_scalar};
}

}  // namespace

void index_csv_with(ScanKernel kernel, const char* data, std::size_t from, std::size_t to, char delimiter,
                    CsvStructure& out) {
  for (Offsets* list : {&out.breaks, &out.newlines, &out.quotes, &out.quoted_newlines})
    list->make_room(to - from);
  functions_of(kernel).index(data, from, to, delimiter, out);
}

ByteCounts count_quotes_and_newlines_with(ScanKernel kernel, std::string_view data) {
  return functions_of(kernel).count(data);
}

namespace {
std::atomic<ScanKernel>& chosen_kernel() {
  static std::atomic<ScanKernel> kernel{supported_scan_kernels().back()};
  return kernel;
}
}  // namespace

ScanKernel scan_kernel() {
  return chosen_kernel().load(std::memory_order_relaxed);
}

void set_scan_kernel(ScanKernel kernel) {
  chosen_kernel().store(kernel, std::memory_order_relaxed);
}

ByteCounts count_quotes_and_newlines(std::string_view data) {
  return count_quotes_and_newlines_with(scan_kernel(), data);
}

void index_csv(const char* data, std::size_t from, std::size_t to, char delimiter, CsvStructure& out) {
  index_csv_with(scan_kernel(), data, from, to, delimiter, out);
}

void Offsets::make_room(std::size_t more) {
  more += 4;  // push_bits writes up to three offsets past the last
  if (size_ + more <= capacity_) return;
  const std::size_t capacity = std::max(size_ + more, 2 * capacity_);
  auto grown = std::make_unique_for_overwrite<std::size_t[]>(capacity);
  std::copy(data_.get(), data_.get() + size_, grown.get());
  data_ = std::move(grown);
  capacity_ = capacity;
}

void Offsets::drop_front(std::size_t count, std::size_t shift) {
  std::size_t kept = 0;
  for (std::size_t i = count; i < size_; ++i)
    data_[kept++] = data_[i] - shift;
  size_ = kept;
}

void CsvStructure::drop_before(std::size_t keep_from, std::size_t shift) {
  for (Offsets* list : {&breaks, &newlines, &quotes, &quoted_newlines}) {
    const auto* first = std::lower_bound(list->data(), list->data() + list->size(), keep_from);
    list->drop_front(static_cast<std::size_t>(first - list->data()), shift);
  }
}

}  // namespace cxkpi::cli
