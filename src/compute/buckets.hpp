#pragma once
// Record logs read into sums per (period, group): the only state that grows is the number
// of buckets, never the number of rows.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compute/compute.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

struct BucketOptions {
  BucketBy by = BucketBy::all;
  std::int32_t interval_minutes = 0;  // --by 15m
  std::string tz = "UTC";
  std::vector<std::string> group;          // column names from --group
  std::optional<std::size_t> max_buckets;  // --max-buckets; none: as many as the memory available holds
  std::string by_column;                   // --by-column: a column whose text is the period label
  std::string from;                        // --from: first local time included ("" = no limit)
  std::string to;                          // --to: first local time excluded
  std::vector<std::string> time_formats;   // --time-format FMT or column=FMT
  bool scale_check = true;                 // refuse an NPS or eNPS column that looks like a 1-10 scale
};

struct Bucket {
  Period period;
  std::vector<std::string> groups;  // one per BucketTable::group_names
  Sums sums;
  std::optional<std::size_t> base_row;  // its row of BucketTable::base, if the base has one for it
};

/// Business volumes from outside the log (orders, customers, total_cost, contacts): a
/// --base-file's rows by period (and by the --group columns it has), or figures for the whole
/// input given as flags (--orders N), which only the total can use.
struct OutsideBase {
  std::string file;                                  // the --base-file; empty for flags
  std::vector<std::pair<Field, std::string>> flags;  // the flags given, with their fields
  FieldSet fields;                                   // the fields it gives
  std::vector<Sums> rows;                            // --base-file: one per key; flags: one
  std::vector<std::string> labels;                   // each row's key, for messages: "2026-02 (channel chat)"
  std::vector<std::size_t> key_groups;               // the --group columns (indices) its rows are keyed by
  std::vector<std::string> unsplit;                  // the --group columns its rows are not broken down by
  [[nodiscard]] bool whole_input() const { return file.empty(); }
};

struct BucketTable {
  BucketOptions options;
  std::string source;  // the first input's name, for messages
  std::vector<std::string> group_names;
  std::vector<Bucket> buckets;  // in period order, then by group values
  Sums total;
  FieldSet supplied;               // aggregate fields the logs' columns (and the base) supply
  const Preset* preset = nullptr;  // the first input's preset: its metrics the export cannot support are refused
  OutsideBase base;                // --base-file or --orders …; its fields are in `supplied` but not in `total`
  std::vector<std::string> warnings;
  std::size_t split_reads = 0;  // inputs read in blocks on several threads
};

/// Called with the buckets of periods that are complete (sorted), and the table so far.
using ClosedBuckets = std::function<void(std::vector<Bucket>, const BucketTable&)>;

/// One row a read counted (after --where, --dedupe, --from/--to and its checks), for listings
/// of the rows behind figures: its reader (positioned on it), contact, period and group values.
struct CountedRow {
  const TableReader& reader;
  std::optional<std::size_t> id_col;  // the id column, when the log has one
  const Contact& contact;
  const Period& period;
  const std::vector<std::string_view>& groups;
};
/// Called with every counted row, in input order (the read is then serial).
using CountedRows = std::function<void(const CountedRow&)>;

/// Reads record logs into buckets. Throws Error for bad input (unless skipping bad rows).
/// With `on_closed` the input must be in time order: each period's buckets go to it as soon
/// as a later period starts (and the rest at the end), instead of into the table.
BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, const ClosedBuckets& on_closed = {});
/// As above, with the bad rows going to `errors`, which the caller finishes once the other
/// inputs of the run (a --base-file, --per-hour) are read too, so --on-error, --max-errors
/// and --rejects count every input's rows together.
BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, RowErrors& errors, const ClosedBuckets& on_closed = {},
                         const CountedRows& on_row = {});

/// Whether buckets by `by` follow time order, so that they can close as the input goes on.
inline bool periods_follow_time(BucketBy by) {
  return by != BucketBy::all && by != BucketBy::weekday && by != BucketBy::hour_of_day && by != BucketBy::weekday_hour;
}

/// Keeps business volumes given for the whole input (--orders, --customers, --total-cost,
/// --contacts) as the base: the total uses them; a period or group cannot (metric_table).
void add_base_totals(BucketTable& buckets, const std::vector<NumberInput>& numbers);

/// Reads a period table of orders, customers, total_cost and/or contacts (`--base-file`) as
/// the base, one row per period and per value of the --group columns it has (rows differing
/// only in other columns are summed; two rows with the same labels are an error), and points
/// each bucket at its row. Buckets without a row, and a --group column the file lacks, are
/// judged by metric_table, which knows which fields the metric needs. Its bad rows go to `errors`.
void join_base_file(BucketTable& buckets, TableReader& base, const std::vector<ColumnOverride>& overrides,
                    RowErrors& errors);

/// A bucket's key in the base: "2026-02", or "2026-02 (channel chat)" for a base keyed by channel.
std::string base_key_label(const BucketTable& buckets, const Bucket& bucket);

/// Joins a table of agents' logged-in time (`agent, logged_in_s`, and a period column to
/// match the periods of --by) to buckets grouped by agent (resolved-per-agent --per-hour):
/// each bucket gets its agent's (and period's) time; the total gets each matched row once.
/// Its bad rows go to `errors`.
void join_agent_hours(BucketTable& buckets, TableReader& hours, const std::vector<ColumnOverride>& overrides,
                      RowErrors& errors);

/// Makes each bucket's row with `make` (which may take the bucket's labels) and hands it to
/// `each`, letting go of the bucket's sums as it goes (their memory serves the next rows): the
/// rows of a million buckets need never be held at once, nor the buckets twice.
template <typename Make, typename Each>
void take_bucket_rows(BucketTable& buckets, Make make, Each each) {
  for (auto& b : buckets.buckets) {
    auto row = make(b);
    b.sums = Sums();
    each(std::move(row));
  }
}

/// One metric per bucket, and over all buckets, a row at a time. A bucket whose base lacks a
/// field the metric needs is null with the reason and left out of the total (with a warning);
/// a base field the metric needs that is not broken down by a --group column is a usage error
/// (thrown by the constructor, as are the fields the metric lacks).
class MetricRows {
 public:
  MetricRows(const MetricSpec& metric, const Settings& settings, BucketTable buckets);
  /// Each row's figure in turn, the buckets kept: what columns the rows will need.
  void each_result(const std::function<void(const Result&)>& see) const;
  /// Makes each row and hands it to `each`, taking its bucket's labels and letting go of its sums.
  void take_rows(const std::function<void(ResultRow)>& each);
  /// Finalises the total and adds its warnings (after the rows: an overflow names a row first).
  void finish();
  /// The table: plan, label names, and after finish() the total and warnings; no rows.
  [[nodiscard]] const ResultTable& table() const { return table_; }
  ResultTable take_table() { return std::move(table_); }
  [[nodiscard]] std::size_t row_count() const { return has_rows() ? buckets_.buckets.size() : 0; }

 private:
  [[nodiscard]] bool has_rows() const;
  [[nodiscard]] Result result(const Bucket& b) const;
  const MetricSpec& metric_;
  const Settings& settings_;
  BucketTable buckets_;
  ResultTable table_;
  std::vector<Field> needed_;  // the fields the metric needs from the base
  std::vector<std::string> left_out_;
  Sums total_;
};

/// The whole table of MetricRows: every row held.
ResultTable metric_table(const MetricSpec& metric, const Settings& settings, BucketTable buckets);

}  // namespace cxkpi::cli
