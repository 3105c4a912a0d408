#include "compute/customer_windows.hpp"

namespace cxkpi::cli {

void CustomerWindows::add(std::string_view key, std::int64_t opened_utc, std::string_view id, bool handled,
                          std::size_t bucket, bool resolved) {
  const auto [it, added] = customers_.try_emplace(std::string(key), static_cast<std::uint32_t>(customers_.size()));
  contacts_.push_back({it->second, opened_utc, std::string(id), handled, static_cast<std::uint32_t>(bucket), resolved});
}

void CustomerWindows::judge(const std::function<Sums&(std::size_t)>& bucket_sums) {
  judge_windows(contacts_, rules_, [&](const WindowContact& c, const WindowOutcome& o) {
    count_window_outcome(bucket_sums(c.bucket), c, o, rules_);
  });
  contacts_.clear();
}

void CustomerWindows::judge_cases(const std::function<Sums&(std::size_t)>& bucket_sums) {
  cxkpi::judge_cases(contacts_, rules_, bucket_sums);
  contacts_.clear();
}

}  // namespace cxkpi::cli
