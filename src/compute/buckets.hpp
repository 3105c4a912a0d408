#pragma once
// Record logs read into sums per (period, group): the only state that grows is the number
// of buckets, never the number of rows.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compute/compute.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

struct BucketOptions {
  BucketBy by = BucketBy::all;
  std::string tz = "UTC";
  std::vector<std::string> group;  // column names from --group
  std::string by_column;           // --by-column: a column whose text is the period label
  std::string from;                // --from: first local time included ("" = no limit)
  std::string to;                  // --to: first local time excluded
  bool scale_check = true;         // refuse an NPS or eNPS column that looks like a 1-10 scale
};

struct Bucket {
  Period period;
  std::vector<std::string> groups;  // one per BucketTable::group_names
  Sums sums;
};

struct BucketTable {
  BucketOptions options;
  std::string source;  // the first input's name, for messages
  std::vector<std::string> group_names;
  std::vector<Bucket> buckets;  // in period order, then by group values
  Sums total;
  FieldSet supplied;  // aggregate fields the logs' columns supply
  std::vector<std::string> warnings;
  std::size_t split_reads = 0;  // inputs read in blocks on several threads
};

/// Called with the buckets of periods that are complete (sorted), and the table so far.
using ClosedBuckets = std::function<void(std::vector<Bucket>, const BucketTable&)>;

/// Reads record logs into buckets. Throws Error for bad input (unless skipping bad rows).
/// With `on_closed` the input must be in time order: each period's buckets go to it as soon
/// as a later period starts (and the rest at the end), instead of into the table.
BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, const ClosedBuckets& on_closed = {});
/// As above, with the bad rows going to `errors`, which the caller finishes once the other
/// inputs of the run (a --base-file, --per-hour) are read too, so --on-error, --max-errors
/// and --rejects count every input's rows together.
BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, RowErrors& errors, const ClosedBuckets& on_closed = {});

/// Whether buckets by `by` follow time order, so that they can close as the input goes on.
inline bool periods_follow_time(BucketBy by) {
  return by != BucketBy::all && by != BucketBy::weekday && by != BucketBy::hour_of_day && by != BucketBy::weekday_hour;
}

/// Adds business volumes given for the whole input (--orders, --customers, --total-cost) to
/// the total; buckets do not get them (a per-period base comes from join_base_file).
void add_base_totals(BucketTable& buckets, const std::vector<NumberInput>& numbers);

/// Joins a period table of orders, customers and/or total_cost to the buckets by period
/// label (`--base-file`): each bucket gets its period's values; the total gets each matched
/// period once.
/// Its bad rows go to `errors`.
void join_base_file(BucketTable& buckets, TableReader& base, const std::vector<ColumnOverride>& overrides,
                    RowErrors& errors);

/// Joins a table of agents' logged-in time (`agent, logged_in_s`, and a period column to
/// match the periods of --by) to buckets grouped by agent (resolved-per-agent --per-hour):
/// each bucket gets its agent's (and period's) time; the total gets each matched row once.
/// Its bad rows go to `errors`.
void join_agent_hours(BucketTable& buckets, TableReader& hours, const std::vector<ColumnOverride>& overrides,
                      RowErrors& errors);

/// One metric per bucket, and over all buckets.
ResultTable metric_table(const MetricSpec& metric, const Settings& settings, const BucketTable& buckets);

}  // namespace cxkpi::cli
