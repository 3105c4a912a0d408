// Record logs read into buckets: each input row by row on this thread, or in blocks on
// several (parallel_read), then the states that span rows settled and the totals formed.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compute/bucket_budget.hpp"
#include "compute/bucket_index.hpp"
#include "compute/buckets.hpp"
#include "compute/column_readings.hpp"
#include "compute/contact_states.hpp"
#include "compute/input_columns.hpp"
#include "compute/log_scan.hpp"
#include "compute/parallel_read.hpp"
#include "compute/row_errors.hpp"
#include "errors.hpp"
#include "io/row_blocks.hpp"
#include "records/record_columns.hpp"
#include "records/row_filter.hpp"

namespace cxkpi::cli {
namespace {

// A 0-10 question answered by many never gets no 0 but some 1s by chance: such a column
// was almost surely asked on 1-10, and NPS (or eNPS, the same formula) on it would be wrong.
void check_zero_to_ten(const ScoreCounts& answers, const std::string& source, std::string_view column,
                       std::string_view metric) {
  constexpr std::int64_t kEnoughAnswers = 30;
  std::int64_t n = 0;
  for (const auto a : answers)
    n += a;
  if (n >= kEnoughAnswers && answers[0] == 0 && answers[1] > 0)
    throw Error::data(
        fmt::format("{}: {}: {} answers and none is 0, but some are 1: this looks like a 1-10 scale; "
                    "{} is asked on 0-10 (--no-scale-check if the survey really was 0-10)",
                    source, column, n, metric));
}

void check_scales(const ScanTally& tally, const std::string& source) {
  check_zero_to_ten(tally.nps_answers, source, "nps", "NPS");
  check_zero_to_ten(tally.enps_answers, source, "enps_score", "eNPS");
}

std::vector<std::string> source_names(const Readers& readers) {
  std::vector<std::string> names;
  for (const auto& r : readers)
    names.push_back(r->source_name());
  return names;
}

// --dedupe last: a first read of the inputs finds each id's last row that reads without error
// (a bad row is reported or skipped by the second read), which the second read keeps.
void find_last_rows(const FileInputOptions& input, const ScanSettings& scan, DuplicateIds& ids) {
  DuplicateIds::check_readable_twice(input.files);
  for (std::uint32_t i = 0; i < input.files.size(); ++i) {
    const auto reader = open_table(InputStream::open(input.files[i]), input.read);
    LogLayout layout(*reader, scan);
    if (layout.id_col == kNoColumn) continue;  // refused by the second read
    ColumnPeriods periods;
    RowStep step(*reader, layout, scan, periods, nullptr);
    Contact c;
    const Period* period = nullptr;
    for (;;) {
      try {
        if (!reader->next()) break;
      } catch (const Error& e) {
        if (e.row_stepped_past()) continue;  // a ragged row
        break;                               // the second read stops there too
      }
      try {
        step.read(c, period);
      } catch (const Error&) {
        continue;  // a bad cell
      }
      if (const auto id = trim(reader->cell(layout.id_col)); !id.empty())
        ids.remember_last(id, {i, row_number(*reader, layout.id_col)});
    }
  }
}

// One read of record logs into a table of buckets.
class LogRead {
 public:
  LogRead(const ScanSettings& scan, const ClosedBuckets& on_closed, const CountedRows& on_row, RowErrors& errors,
          DuplicateIds& ids, std::string source)
      : scan_(scan),
        on_closed_(on_closed),
        on_row_(on_row),
        errors_(errors),
        ids_(ids),
        limit_(scan.options.max_buckets, source, scan.options.group),
        states_(scan.rules) {
    index_.limit_to(&limit_);
    table_.options = scan.options;
    table_.group_names = scan.options.group;
    table_.source = std::move(source);
  }

  // Reads one input: in blocks on several threads when its rows may be added up in any
  // order; streaming and the states that span rows need them in input order.
  void read(TableReader& reader) {
    check_log_headers(reader, scan_);
    const LogLayout layout(reader, scan_);  // checks the columns before any row is read
    tell_log_columns(reader, layout, scan_);
    ids_.check_column(layout.id_col != kNoColumn, reader.source_name());
    table_.supplied |= supplied_fields(layout.columns.present(), scan_.rules);
    const auto read_here = [this](TableReader& in) { read_serially(in); };
    const auto in_blocks = [&] {
      auto* source = dynamic_cast<BlockSource*>(&reader);
      return source && !on_closed_ && !on_row_ && states_.empty() &&
             read_in_blocks(*source, scan_, index_, tally_, read_here, {ids_, input_});
    };
    if (in_blocks())
      ++table_.split_reads;
    else
      read_serially(reader);
    ++input_;
  }

  void set_preset(const std::optional<AppliedPreset>& applied) {
    if (!applied) return;
    table_.preset = applied->preset;
    if (const auto rule = applied->preset->where; !rule.empty())  // -v counts the rows it leaves out, as --where's
      row_rule_ = fmt::format("the {} preset's row rule {}", applied->preset->name, rule);
  }

  BucketTable finish() {
    if (scan_.options.scale_check) check_scales(tally_, table_.source);
    states_.finish(index_, table_.total);
    auto remaining = index_.take_sorted();
    if (on_closed_) {
      close(std::move(remaining));
    } else {
      add_to_total(remaining);
      table_.buckets = std::move(remaining);
    }
    table_.total.set_present(table_.supplied);
    if (auto w = ids_.warning(tally_.deduped); !w.empty()) table_.warnings.push_back(std::move(w));
    tell_rows_kept(scan_.input.where.get(), row_rule_, tally_.rows, tally_.kept, scan_.input.verbose, table_.warnings);
    return std::move(table_);
  }

 private:
  // Reads the rows of `in` (an input, or a block of one) one after another.
  void read_serially(TableReader& in) {
    LogLayout layout(in, scan_);
    auto ids = ids_.check_of(input_);
    RowStep step(in, layout, scan_, column_periods_, &ids);
    states_.start(layout);
    Contact c;
    const Period* period = nullptr;
    for_each_row(in, errors_, [&] {
      if (!step.read(c, period)) return;
      if (on_closed_) stream_to(*period, in);
      auto& sums = index_.at(*period, step.groups());
      accumulate(sums, c, scan_.rules);
      states_.add({in, layout, c}, sums, index_);
      if (on_row_) on_row_({in, id_column(layout), c, *period, step.groups()});
    });
    tally_.merge(step.tally);
  }

  // Streaming: buckets of periods before the current row's are complete on ordered input.
  void stream_to(const Period& period, const TableReader& in) {
    if (period.order == open_order_) return;
    if (period.order < open_order_)
      throw Error::data(in.where(0), "time",
                        fmt::format("rows are not in time order ({} after {}): streamed NDJSON needs "
                                    "time-ordered input (sort it, or give --no-stream)",
                                    period.label, open_label_));
    close(index_.take_before(period.order));
    open_order_ = period.order;
    open_label_ = period.label;
  }

  void close(std::vector<Bucket> closed) {
    add_to_total(closed);
    if (!closed.empty()) on_closed_(std::move(closed), table_);
  }

  void add_to_total(std::vector<Bucket>& buckets) {
    for (auto& b : buckets) {
      b.sums.set_present(table_.supplied);
      table_.total.merge(b.sums);
    }
  }

  const ScanSettings& scan_;
  static std::optional<std::size_t> id_column(const LogLayout& layout) {
    return layout.id_col == kNoColumn ? std::nullopt : std::optional{layout.id_col};
  }

  const ClosedBuckets& on_closed_;
  const CountedRows& on_row_;
  BucketTable table_;
  RowErrors& errors_;
  DuplicateIds& ids_;
  std::uint32_t input_ = 0;  // which input is being read, for the places of ids
  BucketLimit limit_;        // how many buckets may be held at once
  BucketIndex index_;
  ScanTally tally_;
  std::string row_rule_;  // "the twilio preset's row rule …": a preset's rule that joined --where
  ColumnPeriods column_periods_;
  ContactStates states_;
  std::int64_t open_order_ = std::numeric_limits<std::int64_t>::min();
  std::string open_label_;
};

}  // namespace

Shape detect_shape(const TableReader& first, const FileInputOptions& input) {
  const auto e = shape_evidence(first.header(), input_columns(first.header(), input).overrides);
  return e.record_columns > e.period_columns ? Shape::records : Shape::periods;
}

BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, RowErrors& errors, const ClosedBuckets& on_closed,
                         const CountedRows& on_row) {
  const LocalClock clock(options.tz);
  auto scan = scan_settings(input, options, rules, clock);
  for (const auto& reader : readers)  // each input's preset is found once, from its header
    scan.inputs.try_emplace(reader->source_name(), input_columns(reader->header(), input));
  if ((rules.window || rules.cases) && on_closed)
    throw Error::usage("window rules need the whole input: give --no-stream");
  DuplicateIds ids(input.dedupe, source_names(readers));
  if (input.dedupe == Dedupe::last) find_last_rows(input, scan, ids);
  const auto source = readers.empty() ? std::string() : readers.front()->source_name();
  LogRead read(scan, on_closed, on_row, errors, ids, source);
  if (!readers.empty()) read.set_preset(scan.columns_of(*readers.front()).preset);
  // A row's own sums are checked as it is read (for_each_row); blocks read on several threads
  // and the buckets merge into the total only here.
  return naming_overflow([&] { return source + ": total"; },
                         [&] {
                           for (auto& reader : readers)
                             read.read(*reader);
                           return read.finish();
                         });
}

BucketTable read_records(Readers& readers, const FileInputOptions& input, const BucketOptions& options,
                         const RecordRules& rules, const ClosedBuckets& on_closed) {
  RowErrors errors(input.errors);
  auto table = read_records(readers, input, options, rules, errors, on_closed);
  errors.finish(table.warnings);
  return table;
}

}  // namespace cxkpi::cli
