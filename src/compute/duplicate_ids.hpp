#pragma once
// Repeated ids in record logs. Two rows with the same id are one contact counted twice, so a
// repeat is bad data (exit 65, naming both rows: `d.csv:3:1: id: "1" repeats line 2`) that
// --on-error skip skips like any other bad row, unless --dedupe says which row to keep:
// `first` keeps the first and leaves out the rest as they come; `last` keeps the last, which
// takes a first pass over the inputs to find each id's last row (so it needs files: standard
// input is read once). Ids repeat across inputs too: the rows of all the inputs of one run are
// one log. A log without an id column has nothing to check.
//
// The check is exact on one thread and on many: a block read on another thread checks its
// rows against its own ids, and the calling thread, taking the blocks back in input order,
// adds each block's ids to those before it; a block that holds an id seen before is read
// again in order on the calling thread, where each row meets the ids of all rows before it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compute/compute.hpp"
#include "compute/id_set.hpp"
#include "io/table.hpp"

namespace cxkpi::cli {

/// The check of each row's id in one read (one input, or one block of it).
class IdCheck {
 public:
  /// Whether the current row counts: false for a row --dedupe leaves out; throws Error for an
  /// id an earlier row has (without --dedupe, or any repeat inside a block on another thread).
  bool keep(const TableReader& reader, std::size_t id_column);

 private:
  friend class DuplicateIds;
  IdCheck(Dedupe mode, IdSet* seen, const IdSet* last, const std::vector<std::string>& names, std::uint32_t input,
          bool in_block)
      : mode_(mode), seen_(seen), last_(last), names_(names), input_(input), in_block_(in_block) {}
  [[noreturn]] void refuse(const TableReader& reader, std::size_t id_column, std::string_view id,
                           RowPlace earlier) const;

  Dedupe mode_;
  IdSet* seen_;        // the ids so far (none for --dedupe last)
  const IdSet* last_;  // --dedupe last: each id's last row
  const std::vector<std::string>& names_;
  std::uint32_t input_;
  bool in_block_;
};

/// The ids of every input of one run.
class DuplicateIds {
 public:
  /// `names`: the inputs' names, in the order they are read.
  DuplicateIds(Dedupe mode, std::vector<std::string> names) : mode_(mode), names_(std::move(names)) {}

  /// --dedupe last reads its inputs twice: throws Error (usage) for standard input ("-").
  static void check_readable_twice(const std::vector<std::string>& files);
  /// --dedupe last's first read: `place` is the latest row of `id` read without error so far.
  void remember_last(std::string_view id, RowPlace place) { last_.assign(id, place); }
  /// The check of input number `input`, read in order on this thread.
  IdCheck check_of(std::uint32_t input) {
    return {mode_, mode_ == Dedupe::last ? nullptr : &seen_, &last_, names_, input, false};
  }
  /// The check of a block of input number `input` on another thread, into `block`.
  IdCheck block_check(IdSet& block, std::uint32_t input) const {
    return {mode_, mode_ == Dedupe::last ? nullptr : &block, &last_, names_, input, true};
  }
  /// Adds the ids of the next block of rows; false when one of them was seen before, and the
  /// block must be read again in order (its rows that are first of their id find themselves).
  bool absorb(IdSet&& block) { return mode_ == Dedupe::last || !seen_.absorb(std::move(block)); }
  /// Throws Error (data) when --dedupe is asked of a log without an id column.
  void check_column(bool has_id, const std::string& source) const;
  /// The warning for `dropped` rows that --dedupe left out ("" when none).
  [[nodiscard]] std::string warning(std::size_t dropped) const;

 private:
  Dedupe mode_;
  std::vector<std::string> names_;
  IdSet seen_;
  IdSet last_;
};

/// Where the current row is, as an IdSet keeps it: its line, or its element number in a JSON array.
std::uint64_t row_number(const TableReader& reader, std::size_t column);

}  // namespace cxkpi::cli
