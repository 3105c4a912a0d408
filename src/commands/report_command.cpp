// `cxkpi report`: every metric the input supports, per bucket, in one table.
#include "commands/report_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/command.hpp"
#include "commands/definitions.hpp"
#include "commands/emit.hpp"
#include "commands/flags.hpp"
#include "commands/log_read.hpp"
#include "commands/metric_options.hpp"
#include "commands/page_output.hpp"
#include "commands/state_flags.hpp"
#include "compute/buckets.hpp"
#include "compute/compare.hpp"
#include "compute/report.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "output/html_page.hpp"
#include "output/report_format.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

class ReportCommand final : public Command {
 public:
  explicit ReportCommand(CLI::App& parent)
      : app_(parent.add_subcommand("report", "every metric the input supports, per period and group")) {
    app_->add_option("--metrics", metrics_, "only these metrics, e.g. abandonment,asa,service-level")
        ->delimiter(',')
        ->allow_extra_args(false);
    add_report_options(*app_, settings_);
    add_definitions_flag(*app_, definitions_);
    add_input_flags(*app_, input_);
    add_record_flags(*app_, records_);
    add_output_flags(*app_, output_);
    add_state_flags(*app_, state_);
    app_->add_option("--compare", compare_,
                     "baseline per row and metric: previous, previous-year, or a FILE read the same way")
        ->group("Output");
    app_->add_flag("--no-stream", no_stream_, "NDJSON: write every period at the end, for input not in time order")
        ->group("Output");
    const auto* group = "Checks (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)";
    app_->add_option("--warn", warn_, "warn when a metric's total is outside a range: abandonment=~:8 (repeatable)")
        ->group(group)
        ->allow_extra_args(false);
    app_->add_option("--crit", crit_, "critical when a metric's total is outside a range: abandonment=~:10")
        ->group(group)
        ->allow_extra_args(false);
    app_->footer(
        "\nExample:  cxkpi report data/calls.csv --by week --group channel\n"
        "          cxkpi report data/calls.csv --by day --format csv --metrics abandonment,asa,service-level");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    apply_definitions(definitions_, settings_);
    auto input = file_input(input_, output_.output);
    apply_weight(settings_, input, !compare_.empty() && !state_.emit, false);
    if (state_.emit) return emit_state(*app_, state_, rules(), read_logs(input), output_);
    if (streams()) return stream_ndjson(input);
    return finish(read_logs(input));
  }

  std::optional<LogRead> log_read() override {
    apply_definitions(definitions_, settings_);
    refuse_weight_in_sql(settings_);
    return LogRead{bucket_options(records_), rules()};
  }

  int run_merged(BucketTable&& merged) override {
    apply_definitions(definitions_, settings_);
    FileInputOptions unread;  // merge reads states, not logs: only --weight's refusals apply
    apply_weight(settings_, unread, !compare_.empty(), false);
    merged.options = bucket_options(records_);
    merged.group_names = merged.options.group;
    return finish(std::move(merged));
  }

 private:
  Readers open_logs(const FileInputOptions& input) const {
    auto readers = open_inputs(input, input_);
    if (records_.shape != "periods" && input_shape(*app_, records_, readers, input) != Shape::records)
      throw Error::usage(
          fmt::format("report reads per-contact logs; {} looks like a table of period totals (run one "
                      "metric at a time on it, e.g. cxkpi nps {})",
                      readers.front()->source_name(), readers.front()->source_name()));
    return readers;
  }

  RecordRules rules() const {
    auto r = settings_.record_rules();
    if (wants(needs_customer_windows)) r.window = WindowRules{};  // repeat-contact-rate asked for: 7-day window
    if (wants(needs_cases)) r.cases = CaseRules{};                // contacts-to-resolution: by case_id
    r.count_agents = wants(needs_agents);
    return r;
  }

  // Whether a metric named in --metrics keeps state beyond sums of this kind.
  [[nodiscard]] bool wants(bool (*needs)(const Plan&)) const {
    return std::any_of(metrics_.begin(), metrics_.end(), [&](const std::string& name) {
      const auto* m = metric_named(name);
      return m != nullptr && needs(m->plan(settings_, {}));
    });
  }

  BucketTable read_logs(const FileInputOptions& input) const {
    auto readers = open_logs(input);
    return read_records(readers, input, bucket_options(records_), rules());
  }

  // The report of buckets read here or merged from states: every row, compared, sorted, written.
  int finish(BucketTable buckets) const {
    if (writes_rows_as_made(output_, compare_)) return write_csv_as_made(std::move(buckets));
    auto report = compute_report(std::move(buckets));
    if (compare_ == "previous" || compare_ == "previous-year") {
      compare_within(report, compare_ == "previous-year", settings_.csat.confidence);
    } else if (!compare_.empty()) {
      auto baseline_input = file_input(input_, output_.output);
      baseline_input.files = {compare_};
      compare_with(report, compute_report(read_logs(baseline_input)), compare_, settings_.csat.confidence);
    }
    sort_rows(report, sort_options(output_));
    const auto options = format_options(output_);
    const auto text = draws_charts(options)
                          ? render_page(report_page(report, options, column_bands(report)), output_, input_.files)
                          : render_report(report, options);
    return write_result(text, report.warnings, checks(report), output_);
  }

  // The report's frame (columns, total, warnings) without rows, and the buckets for the rows.
  std::pair<ReportTable, BucketTable> framed(BucketTable buckets) const {
    std::vector<std::string> notes;
    auto report = report_frame(buckets, settings_, report_columns(metrics_, settings_, buckets, &notes), records_.by);
    report.warnings.insert(report.warnings.end(), notes.begin(), notes.end());
    report.definitions = definitions_;
    return {std::move(report), std::move(buckets)};
  }

  ReportTable compute_report(BucketTable logs) const {
    // Named references, not a structured binding: clang 14 (the fuzzers' and clang-tidy's
    // compiler) cannot capture a structured binding in a lambda.
    auto read = framed(std::move(logs));
    auto& report = read.first;
    auto& buckets = read.second;
    report.rows.reserve(buckets.buckets.size());  // no second, doubled copy of a million rows while growing
    take_report_rows(report, settings_, buckets, [&report](ReportRow row) { report.rows.push_back(std::move(row)); });
    return std::move(report);
  }

  // CSV or TSV in input order: each row is written as it is made and let go, so that the results
  // of a million buckets are never held at once.
  int write_csv_as_made(BucketTable logs) const {
    auto [report, buckets] = framed(std::move(logs));
    auto csv = report_csv_writer(report, small_sample_columns(report, settings_, buckets), format_options(output_));
    take_report_rows(report, settings_, buckets, [&](const ReportRow& row) { csv.add(row); });
    return write_result(csv.finish(report.total), report.warnings, checks(report), output_);
  }

  // As for single metrics: NDJSON to stdout from a time-bucketed log streams period by period.
  [[nodiscard]] bool streams() const {
    return can_stream(records_, output_) && compare_.empty() && !no_stream_ && !wants(needs_customer_windows) &&
           !wants(needs_cases);
  }

  int stream_ndjson(const FileInputOptions& input) const {
    auto readers = open_logs(input);
    ReportTable report{records_.by, records_.tz, records_.group, {}, {}, {}, {}, {}};
    report.definitions = definitions_;
    bool planned = false;
    const auto plan = [&](const BucketTable& so_far) {
      if (planned) return;
      report.columns = report_columns(metrics_, settings_, so_far);
      planned = true;
    };
    const auto write_closed = [&](const std::vector<Bucket>& closed, const BucketTable& so_far) {
      plan(so_far);
      std::string lines;
      for (const auto& b : closed)
        lines += render_report_ndjson_row(report, report_row(report, settings_, b.period.label, b.groups, b.sums));
      write_output(lines, "");
    };
    const auto buckets = read_records(readers, input, bucket_options(records_), rules(), write_closed);
    plan(buckets);
    report.total = report_row(report, settings_, "total", {}, buckets.total);
    auto warnings = buckets.warnings;
    add_report_warnings(warnings, report);
    return write_result(render_report_ndjson_total(report), warnings, checks(report), output_);
  }

  // --warn/--crit metric=RANGE, judged against each named metric's total.
  [[nodiscard]] std::vector<CheckItem> checks(const ReportTable& report) const {
    std::vector<CheckItem> items;
    for (const auto& want : parse_metric_thresholds(warn_, crit_, report_key)) {
      const auto column = std::find_if(report.columns.begin(), report.columns.end(), [&](const ReportColumn& c) {
        return report_key(c.metric->name) == want.metric;
      });
      if (column == report.columns.end())
        throw Error::usage(
            fmt::format("--warn/--crit: {} is not among the reported metrics", quote_value(want.metric)));
      const auto i = static_cast<std::size_t>(column - report.columns.begin());
      items.push_back(evaluate(column->metric->name, column->plan.unit, report.total.results[i], want.thresholds));
    }
    return items;
  }

  // The --warn/--crit ranges of each column, as the bands of an HTML page.
  [[nodiscard]] std::vector<Bands> column_bands(const ReportTable& report) const {
    const auto wanted = parse_metric_thresholds(warn_, crit_, report_key);
    std::vector<Bands> out;
    for (const auto& c : report.columns) {
      const auto it = std::find_if(wanted.begin(), wanted.end(),
                                   [&](const MetricThresholds& w) { return w.metric == report_key(c.metric->name); });
      out.push_back(it == wanted.end() ? Bands{} : alert_bands(it->thresholds));
    }
    return out;
  }

  CLI::App* app_;
  std::vector<std::string> warn_;
  std::vector<std::string> crit_;
  std::string compare_;
  bool no_stream_ = false;
  Settings settings_;
  std::string definitions_;  // --definitions VENDOR
  std::vector<std::string> metrics_;
  InputFlags input_;
  RecordFlags records_;
  OutputFlags output_;
  StateFlags state_;
};

}  // namespace

std::unique_ptr<Command> make_report_command(CLI::App& parent) {
  return std::make_unique<ReportCommand>(parent);
}

}  // namespace cxkpi::cli
