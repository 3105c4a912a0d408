#include "compute/bucket_budget.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <string_view>
#include <utility>

#include "errors.hpp"

namespace cxkpi::cli {
namespace {

constexpr auto kUnknown = std::numeric_limits<std::uint64_t>::max();

// The first number after `key` in /proc-style `key value` text, times `scale`.
std::uint64_t number_after(const std::string& path, std::string_view key, std::uint64_t scale) {
  std::ifstream in(path);
  std::string word;
  while (in >> word)
    if (word == key) {
      std::uint64_t n = 0;
      return in >> n ? n * scale : kUnknown;
    }
  return kUnknown;
}

// The whole file as one number ("max" and unreadable files: no limit).
std::uint64_t number_in(const std::string& path) {
  std::ifstream in(path);
  std::uint64_t n = 0;
  return in >> n ? n : kUnknown;
}

std::uint64_t cgroup_room() {
  const auto limit = number_in("/sys/fs/cgroup/memory.max");
  const auto used = number_in("/sys/fs/cgroup/memory.current");
  if (limit == kUnknown) return kUnknown;
  return used == kUnknown || used >= limit ? (used == kUnknown ? limit : 0) : limit - used;
}

// A resource limit less what the process has of it now (`status_key` in /proc/self/status).
std::uint64_t rlimit_room(int resource, std::string_view status_key) {
  rlimit r{};
  if (getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return kUnknown;
  const auto used = number_after("/proc/self/status", status_key, 1024);
  const auto limit = static_cast<std::uint64_t>(r.rlim_cur);
  if (used == kUnknown) return limit;
  return used >= limit ? 0 : limit - used;
}

std::string gib(std::uint64_t bytes) {
  return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / static_cast<double>(std::uint64_t{1} << 30));
}

}  // namespace

std::uint64_t available_memory() {
  return std::min({number_after("/proc/meminfo", "MemAvailable:", 1024), cgroup_room(),
                   rlimit_room(RLIMIT_AS, "VmSize:"), rlimit_room(RLIMIT_DATA, "VmData:")});
}

BucketLimit::BucketLimit(std::optional<std::size_t> max_buckets, std::string source, std::vector<std::string> group)
    : memory_(max_buckets ? std::nullopt : std::optional(available_memory())),
      max_(max_buckets ? *max_buckets
                       : static_cast<std::size_t>(std::min<std::uint64_t>(*memory_ / kBytesPerBucket,
                                                                          std::numeric_limits<std::size_t>::max()))),
      source_(std::move(source)),
      group_(std::move(group)) {}

void BucketLimit::refuse() const {
  const auto breakdown = group_.empty() ? std::string("period") : fmt::format("period × {}", fmt::join(group_, " × "));
  const auto over = memory_ ? fmt::format("at about {} KiB each they need more than the {} of memory available",
                                          kBytesPerBucket / 1024, gib(*memory_))
                            : fmt::format("over --max-buckets {}", max_);
  auto error = Error::data(fmt::format(
      "{}: the breakdown by {} has more than {} buckets; {}: group by a coarser column, by longer periods (--by), "
      "read fewer rows (--from/--to, --where), or raise --max-buckets",
      source_, breakdown, max_, over));
  throw error.mark_whole_read();
}

}  // namespace cxkpi::cli
