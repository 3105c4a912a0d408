#pragma once
// --on-error: stop at the first bad row (default), or skip bad rows and count them by
// reason; --max-errors turns a flood of bad rows into a failure; --rejects keeps each
// skipped row (place, raw text, reason) as NDJSON, so nothing is dropped without a trace.
//
// A bad row is one the reader could step past: a value that does not parse, a row whose
// parts exceed their whole, a CSV row with the wrong number of fields, an NDJSON line that
// is not a JSON object. An error that leaves the reader unable to find the next row (a
// quote never closed, a stray character after a closing quote, a row over 64 MiB, input
// that cannot be read or decoded) stops the read under either policy.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cxkpi/sums.hpp"
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
  /// As report, for an error `reader.next()` threw: the row was not read into cells, and
  /// only a row the reader stepped past can be skipped; any other error stops the read.
  void report_unread(const Error& error, const TableReader& reader);
  /// The read is over: writes the rejects file into place and adds the skip counts to `warnings`.
  void finish(std::vector<std::string>& warnings);

 private:
  static constexpr std::size_t kRejectsBuffer = std::size_t{64} * 1024;
  void skip(const Error& error, const TableReader& reader, bool unread);
  void keep_rejected(const Error& error, std::string row);
  void flush_rejects();
  void commit_rejects();

  RowErrorPolicy policy_;
  std::map<std::string, std::size_t> counts_;
  std::size_t total_ = 0;
  std::unique_ptr<AtomicFile> rejects_;  // written whole when the read ends, or not at all
  std::string pending_;                  // rejects not yet written
};

/// A sum that the current row of `reader` took past the exact int64 range (its own cells, or
/// the total they join), as bad input at that row (exit 65). It is never skipped as a bad
/// row: the sum is of every row so far, and leaving this one out would pick a number at random.
Error sum_overflow_at(const SumOverflow& overflow, const TableReader& reader);

/// Runs `compute`; a SumOverflow it throws becomes bad input (exit 65) about what `where()`
/// names ("calls.csv: 2026-02", "calls.csv: total"): for sums no one row is to blame for,
/// such as buckets merged or a bucket's figure finalised.
template <typename Where, typename Compute>
auto naming_overflow(Where&& where, Compute&& compute) {
  try {
    return compute();
  } catch (const SumOverflow& overflow) {
    throw Error::data(where() + ": " + overflow.what());
  }
}

/// Reads each row of `reader` and hands it to `read_row`; a bad row, whether reading it
/// into cells or `read_row` throws, goes to `errors` (see above). A sum `read_row` takes
/// past the int64 range stops the read at that row (sum_overflow_at).
template <typename ReadRow>
void for_each_row(TableReader& reader, RowErrors& errors, ReadRow&& read_row) {
  for (;;) {
    try {
      if (!reader.next()) return;
    } catch (const Error& e) {
      errors.report_unread(e, reader);
      continue;
    }
    try {
      read_row();
    } catch (const Error& e) {
      errors.report(e, reader);
    } catch (const SumOverflow& overflow) {
      throw sum_overflow_at(overflow, reader);
    }
  }
}

}  // namespace cxkpi::cli
