#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "compute/buckets.hpp"
#include "compute/customer_windows.hpp"
#include "compute/row_errors.hpp"
#include "errors.hpp"
#include "io/csv_reader.hpp"
#include "io/row_blocks.hpp"
#include "io/values.hpp"
#include "records/contact_reader.hpp"
#include "records/record_columns.hpp"
#include "records/row_clock.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

std::vector<std::size_t> group_columns(const std::vector<std::string>& group, const std::vector<std::string>& header,
                                       const RecordColumnMap& columns, const std::string& source,
                                       std::string_view flag = "--group") {
  std::vector<std::size_t> out;
  for (const auto& name : group) {
    if (const auto column = find_column(header, name)) {
      out.push_back(*column);
    } else if (const auto f = record_field_named(normalize_header(name)); f && columns.has(*f)) {
      out.push_back(*columns.column_of(*f));  // --group channel finds a "Media Type" column
    } else {
      throw no_such_column(header, name, source, flag);
    }
  }
  return out;
}

// --by-column: periods are the column's own labels, in the order they first appear.
class ColumnPeriods {
 public:
  Period at(std::string_view label) {
    const auto it = std::find(labels_.begin(), labels_.end(), label);
    if (it != labels_.end()) return {it - labels_.begin(), *it};
    labels_.emplace_back(label);
    return {static_cast<std::int64_t>(labels_.size() - 1), labels_.back()};
  }

 private:
  std::vector<std::string> labels_;
};

// A 0-10 question answered by many never gets no 0 but some 1s by chance: such a column
// was almost surely asked on 1-10, and NPS on it would be wrong.
void check_nps_scale(const std::array<std::int64_t, 11>& answers, const std::string& source) {
  constexpr std::int64_t kEnoughAnswers = 30;
  std::int64_t n = 0;
  for (const auto a : answers)
    n += a;
  if (n >= kEnoughAnswers && answers[0] == 0 && answers[1] > 0)
    throw Error::data(
        fmt::format("{}: nps: {} answers and none is 0, but some are 1: this looks like a 1-10 scale; "
                    "NPS is asked on 0-10 (--no-scale-check if the survey really was 0-10)",
                    source, n));
}

std::optional<std::int64_t> limit_of(const std::string& text, const LocalClock& clock, const char* flag) {
  if (text.empty()) return std::nullopt;
  std::string error;
  const auto t = parse_timestamp(text, error);
  if (!t) throw Error::usage(fmt::format("{}: {}", flag, error));
  return clock.local_seconds(*t);
}

// The period of a local time, remembered for the last day (and hour) seen: consecutive rows
// of a log almost always share them, and labelling a period costs a format.
class PeriodCache {
 public:
  explicit PeriodCache(BucketBy by) : by_(by) {}
  const Period& at(std::int64_t local_seconds) {
    const auto slot = by_ == BucketBy::hour || by_ == BucketBy::hour_of_day || by_ == BucketBy::weekday_hour
                          ? floor_div(local_seconds, 3600)
                          : floor_div(local_seconds, 86400);
    if (!valid_ || slot != slot_) {
      period_ = period_of(local_seconds, by_);
      slot_ = slot;
      valid_ = true;
    }
    return period_;
  }

 private:
  static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }
  BucketBy by_;
  bool valid_ = false;
  std::int64_t slot_ = 0;
  Period period_;
};

// Sums per bucket. A row's bucket is almost always one of the few used lately (this day's
// channels, say), so those are compared value by value first; the others are found through
// a key of period order and group values, whose buffer is reused so that a row costs no
// allocation once its bucket exists.
class BucketIndex {
 public:
  Sums& at(const Period& period, const std::vector<std::string_view>& groups) {
    for (const auto position : recent_)
      if (position < buckets_.size() && is_bucket(buckets_[position], period, groups)) {
        last_ = position;
        return buckets_[position].sums;
      }
    write_key(key_, period, groups);
    if (const auto it = index_.find(key_); it != index_.end()) {
      last_ = it->second;
    } else {
      last_ = buckets_.size();
      index_.emplace(key_, last_);
      buckets_.push_back({period, {groups.begin(), groups.end()}, {}});
    }
    recent_[next_recent_++ % recent_.size()] = last_;
    return buckets_[last_].sums;
  }
  /// The key of the bucket `at` returned last (its period and group values), valid until
  /// the next call. A bucket found among the recent ones has had no key built, so it is
  /// built here, into the same buffer.
  const std::string& key() {
    write_key(key_, buckets_[last_].period, buckets_[last_].groups);
    return key_;
  }
  /// The position of the bucket `at` returned last; valid until take_sorted or take_before.
  [[nodiscard]] std::size_t last() const { return last_; }
  Sums& bucket(std::size_t position) { return buckets_[position].sums; }
  std::vector<Bucket> take_sorted() {
    std::sort(buckets_.begin(), buckets_.end(), [](const Bucket& a, const Bucket& b) {
      return a.period.order != b.period.order ? a.period.order < b.period.order : a.groups < b.groups;
    });
    index_.clear();
    recent_.fill(kNone);
    return std::move(buckets_);
  }
  /// Removes and returns (sorted) the buckets of periods before `order`.
  std::vector<Bucket> take_before(std::int64_t order) {
    auto all = take_sorted();
    const auto split = std::find_if(all.begin(), all.end(), [&](const Bucket& b) { return b.period.order >= order; });
    std::vector<Bucket> closed(std::make_move_iterator(all.begin()), std::make_move_iterator(split));
    buckets_.assign(std::make_move_iterator(split), std::make_move_iterator(all.end()));
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
      write_key(key_, buckets_[i].period, buckets_[i].groups);
      index_.emplace(key_, i);
    }
    return closed;
  }

 private:
  static constexpr auto kNone = static_cast<std::size_t>(-1);

  static bool is_bucket(const Bucket& b, const Period& period, const std::vector<std::string_view>& groups) {
    // A period's order is its identity: one label per order, for time periods and --by-column alike.
    if (b.period.order != period.order || b.groups.size() != groups.size()) return false;
    for (std::size_t i = 0; i < groups.size(); ++i)
      if (!same_text(b.groups[i], groups[i])) return false;
    return true;
  }
  // Group values are short (a channel, a queue): a loop beats a call to memcmp.
  static bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  // Period order and label, then each group value after a unit separator.
  template <class Groups>
  static void write_key(std::string& key, const Period& period, const Groups& groups) {
    key.assign(reinterpret_cast<const char*>(&period.order), sizeof period.order);
    key += period.label;
    for (const auto& g : groups)
      key.append(1, '\x1f').append(g);
  }

  std::string key_;
  std::size_t last_ = 0;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Bucket> buckets_;
  std::array<std::size_t, 8> recent_{kNone, kNone, kNone, kNone, kNone, kNone, kNone, kNone};
  std::size_t next_recent_ = 0;
};

// Distinct named agents with a handled contact, per bucket and in all: not a sum, so a set of
// (bucket, agent) keys; a bucket counts an agent when the agent first appears in it.
class AgentTally {
 public:
  void add(const std::string& bucket_key, std::string_view agent, Sums& bucket) {
    if (agent.empty()) return;
    key_.assign(bucket_key).append(1, '\x1e').append(agent);
    if (!in_buckets_.insert(key_).second) return;
    bucket.add_raw(Field::agents_handled, 1);
    all_.emplace(agent);  // an agent new to all buckets is new to this one
  }
  /// The total (merged from the buckets) counts an agent of several periods once.
  void correct_total(Sums& total) const {
    total.add_raw(Field::agents_handled, static_cast<std::int64_t>(all_.size()) - total.raw(Field::agents_handled));
  }

 private:
  std::string key_;
  std::unordered_set<std::string> in_buckets_;
  std::unordered_set<std::string> all_;
};

WindowRules chain_rules(const CaseRules& cases) {
  WindowRules w;
  w.window_s = cases.by_customer ? cases.window_s : kWholeCase;
  return w;
}

// Which record columns a missing aggregate field would come from, for messages.
struct FieldSource {
  Field field;
  std::string_view columns;
};
constexpr std::array kFieldSources{
    FieldSource{Field::answer_wait_s, "wait_s"},
    FieldSource{Field::abandon_wait_s, "wait_s"},
    FieldSource{Field::answered_in_t, "wait_s"},
    FieldSource{Field::abandoned_in_t, "wait_s"},
    FieldSource{Field::queued, "wait_s"},
    FieldSource{Field::short_abandoned, "wait_s"},
    FieldSource{Field::held, "hold_s"},
    FieldSource{Field::transfers, "transferred"},
    FieldSource{Field::resolved_first_contact, "first_contact_resolved"},
    FieldSource{Field::total_cost, "cost"},
    FieldSource{Field::promoters, "nps"},
    FieldSource{Field::passives, "nps"},
    FieldSource{Field::detractors, "nps"},
    FieldSource{Field::orders, "orders (give --orders N)"},
    FieldSource{Field::customers, "customers (give --customers N)"},
    FieldSource{Field::first_responses, "opened_at and first_response_at"},
    FieldSource{Field::timed_resolutions, "opened_at and resolved_at"},
    FieldSource{Field::window_handled, "customer_id and opened_at"},
    FieldSource{Field::customer_contacts, "customer_id and opened_at"},
    FieldSource{Field::contacts, "contacts (give --contacts N or --base-file)"},
    FieldSource{Field::views, "article views (viewed_at, article_id or read_s)"},
    FieldSource{Field::timed_views, "read_s"},
    FieldSource{Field::bounces, "read_s"},
    FieldSource{Field::agent_responses, "agent_score"},
    FieldSource{Field::agent_score_total, "agent_score"},
    FieldSource{Field::enps_promoters, "enps_score"},
    FieldSource{Field::enps_passives, "enps_score"},
    FieldSource{Field::enps_detractors, "enps_score"},
    FieldSource{Field::cases_resolved, "case_id (or customer_id and opened_at with --case-by customer)"},
    FieldSource{Field::agents_handled, "agent"},
};

std::string_view record_source_of(Field f) {
  for (const auto& s : kFieldSources)
    if (s.field == f) return s.columns;
  if (index_of(f) >= index_of(Field::csat_1) && index_of(f) <= index_of(Field::csat_10)) return "csat";
  return name_of(f);
}

// What every pass over a log shares: the bucketing settings and the --from/--to limits.
struct ScanSettings {
  const FileInputOptions& input;
  const BucketOptions& options;
  const RecordRules& rules;
  const LocalClock& clock;
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  bool needs_time = false;
};

// A plain index (not std::optional): GCC 12 misreads optional<size_t> here as uninitialised.
constexpr auto kNoColumn = static_cast<std::size_t>(-1);

// The --group columns; per-agent figures (which group by agent) first need an agent column.
std::vector<std::size_t> bucket_group_columns(const TableReader& reader, const RecordColumnMap& columns,
                                              const ScanSettings& scan) {
  if (scan.rules.count_agents && !columns.has(RecordField::agent))
    throw Error::data(
        fmt::format("{}: per-agent figures need an agent column (--map agent=HEADER names it)", reader.source_name()));
  return group_columns(scan.options.group, reader.header(), columns, reader.source_name());
}

// The columns of one log and the readers of its cells, found once per reader.
struct LogLayout {
  LogLayout(const TableReader& reader, const ScanSettings& scan)
      : columns(reader.header(), scan.input.overrides, reader.source_name()),
        group_cols(bucket_group_columns(reader, columns, scan)),
        period_col(scan.options.by_column.empty() ? kNoColumn
                                                  : group_columns({scan.options.by_column}, reader.header(), columns,
                                                                  reader.source_name(), "--by-column")
                                                        .front()),
        contacts(reader, columns, scan.input.decimal_comma),
        row_clock(reader, columns, scan.clock, scan.rules.business_hours) {
    if (scan.needs_time && !row_clock.available())
      throw Error::data(
          fmt::format("{}: --by, --from/--to, --window and --case-by customer need a time column (opened_at, date and "
                      "time, or viewed_at)",
                      reader.source_name()));
  }
  LogLayout(const LogLayout&) = delete;
  LogLayout& operator=(const LogLayout&) = delete;

  RecordColumnMap columns;
  std::vector<std::size_t> group_cols;
  std::size_t period_col;
  ContactReader contacts;
  RowClock row_clock;
};

// What a pass counts besides the buckets, for warnings and the NPS scale check.
struct ScanTally {
  std::size_t untimed = 0;  // offered contacts whose wait cell is empty
  std::array<std::int64_t, 11> nps_answers{};

  void merge(const ScanTally& other) {
    untimed += other.untimed;
    for (std::size_t i = 0; i < nps_answers.size(); ++i)
      nps_answers[i] += other.nps_answers[i];
  }
};

// The per-row work of every pass over a log: reads, derives and checks the current row's
// contact and finds its period. Returns false when --from/--to leave the row out; throws
// Error for a bad cell.
class RowStep {
 public:
  RowStep(const TableReader& reader, const LogLayout& layout, const ScanSettings& scan, ColumnPeriods& column_periods)
      : reader_(reader), layout_(layout), scan_(scan), periods_(scan.options.by), column_periods_(column_periods) {}

  bool read(Contact& c, const Period*& period) {
    layout_.contacts.read(c);
    layout_.row_clock.read_durations(c);
    derive_flags(c);
    if (const auto v = check_contact(c, scan_.rules))
      throw layout_.contacts.error_at(*record_field_named(v->column), v->message);
    if (layout_.period_col != kNoColumn) {
      column_period_ = column_periods_.at(trim(reader_.cell(layout_.period_col)));
      period = &column_period_;
    } else if (scan_.needs_time) {
      const auto local = layout_.row_clock.local_seconds();
      if ((scan_.from && local < *scan_.from) || (scan_.to && local >= *scan_.to)) return false;
      period = &periods_.at(local);
    } else {
      period = &whole_input_;
    }
    if (layout_.columns.has(RecordField::wait_s) && !c.wait && *c.offered) ++tally.untimed;
    if (c.nps) ++tally.nps_answers[static_cast<std::size_t>(*c.nps)];
    groups_.clear();
    for (const auto col : layout_.group_cols)
      groups_.push_back(trim(reader_.cell(col)));
    return true;
  }
  /// The current row's group values, valid until the next read.
  [[nodiscard]] const std::vector<std::string_view>& groups() const { return groups_; }

  ScanTally tally;

 private:
  const TableReader& reader_;
  const LogLayout& layout_;
  const ScanSettings& scan_;
  PeriodCache periods_;
  ColumnPeriods& column_periods_;  // shared by every input, so that labels keep one order
  Period column_period_;
  const Period whole_input_ = period_of(0, BucketBy::all);
  std::vector<std::string_view> groups_;
};

// --- reading one input on several threads ------------------------------------------------

// The rows of a CSV or NDJSON input are cut into blocks of whole rows (RowBlocks: never
// inside a quoted field, for files and pipes alike) and the blocks are read on worker
// threads, each into buckets of its own; the buckets are added up in block order. A block
// with a bad row is read again on the calling thread the way a serial read goes, so that
// messages, skips and rejects are exactly those of one thread.

// What one block of rows adds up to.
struct BlockScan {
  BucketIndex index;
  ScanTally tally;
};

// The rows of a block reader in buckets, without error handling: any bad row throws.
BlockScan scan_block(TableReader& reader, const ScanSettings& scan) {
  BlockScan out;
  const LogLayout layout(reader, scan);
  ColumnPeriods unused;  // blocks are read only without --by-column
  RowStep step(reader, layout, scan, unused);
  Contact c;
  const Period* period = nullptr;
  while (reader.next())
    if (step.read(c, period)) accumulate(out.index.at(*period, step.groups()), c, scan.rules);
  out.tally = step.tally;
  return out;
}

// One block on its way through the workers.
struct BlockJob {
  RowBlocks::Block block;
  std::optional<BlockScan> result;  // empty when the block had a bad row
  bool done = false;
};

// Blocks handed to worker threads, taken back in order. The calling thread reads the input
// and adds up the results; the workers only parse.
class BlockWorkers {
 public:
  BlockWorkers(unsigned threads, const BlockSource& source, const ScanSettings& scan) : source_(source), scan_(scan) {
    for (unsigned k = 0; k < threads; ++k)
      workers_.emplace_back([this] { work(); });
  }
  BlockWorkers(const BlockWorkers&) = delete;
  BlockWorkers& operator=(const BlockWorkers&) = delete;
  ~BlockWorkers() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_workers_.notify_all();
  }  // the jthreads join here

  void add(RowBlocks::Block block) {
    {
      const std::lock_guard lock(mutex_);
      jobs_[next_added_++].block = std::move(block);
    }
    wake_workers_.notify_one();
  }
  [[nodiscard]] std::size_t in_flight() const { return next_added_ - next_taken_; }
  /// The oldest block's job, once a worker is done with it.
  BlockJob take() {
    std::unique_lock lock(mutex_);
    const auto it = jobs_.find(next_taken_);
    done_.wait(lock, [&] { return it->second.done; });
    BlockJob job = std::move(it->second);
    jobs_.erase(it);
    ++next_taken_;
    return job;
  }

 private:
  void work() {
    for (;;) {
      BlockJob* job = nullptr;
      {
        std::unique_lock lock(mutex_);
        wake_workers_.wait(lock, [&] { return stopping_ || next_started_ < next_added_; });
        if (stopping_) return;
        job = &jobs_[next_started_++];  // map nodes stay put while others are added
      }
      try {
        // The block reader reads a copy: the block's bytes stay as they came, in case the
        // calling thread has to read them again.
        const auto reader = source_.block_reader(job->block.text(), job->block.first_line);
        job->result = scan_block(*reader, scan_);
      } catch (...) {
        job->result.reset();  // read again by the caller, which reports the bad row in place
      }
      {
        const std::lock_guard lock(mutex_);
        job->done = true;
      }
      done_.notify_all();
    }
  }

  const BlockSource& source_;
  const ScanSettings& scan_;
  std::mutex mutex_;
  std::condition_variable wake_workers_;
  std::condition_variable done_;
  std::map<std::size_t, BlockJob> jobs_;
  std::size_t next_added_ = 0;
  std::size_t next_started_ = 0;
  std::size_t next_taken_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> workers_;  // last: they stop and join before the rest goes
};

// Reads the rest of `source` (positioned after its header) in blocks on worker threads into
// `index` and `tally`; a block with a bad row, and an input of one block, go to
// `read_serially`. Returns false, having read nothing, when the input is not to be read this
// way (one thread, --by-column); the caller then reads it serially.
bool read_in_blocks(BlockSource& source, const ScanSettings& scan, BucketIndex& index, ScanTally& tally,
                    const std::function<void(TableReader&)>& read_serially) {
  const unsigned threads =
      scan.input.threads != 0 ? scan.input.threads : std::max(1U, std::thread::hardware_concurrency());
  if (threads < 2 || !scan.options.by_column.empty()) return false;
  auto rest = source.take_rest();
  RowBlocks blocks(source.input(), std::move(rest.head), rest.line, scan.input.block_bytes, source.row_ends());
  const auto read_here = [&](const RowBlocks::Block& block) {
    const auto reader = source.block_reader(block.text(), block.first_line);
    read_serially(*reader);
  };
  RowBlocks::Block first;
  if (!blocks.next(first)) return true;
  RowBlocks::Block second;
  if (!blocks.next(second)) {  // one block: not worth a thread
    read_here(first);
    return true;
  }
  BlockWorkers workers(threads, source, scan);
  workers.add(std::move(first));
  workers.add(std::move(second));
  const auto add_up = [&](BlockJob job) {
    if (!job.result) {
      read_here(job.block);
      return;
    }
    for (auto& b : job.result->index.take_sorted()) {
      std::vector<std::string_view> groups(b.groups.begin(), b.groups.end());
      index.at(b.period, groups).merge(b.sums);
    }
    tally.merge(job.result->tally);
  };
  const std::size_t max_in_flight = std::size_t{2} * threads;
  for (RowBlocks::Block block; blocks.next(block);) {
    if (workers.in_flight() >= max_in_flight) add_up(workers.take());
    workers.add(std::move(block));
    block = {};
  }
  while (workers.in_flight() > 0)
    add_up(workers.take());
  return true;
}

}  // namespace

void require_fields(const MetricSpec& metric, const Plan& plan, const FieldSet& supplied, const std::string& source) {
  if (!plan.problem.empty()) throw Error::data(fmt::format("{}: {}", source, plan.problem));
  std::vector<std::string_view> missing;
  for (const Field f : plan.required) {
    const auto column = record_source_of(f);
    if (!supplied.has(f) && std::find(missing.begin(), missing.end(), column) == missing.end())
      missing.push_back(column);
  }
  if (!missing.empty())
    throw Error::data(fmt::format("{}: {} needs {} in the log", source, metric.name, fmt::join(missing, ", ")));
}

Shape detect_shape(const TableReader& first) {
  const auto e = shape_evidence(first.header());
  return e.record_columns > e.period_columns ? Shape::records : Shape::periods;
}

BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, const ClosedBuckets& on_closed) {
  BucketTable table;
  table.options = options;
  table.group_names = options.group;
  const LocalClock clock(options.tz);
  ScanSettings scan{
      input, options, rules, clock, limit_of(options.from, clock, "--from"), limit_of(options.to, clock, "--to"),
      false};
  const bool by_customer = rules.cases && rules.cases->by_customer;
  scan.needs_time = options.by != BucketBy::all || scan.from || scan.to || rules.window || by_customer;
  if ((rules.window || rules.cases) && on_closed)
    throw Error::usage("window rules need the whole input: give --no-stream");
  std::optional<CustomerWindows> windows;
  if (rules.window) windows.emplace(*rules.window);
  std::optional<CustomerWindows> cases;
  if (rules.cases) cases.emplace(chain_rules(*rules.cases));
  AgentTally agents;
  std::int64_t row_number = 0;  // orders a case's contacts in a log without times
  RowErrors errors(input.errors);
  BucketIndex index;
  ScanTally tally;
  ColumnPeriods column_periods;
  // Streaming: buckets of periods before the current row's are complete on ordered input.
  std::int64_t open_order = std::numeric_limits<std::int64_t>::min();
  std::string open_label;
  const auto close_buckets = [&](std::vector<Bucket> closed) {
    for (auto& b : closed) {
      b.sums.set_present(table.supplied);
      table.total.merge(b.sums);
    }
    if (!closed.empty()) on_closed(std::move(closed), table);
  };
  if (!readers.empty()) table.source = readers.front()->source_name();
  // Reads the rows of `in` (an input, or a block of one) one after another.
  const auto read_serially = [&](TableReader& in) {
    const LogLayout layout(in, scan);
    const auto agent_col = layout.columns.column_of(RecordField::agent);
    const auto customer_col = layout.columns.column_of(RecordField::customer_id);
    const auto id_col = layout.columns.column_of(RecordField::id);
    const auto case_col = layout.columns.column_of(by_customer ? RecordField::customer_id : RecordField::case_id);
    RowStep step(in, layout, scan, column_periods);
    Contact c;
    const Period* period = nullptr;
    while (in.next()) {
      try {
        if (!step.read(c, period)) continue;
        if (on_closed && period->order != open_order) {
          if (period->order < open_order)
            throw Error::data(in.where(0), "time",
                              fmt::format("rows are not in time order ({} after {}): streamed NDJSON needs "
                                          "time-ordered input (sort it, or give --no-stream)",
                                          period->label, open_label));
          close_buckets(index.take_before(period->order));
          open_order = period->order;
          open_label = period->label;
        }
        auto& sums = index.at(*period, step.groups());
        accumulate(sums, c, rules);
        if (windows && customer_col) {
          const auto customer = trim(in.cell(*customer_col));
          if (customer.empty())
            sums.add_raw(Field::no_customer, 1);
          else
            windows->add(customer, layout.row_clock.opened_utc(), id_col ? trim(in.cell(*id_col)) : std::string_view{},
                         *c.answered, index.last());
        }
        ++row_number;
        if (cases && case_col) {
          const auto key = trim(in.cell(*case_col));
          if (key.empty())
            sums.add_raw(Field::no_case, 1);
          else
            cases->add(key, layout.row_clock.available() ? layout.row_clock.opened_utc() : row_number,
                       id_col ? trim(in.cell(*id_col)) : std::string_view{}, *c.answered, index.last(),
                       c.resolved.value_or(false));
        }
        if (rules.count_agents && *c.answered) agents.add(index.key(), trim(in.cell(*agent_col)), sums);
      } catch (const Error& e) {
        errors.report(e, in);
      }
    }
    tally.merge(step.tally);
  };
  for (auto& reader : readers) {
    const LogLayout layout(*reader, scan);  // checks the columns before any row is read
    table.supplied |= supplied_fields(layout.columns.measures(), rules);
    // Streaming, customer windows, cases and distinct agents need rows in input order;
    // everything else adds up.
    if (auto* source = dynamic_cast<BlockSource*>(reader.get());
        source && !on_closed && !windows && !cases && !rules.count_agents)
      if (read_in_blocks(*source, scan, index, tally, read_serially)) {
        ++table.split_reads;
        continue;
      }
    read_serially(*reader);
  }
  if (options.scale_check) check_nps_scale(tally.nps_answers, table.source);
  if (windows) windows->judge([&](std::size_t position) -> Sums& { return index.bucket(position); });
  if (cases) cases->judge_cases([&](std::size_t position) -> Sums& { return index.bucket(position); });
  auto remaining = index.take_sorted();
  if (on_closed) {
    close_buckets(std::move(remaining));
  } else {
    for (auto& b : remaining) {
      b.sums.set_present(table.supplied);
      table.total.merge(b.sums);
    }
    table.buckets = std::move(remaining);
  }
  if (rules.count_agents) agents.correct_total(table.total);
  table.total.set_present(table.supplied);
  if (tally.untimed > 0)
    table.warnings.push_back(
        fmt::format("{} offered contact{} no wait_s: ASA, average wait and service level count "
                    "{} wait as 0 s",
                    tally.untimed, tally.untimed == 1 ? " has" : "s have", tally.untimed == 1 ? "its" : "their"));
  errors.add_warnings(table.warnings);
  return table;
}

namespace {

// Totals a log cannot count itself; contacts only beside a log whose rows are not contacts
// (article views for self-service-ratio), since a contact log counts its own.
constexpr std::array kBaseFields{Field::orders, Field::customers, Field::total_cost, Field::contacts};

void check_not_in_log(const BucketTable& buckets, Field f, std::string_view flag) {
  if (f == Field::contacts && buckets.supplied.has(f))
    throw Error::usage(fmt::format("{} conflicts with the log: each of its rows is a contact", flag));
  if (buckets.supplied.has(f))
    throw Error::usage(fmt::format("{} conflicts with the log's own {} column", flag, record_source_of(f)));
}

}  // namespace

void add_base_totals(BucketTable& buckets, const std::vector<NumberInput>& numbers) {
  for (const auto& n : numbers) {
    if (std::find(kBaseFields.begin(), kBaseFields.end(), n.field) == kBaseFields.end())
      throw Error::usage(
          fmt::format("{} describes period totals; with a per-contact log only --orders, --customers, "
                      "--total-cost and --contacts can be added",
                      n.flag));
    check_not_in_log(buckets, n.field, n.flag);
    const auto parsed = parse_value(n.text, info(n.field).kind);
    if (!parsed.ok()) throw Error::data(fmt::format("{}: {}", n.flag, parsed.error));
    buckets.total.add_raw(n.field, parsed.raw);
    buckets.supplied.add(n.field);
  }
  buckets.total.set_present(buckets.supplied);
  for (auto& b : buckets.buckets)
    b.sums.set_present(buckets.supplied);
  if (!numbers.empty() && !buckets.buckets.empty() &&
      !(buckets.options.by == BucketBy::all && buckets.group_names.empty()))
    buckets.warnings.push_back(
        fmt::format("{} applies to the total only; --base-file gives each period its own", numbers.front().flag));
}

void join_base_file(BucketTable& buckets, TableReader& base, const std::vector<ColumnOverride>& overrides) {
  const ColumnMap columns(base.header(), overrides, base.source_name());
  const auto period_column = columns.period_column();
  if (!period_column) throw Error::data(fmt::format("{}: --base-file needs a period column", base.source_name()));
  std::vector<Field> fields;
  for (const Field f : kBaseFields)
    if (columns.column_of(f)) {
      if (f == Field::contacts && buckets.supplied.has(f)) continue;  // a contact log counts its own
      check_not_in_log(buckets, f, "--base-file");
      fields.push_back(f);
    }
  if (fields.empty())
    throw Error::data(
        fmt::format("{}: --base-file needs orders, customers, total_cost or contacts", base.source_name()));
  std::unordered_map<std::string, Sums> by_period;
  while (base.next()) {
    Sums row;
    for (const Field f : fields) {
      const auto col = *columns.column_of(f);
      if (is_missing(base.cell(col))) continue;
      const auto parsed = parse_value(base.cell(col), info(f).kind);
      if (!parsed.ok()) throw Error::data(base.where(col), base.header()[col], parsed.error);
      row.add_raw(f, parsed.raw);
    }
    by_period[std::string(trim(base.cell(*period_column)))].merge(row);
  }
  for (const Field f : fields)
    buckets.supplied.add(f);
  std::vector<std::string> counted;
  for (auto& b : buckets.buckets) {
    if (const auto it = by_period.find(b.period.label); it != by_period.end()) {
      b.sums.merge(it->second);
      if (std::find(counted.begin(), counted.end(), b.period.label) == counted.end()) {
        buckets.total.merge(it->second);
        counted.push_back(b.period.label);
      }
    }
    b.sums.set_present(buckets.supplied);
  }
  buckets.total.set_present(buckets.supplied);
}

void join_agent_hours(BucketTable& buckets, TableReader& hours, const std::vector<ColumnOverride>& overrides) {
  const auto& source = hours.source_name();
  const ColumnMap columns(hours.header(), overrides, source);
  const auto logged_in = columns.column_of(Field::logged_in_s);
  const auto agent = find_column(hours.header(), "agent");
  if (!logged_in || !agent)
    throw Error::data(fmt::format("{}: --per-hour needs columns agent and logged_in_s", source));
  const auto period = columns.period_column();
  if (!period && (buckets.options.by != BucketBy::all || !buckets.options.by_column.empty()))
    throw Error::data(fmt::format("{}: --per-hour with --by needs a period column to match the periods", source));
  const auto agent_group = std::find(buckets.group_names.begin(), buckets.group_names.end(), "agent");
  if (agent_group == buckets.group_names.end()) throw Error::usage("--per-hour needs rows grouped by agent");
  const auto agent_index = static_cast<std::size_t>(agent_group - buckets.group_names.begin());
  std::unordered_map<std::string, std::int64_t> seconds;  // period label, '\x1f', agent → raw seconds
  while (hours.next()) {
    if (is_missing(hours.cell(*logged_in))) continue;
    const auto parsed = parse_value(hours.cell(*logged_in), FieldKind::seconds);
    if (!parsed.ok()) throw Error::data(hours.where(*logged_in), hours.header()[*logged_in], parsed.error);
    const std::string label = period ? std::string(trim(hours.cell(*period))) : "all";
    seconds[label + '\x1f' + std::string(trim(hours.cell(*agent)))] += parsed.raw;
  }
  buckets.supplied.add(Field::logged_in_s);
  std::unordered_set<std::string> counted;
  for (auto& b : buckets.buckets) {
    const auto key = b.period.label + '\x1f' + b.groups[agent_index];
    if (const auto it = seconds.find(key); it != seconds.end()) {
      b.sums.add_raw(Field::logged_in_s, it->second);
      if (counted.insert(key).second) buckets.total.add_raw(Field::logged_in_s, it->second);
    }
    b.sums.set_present(buckets.supplied);
  }
  buckets.total.set_present(buckets.supplied);
}

ResultTable metric_table(const MetricSpec& metric, const Settings& settings, const BucketTable& buckets) {
  ResultTable table{&metric, metric.plan(settings, buckets.supplied), buckets.group_names, {}, {}, buckets.warnings, {},
                    {}};
  require_fields(metric, table.plan, buckets.supplied, buckets.source);
  table.warnings.insert(table.warnings.end(), table.plan.warnings.begin(), table.plan.warnings.end());
  const bool one_bucket_only =
      buckets.options.by == BucketBy::all && buckets.options.by_column.empty() && buckets.group_names.empty();
  if (!one_bucket_only)
    for (const auto& b : buckets.buckets)
      table.rows.push_back({b.period.label, b.groups, metric.finalize(b.sums, settings), {}});
  table.total = metric.finalize(buckets.total, settings);
  return table;
}

}  // namespace cxkpi::cli
