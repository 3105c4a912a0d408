#pragma once
// What every pass over a record log shares, serial or in blocks on other threads: the
// settings of the read, the columns of one input, and the per-row step that turns the
// current row into a checked Contact and its period.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "compute/bucket_index.hpp"
#include "compute/buckets.hpp"
#include "compute/duplicate_ids.hpp"
#include "compute/input_columns.hpp"
#include "cxkpi/record.hpp"
#include "io/values.hpp"
#include "records/contact_reader.hpp"
#include "records/record_columns.hpp"
#include "records/row_clock.hpp"
#include "records/row_filter.hpp"

namespace cxkpi::cli {

// What every pass over a log shares: the bucketing settings and the --from/--to limits.
struct ScanSettings {
  const FileInputOptions& input;
  const BucketOptions& options;
  const RecordRules& rules;
  const LocalClock& clock;
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  bool needs_time = false;
  TimeFormats time_formats;  // --time-format
  /// How each input's columns are read (its preset and the overrides), by source name.
  std::map<std::string, InputColumns, std::less<>> inputs{};

  /// The columns of input `reader` (or of a block of it): as found for it, or as --map says.
  [[nodiscard]] InputColumns columns_of(const TableReader& reader) const;
};

/// --from or --to (`flag`) as local seconds in `clock`'s zone; nullopt when `text` is empty.
/// Throws Error (usage) for a time that does not parse.
std::optional<std::int64_t> limit_of(const std::string& text, const LocalClock& clock, const char* flag);

/// The settings of a read of logs in `clock`'s zone (which must outlive them). Throws Error
/// (usage) for an unreadable --from or --to, or a bad --time-format.
ScanSettings scan_settings(const FileInputOptions& input, const BucketOptions& options, const RecordRules& rules,
                           const LocalClock& clock);

// A plain index (not std::optional): GCC 12 misreads optional<size_t> here as uninitialised.
inline constexpr auto kNoColumn = static_cast<std::size_t>(-1);

// The columns of one log and the readers of its cells, found once per reader.
struct LogLayout {
  /// Throws Error (data) for a column the settings need but the log lacks.
  LogLayout(const TableReader& reader, const ScanSettings& scan);
  LogLayout(const LogLayout&) = delete;
  LogLayout& operator=(const LogLayout&) = delete;

  RecordColumnMap columns;
  std::vector<std::size_t> group_cols;
  std::size_t period_col;
  std::size_t id_col;     // kNoColumn: the log has no id column, and no repeats to look for
  std::size_t issue_col;  // --issue-key: the column a repeat must share; kNoColumn without one
  ContactReader contacts;
  RowClock row_clock;
  RowFilter where;  // --where
};

// How many answers of a 0-10 question gave each score.
using ScoreCounts = std::array<std::int64_t, 11>;

// What a pass counts besides the buckets, for warnings and the NPS and eNPS scale checks.
struct ScanTally {
  std::size_t deduped = 0;  // rows --dedupe left out
  std::size_t rows = 0;     // rows --where was asked about
  std::size_t kept = 0;     // rows --where kept
  ScoreCounts nps_answers{};
  ScoreCounts enps_answers{};

  void merge(const ScanTally& other) {
    deduped += other.deduped;
    rows += other.rows;
    kept += other.kept;
    for (std::size_t i = 0; i < nps_answers.size(); ++i) {
      nps_answers[i] += other.nps_answers[i];
      enps_answers[i] += other.enps_answers[i];
    }
  }
};

// The per-row work of every pass over a log: reads, derives and checks the current row's
// contact, checks its id against the rows before it, and finds its period. Returns false when
// --where, --dedupe or --from/--to leave the row out; throws Error for a bad cell or a repeated id.
// Inline: every row of every pass comes here.
class RowStep {
 public:
  RowStep(const TableReader& reader, LogLayout& layout, const ScanSettings& scan, ColumnPeriods& column_periods,
          IdCheck* ids)
      : reader_(reader),
        layout_(layout),
        scan_(scan),
        periods_(scan.options.by, scan.options.interval_minutes),
        column_periods_(column_periods),
        ids_(layout.id_col != kNoColumn ? ids : nullptr) {}

  bool read(Contact& c, const Period*& period) {
    if (layout_.where.filters() && !kept_by_where()) return false;  // such a row is not read at all
    layout_.contacts.read(c);
    layout_.row_clock.read(c);
    derive_flags(c);
    if (const auto v = check_contact(c, scan_.rules))
      throw layout_.contacts.error_at(*record_field_named(v->column), v->message);
    if (ids_ != nullptr && !ids_->keep(reader_, layout_.id_col)) {
      ++tally.deduped;
      return false;
    }
    if (layout_.period_col != kNoColumn) {
      column_period_ = column_periods_.at(trim(reader_.cell(layout_.period_col)));
      period = &column_period_;
    } else if (scan_.needs_time) {
      const auto& at = layout_.row_clock.time_for(scan_.options.by);
      if ((scan_.from && at.local < *scan_.from) || (scan_.to && at.local >= *scan_.to)) return false;
      period = &periods_.at(at);
    } else {
      period = &whole_input_;
    }
    if (c.nps) ++tally.nps_answers[static_cast<std::size_t>(*c.nps)];
    if (c.enps) ++tally.enps_answers[static_cast<std::size_t>(*c.enps)];
    groups_.clear();
    for (const auto col : layout_.group_cols)
      groups_.push_back(trim(reader_.cell(col)));
    return true;
  }
  /// The current row's group values, valid until the next read.
  [[nodiscard]] const std::vector<std::string_view>& groups() const { return groups_; }

  ScanTally tally;

 private:
  // Out of line, so that a read without --where pays one test. Counts what --where kept.
  bool kept_by_where();

  const TableReader& reader_;
  LogLayout& layout_;
  const ScanSettings& scan_;
  PeriodCache periods_;
  ColumnPeriods& column_periods_;  // shared by every input, so that labels keep one order
  IdCheck* ids_;                   // null when the log has no id column
  Period column_period_;
  const Period whole_input_ = period_of(0, BucketBy::all);
  std::vector<std::string_view> groups_;
};

}  // namespace cxkpi::cli
