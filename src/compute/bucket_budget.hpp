#pragma once
// How many buckets (period × group values) a read may hold before it is refused: --max-buckets,
// or the memory this process may still take over what one bucket costs from the read to the
// output. A breakdown too fine to fit (--group id on millions of rows) is refused as soon as
// the read passes that count, with the figures and what to change, instead of dying out of memory.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cxkpi::cli {

/// Peak memory per bucket of a read, its results and its output, rounded up so that what is
/// allowed fits: bench/README.md measures about 1 KiB (one metric, CSV) to 1.5 KiB (a report
/// of four metrics) at a million buckets.
inline constexpr std::uint64_t kBytesPerBucket = 2048;

/// The memory this process may still take: the least of the free memory the system reports
/// (MemAvailable), a cgroup's limit (memory.max) less its use, and the address space
/// (ulimit -v) and data (ulimit -d) limits less what is mapped. Unknown limits are left out.
std::uint64_t available_memory();

class BucketLimit {
 public:
  /// At most `max_buckets` (--max-buckets), or by default as many as available_memory()
  /// holds, for a read of `source` broken down by `group`.
  BucketLimit(std::optional<std::size_t> max_buckets, std::string source, std::vector<std::string> group);
  [[nodiscard]] std::size_t max_buckets() const { return max_; }
  /// Throws Error (data, about the whole read): the read has reached more buckets than
  /// allowed, with the figures and what to change.
  [[noreturn]] void refuse() const;

 private:
  std::optional<std::uint64_t> memory_;  // the memory available, when it sets the limit
  std::size_t max_;
  std::string source_;
  std::vector<std::string> group_;
};

}  // namespace cxkpi::cli
