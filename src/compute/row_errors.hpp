#pragma once
// --on-error: stop at the first bad row (default), or skip bad rows and count them by reason.

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "errors.hpp"

namespace cxkpi::cli {

class RowErrors {
 public:
  explicit RowErrors(bool skip) : skip_(skip) {}
  /// Throws `error` unless bad rows are being skipped; then counts it.
  void report(const Error& error) {
    if (!skip_) throw error;
    // "file:line:col: field: message" is counted as "field: message", without the place.
    const std::string what = error.what();
    const auto field_start = what.find(": ");
    ++counts_[field_start == std::string::npos ? what : what.substr(field_start + 2)];
  }
  void add_warnings(std::vector<std::string>& warnings) const {
    for (const auto& [reason, count] : counts_)
      warnings.push_back(fmt::format("skipped {} bad row{}: {}", count, count == 1 ? "" : "s", reason));
  }

 private:
  bool skip_;
  std::map<std::string, std::size_t> counts_;
};

}  // namespace cxkpi::cli
