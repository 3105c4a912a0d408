#pragma once
// --on-error: stop at the first bad row (default), or skip bad rows and count them by
// reason; --max-errors turns a flood of bad rows into a failure; --rejects keeps each
// skipped row (place, raw text, reason) as NDJSON, so nothing is dropped without a trace.

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "io/table.hpp"

namespace cxkpi::cli {

struct RowErrorPolicy {
  bool skip = false;                      // --on-error skip
  std::optional<std::size_t> max_errors;  // --max-errors N
  std::string rejects_path;               // --rejects FILE
};

class RowErrors {
 public:
  explicit RowErrors(const RowErrorPolicy& policy);
  RowErrors(const RowErrors&) = delete;
  RowErrors& operator=(const RowErrors&) = delete;
  ~RowErrors();

  /// Throws `error` unless bad rows are being skipped; then counts it (and records the row
  /// of `reader` in the rejects file). Throws once more than --max-errors rows were skipped.
  void report(const Error& error, const TableReader& reader);
  void add_warnings(std::vector<std::string>& warnings) const;

 private:
  RowErrorPolicy policy_;
  std::map<std::string, std::size_t> counts_;
  std::size_t total_ = 0;
  std::FILE* rejects_ = nullptr;
};

}  // namespace cxkpi::cli
