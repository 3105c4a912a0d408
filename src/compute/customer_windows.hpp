#pragma once
// Collects the contacts of a record log that window rules judge (FCR's window method,
// repeat-contact-rate) or that form cases (contacts-to-resolution): one small record per
// contact with a key (customer or case id), since a key's contacts may be anywhere in the
// input. Memory grows with the rows, unlike other metrics.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cxkpi/windows.hpp"

namespace cxkpi::cli {

class CustomerWindows {
 public:
  explicit CustomerWindows(const WindowRules& rules) : rules_(rules) {}

  void add(std::string_view key, std::int64_t opened_utc, std::string_view id, bool handled, std::size_t bucket,
           bool resolved = false);
  /// Judges every contact and adds its outcome to the sums `bucket_sums(bucket)` returns.
  void judge(const std::function<Sums&(std::size_t)>& bucket_sums);
  /// Folds the contacts into cases and adds each case to the sums of its first contact's bucket.
  void judge_cases(const std::function<Sums&(std::size_t)>& bucket_sums);

 private:
  WindowRules rules_;
  std::unordered_map<std::string, std::uint32_t> customers_;
  std::vector<WindowContact> contacts_;
};

}  // namespace cxkpi::cli
