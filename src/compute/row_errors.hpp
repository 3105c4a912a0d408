#pragma once
// --on-error: stop at the first bad row (default), or skip bad rows and count them by
// reason; --max-errors turns a flood of bad rows into a failure; --rejects keeps each
// skipped row (place, raw text, reason) as NDJSON, so nothing is dropped without a trace.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "io/sink.hpp"
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
  /// The read is over: writes the rejects file into place and adds the skip counts to `warnings`.
  void finish(std::vector<std::string>& warnings);

 private:
  static constexpr std::size_t kRejectsBuffer = 64 * 1024;
  void keep_rejected(const Error& error, const TableReader& reader);
  void flush_rejects();
  void commit_rejects();

  RowErrorPolicy policy_;
  std::map<std::string, std::size_t> counts_;
  std::size_t total_ = 0;
  std::unique_ptr<AtomicFile> rejects_;  // written whole when the read ends, or not at all
  std::string pending_;                  // rejects not yet written
};

}  // namespace cxkpi::cli
