#include "commands/metric_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "check/thresholds.hpp"
#include "commands/definitions.hpp"
#include "commands/emit.hpp"
#include "commands/list_flag.hpp"
#include "commands/log_read.hpp"
#include "commands/state_flags.hpp"
#include "compute/buckets.hpp"
#include "compute/compare.hpp"
#include "compute/figure_warnings.hpp"
#include "compute/period_rows.hpp"
#include "compute/rolling.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "output/format.hpp"
#include "records/field_sources.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

struct FlagAlias {
  Field field;
  std::string_view names;
};

// Short flags users type for one-off numbers; the canonical --field-name always works too.
constexpr std::array kFlagAliases{
    FlagAlias{Field::csat_satisfied, "--satisfied"},
    FlagAlias{Field::csat_responses, "--responses"},
    FlagAlias{Field::talk_s, "--talk"},
    FlagAlias{Field::hold_s, "--hold"},
    FlagAlias{Field::wrap_s, "--wrap"},
    FlagAlias{Field::total_cost, "--cost"},
    FlagAlias{Field::answer_wait_s, "--answer-wait"},
    FlagAlias{Field::abandon_wait_s, "--abandon-wait"},
    FlagAlias{Field::idle_s, "--idle"},
    FlagAlias{Field::paid_s, "--paid"},
    FlagAlias{Field::logged_in_s, "--logged-in"},
};

bool is_score_count(Field f) {
  return (index_of(f) >= index_of(Field::csat_1) && index_of(f) <= index_of(Field::csat_10)) ||
         (index_of(f) >= index_of(Field::ces_1) && index_of(f) <= index_of(Field::ces_7)) ||
         (index_of(f) >= index_of(Field::nps_0) && index_of(f) <= index_of(Field::nps_10));
}

FieldSet all_inputs(const MetricSpec& spec) {
  FieldSet set;
  for (const Field f : spec.inputs)
    set.add(f);
  return set;
}

// Files that a second read finds as the first did: regular files, not "-" or a pipe.
bool read_again(const std::vector<std::string>& files) {
  std::error_code ec;
  return std::all_of(files.begin(), files.end(),
                     [&ec](const std::string& f) { return f != "-" && std::filesystem::is_regular_file(f, ec); });
}

}  // namespace

std::string flag_names(Field f) {
  for (const auto& a : kFlagAliases)
    if (a.field == f) return std::string(a.names) + "," + canonical_flag(f);
  return canonical_flag(f);
}

std::string metric_formula(const MetricSpec& spec, std::string_view definitions) {
  Settings settings;
  apply_definitions(definitions, settings);
  return spec.plan(settings, all_inputs(spec)).definition;
}
std::string metric_unit(const MetricSpec& spec) {
  return std::string(unit_name(spec.plan(Settings{}, all_inputs(spec)).unit));
}

std::string period_columns(const MetricSpec& spec) {
  if (spec.inputs.empty()) return "—";
  std::vector<std::string> shown;
  std::string_view run_start;  // the first per-score count of the run the last name shows
  for (const Field f : spec.inputs) {
    if (!is_score_count(f)) {
      run_start = {};
      shown.emplace_back(name_of(f));
    } else if (run_start.empty()) {
      run_start = name_of(f);
      shown.emplace_back(run_start);
    } else {
      shown.back() = fmt::format("{} … {}", run_start, name_of(f));
    }
  }
  return fmt::format("{}", fmt::join(shown, ", "));
}

std::string help_footer(const MetricSpec& spec) {
  const auto plan = spec.plan(Settings{}, all_inputs(spec));
  if (spec.inputs.empty())
    return fmt::format(
        "\nFormula:  {} ({})\n"
        "Columns:  {} (record logs only; aliases and --map field=Header work too)\n"
        "Example:  {}",
        plan.definition, unit_name(plan.unit), spec.log_columns, spec.example);
  return fmt::format(
      "\nFormula:  {} ({})\n"
      "Columns:  {} (period tables; common aliases and --map field=Header work too)\n"
      "Example:  {}\n"
      "          cxkpi {} data/monthly.csv",
      plan.definition, unit_name(plan.unit), period_columns(spec), spec.example, spec.name);
}

namespace {

// --by and --group on a period table.
TableRegroup table_regroup(const RecordFlags& records) {
  const auto options = bucket_options(records);
  return {options.by, options.interval_minutes, records.by, records.group};
}

}  // namespace

MetricCommand::MetricCommand(CLI::App& parent, const MetricSpec& spec)
    : spec_(spec), app_(parent.add_subcommand(std::string(spec.name), std::string(spec.title))) {
  for (const Field f : spec.inputs) {
    if (is_score_count(f)) continue;  // given together through --scores
    const auto i = index_of(f);
    number_option_[i] =
        app_->add_option(flag_names(f), number_text_[i], std::string(info(f).description))->group("Numbers");
  }
  add_metric_options(spec, *app_, settings_, extras_);
  add_input_flags(*app_, input_);
  add_record_flags(*app_, records_);
  records_.regroup_tables = true;
  app_->add_option("--base-file", base_file_,
                   "record logs: a period table of orders, customers, total_cost or contacts, joined to the periods")
      ->group(kRecordLogGroup);
  add_output_flags(*app_, output_);
  add_check_flags(*app_, checks_);
  add_state_flags(*app_, state_);
  add_list_flag(*app_, spec, list_);
  app_->add_flag("--no-stream", no_stream_, "NDJSON: write every period at the end, for input not in time order")
      ->group("Output");
  app_->add_flag("--spark", spark_, "table: under it, a sparkline per group of the value over the periods")
      ->group("Output");
  app_->add_option("--compare", compare_,
                   "baseline per row: previous (period of the same group), previous-year, or a FILE read the same way")
      ->group("Output");
  app_->add_option("--rolling", rolling_,
                   "with --by day: each day's figure over the N days ending on it (7d), from the days' summed "
                   "parts; days whose window starts before the log's first day are null with the reason")
      ->check(CLI::Validator(
          [](const std::string& text) {
            return rolling_days_named(text)
                       ? std::string()
                       : fmt::format("{} is not a whole number of days, 1 or more, such as 7d", quote_value(text));
          },
          "Nd"))
      ->group(kRecordLogGroup);
  app_->footer(help_footer(spec));
}

std::vector<NumberInput> MetricCommand::given_numbers() const {
  std::vector<NumberInput> numbers;
  for (const auto& f : kFields) {
    const auto* option = number_option_[index_of(f.field)];
    if (option != nullptr && option->count() > 0)
      numbers.push_back({f.field, option->get_name(), number_text_[index_of(f.field)]});
  }
  if (!extras_.scores.empty()) {
    auto scores =
        parse_score_counts("--scores", extras_.scores, {extras_.score_low, *extras_.score_scale}, extras_.score_field);
    numbers.insert(numbers.end(), scores.begin(), scores.end());
  }
  return numbers;
}

int MetricCommand::run() {
  validate_settings(spec_, settings_, extras_, records_.tz);
  output_.intervals = extras_.intervals;
  const auto numbers = given_numbers();
  if (list_) return run_listing(numbers);
  if (!numbers.empty() && input_.files.empty() && base_file_.empty()) {
    if (!compare_.empty()) throw Error::usage("--compare needs input files, not numbers");
    refuse_file_flags(*app_, spec_.name, numbers.front().flag);
    auto table = compute_from_numbers(spec_, settings_, numbers);
    table.definitions = extras_.definitions;
    return emit(std::move(table), output_, thresholds_of(checks_));
  }
  if (state_.emit) return emit_log_state(numbers);
  auto input = file_input(input_, output_.output);
  apply_weight(settings_, input, !compare_.empty(), extras_.intervals);
  auto readers = open_files(input);
  if (reads_periods(readers, input, numbers)) {
    if (!settings_.weight_column.empty())
      throw Error::usage(
          fmt::format("--weight weighs the answers of a record log; {} looks like a table of period "
                      "totals, whose answers are already counted",
                      readers.front()->source_name()));
    return run_periods(readers, input);
  }
  const auto rolling = rolling_days();
  if (numbers.empty() && streams())
    return stream_ndjson(readers, input);  // a figure for the whole input joins at the end
  if (writes_rows_as_made(output_, compare_) && !spark_ && !rolling) return write_csv_as_made(readers, input, numbers);
  return emit_whole(log_table(read_log(readers, input, numbers), rolling), numbers);
}

int MetricCommand::run_merged(BucketTable&& merged) {
  validate_settings(spec_, settings_, extras_, records_.tz);
  output_.intervals = extras_.intervals;
  FileInputOptions unread;  // merge reads states, not logs: only --weight's refusals apply
  apply_weight(settings_, unread, !compare_.empty(), extras_.intervals);
  merged.options = buckets();
  merged.group_names = merged.options.group;
  return emit_whole(log_table(std::move(merged), rolling_days()), {});
}

// --list: the contacts of a record log behind the figure, read alone.
int MetricCommand::run_listing(const std::vector<NumberInput>& numbers) const {
  if (!numbers.empty() || !base_file_.empty() || !extras_.per_hour.empty() || !compare_.empty() || state_.emit ||
      spark_ || rolling_days())
    throw Error::usage(
        "--list lists the contacts of a record log: leave out numbers, --base-file, --per-hour, --compare, "
        "--emit-state, --spark and --rolling");
  const auto input = file_input(input_, output_.output);
  auto readers = open_files(input);
  if (reads_periods(readers, input, numbers))
    throw Error::usage(fmt::format("--list lists the contacts of a record log; {} looks like a table of period totals",
                                   readers.front()->source_name()));
  return list_evidence(spec_, settings_, readers, input, buckets(), output_);
}

std::optional<LogRead> MetricCommand::log_read() {
  validate_settings(spec_, settings_, extras_, records_.tz);
  refuse_weight_in_sql(settings_);
  if (!extras_.per_hour.empty() || !base_file_.empty()) return std::nullopt;
  return LogRead{buckets(), settings_.record_rules()};
}

// The state of a record log: its buckets' sums, before any metric is computed from them.
int MetricCommand::emit_log_state(const std::vector<NumberInput>& numbers) const {
  if (!numbers.empty() || !base_file_.empty() || !extras_.per_hour.empty())
    throw Error::usage(
        "--emit-state carries the sums of record logs only: give numbers, --base-file and --per-hour to a local run");
  if (rolling_days())
    throw Error::usage(
        "--rolling with --emit-state: a state holds each day's sums, and cxkpi merge does not roll them; run "
        "--rolling locally");
  auto input = file_input(input_, output_.output);
  apply_weight(settings_, input, false, false);
  auto readers = open_files(input);
  if (reads_periods(readers, input, numbers))
    throw Error::usage(fmt::format("--emit-state reads record logs; {} looks like a table of period totals",
                                   readers.front()->source_name()));
  const auto rules = settings_.record_rules();
  return emit_state(*app_, state_, rules, read_records(readers, input, buckets(), rules), output_);
}

// A table held whole: compared with its baseline when asked, sorted, rendered.
int MetricCommand::emit_whole(ResultTable table, const std::vector<NumberInput>& numbers) const {
  table.definitions = extras_.definitions;
  if (compare_ == "previous" || compare_ == "previous-year") {
    compare_within(table, compare_ == "previous-year", extras_.confidence);
  } else if (!compare_.empty()) {
    auto baseline_input = file_input(input_, output_.output);
    baseline_input.files = {compare_};
    compare_with(table, compute_table(baseline_input, numbers), compare_, extras_.confidence);
  }
  return emit(std::move(table), output_, thresholds_of(checks_), input_.files, spark_);
}

// A per-agent metric (resolved-per-agent) always breaks down by agent first.
BucketOptions MetricCommand::buckets() const {
  auto options = bucket_options(records_);
  const bool by_agent = std::any_of(options.group.begin(), options.group.end(), [](const std::string& g) {
    return record_role_of_header(g) == RecordField::agent;
  });
  if (settings_.records.count_agents && !by_agent) options.group.insert(options.group.begin(), "agent");
  return options;
}

// NDJSON to stdout from a log bucketed in time order streams: each period is written as
// soon as the next one starts, so a pipeline sees yesterday before the whole file is read.
bool MetricCommand::streams() const {
  return can_stream(records_, output_) && compare_.empty() && rolling_.empty() && base_file_.empty() && !no_stream_ &&
         !settings_.records.window && !settings_.records.cases && !settings_.records.awaiting &&
         extras_.per_hour.empty();
}

int MetricCommand::stream_ndjson(Readers& readers, const FileInputOptions& input) const {
  const auto options = buckets();
  ResultTable out{&spec_, {}, options.group, {}, {}, {}, {}, {}};
  out.definitions = extras_.definitions;
  bool planned = false;
  const auto plan = [&](const BucketTable& so_far) {
    if (planned) return;
    out.plan = spec_.plan(settings_, so_far.supplied);
    require_fields(spec_, out.plan, so_far.supplied, so_far.source, so_far.preset);
    planned = true;
  };
  const auto table = read_records(
      readers, input, options, settings_.record_rules(),
      [&](const std::vector<Bucket>& closed, const BucketTable& so_far) {
        plan(so_far);
        std::string lines;
        for (const auto& b : closed)
          lines += render_ndjson_row(out, {b.period.label, b.groups, spec_.finalize(b.sums, settings_), {}});
        write_output(lines, "");
      });
  plan(table);
  out.total = spec_.finalize(table.total, settings_);
  auto warnings = table.warnings;
  add_figure_warnings(warnings, spec_, out.plan, out.total);
  return write_result(render_ndjson_total(out), warnings, checks_of(out, thresholds_of(checks_)), output_);
}

// CSV or TSV in input order from a log: each row is written as it is made and let go, so that
// the results of a million buckets are never held at once. One pass over the buckets first
// finds the columns the figures need (details, small_n), as the header comes first.
int MetricCommand::write_csv_as_made(Readers& readers, const FileInputOptions& input,
                                     const std::vector<NumberInput>& numbers) const {
  MetricRows rows(spec_, settings_, read_log(readers, input, numbers));
  const auto options = format_options(output_);
  ResultColumns columns(options.intervals);
  rows.each_result([&columns](const Result& r) { columns.see(r); });
  rows.finish();
  columns.see_total(rows.table().total);
  auto csv = result_csv_writer(rows.table(), columns, options);
  rows.take_rows([&csv](const ResultRow& row) { csv.add(row); });
  const auto& table = rows.table();
  return write_result(csv.finish(total_row(table)), table.warnings, checks_of(table, thresholds_of(checks_)), output_);
}

// A period table is written as it is read where the output allows: NDJSON to stdout, and CSV
// or TSV from files. Sorted or compared rows, other formats and a pipe read as CSV are held.
int MetricCommand::run_periods(Readers& readers, const FileInputOptions& input) const {
  if (const auto regroup = table_regroup(records_); regroup.active())  // rows summed at the end: held
    return emit_whole(compute_from_periods(spec_, settings_, readers, input, regroup), {});
  const bool in_input_order = compare_.empty() && output_.sort.empty() && !output_.top;
  const auto options = format_options(output_);
  if (in_input_order && options.format == OutputFormat::ndjson && output_.output.empty() && !no_stream_)
    return stream_period_ndjson(readers, input);
  if (writes_rows_as_made(output_, compare_) && !spark_ && read_again(input.files))
    return write_period_csv(readers, input);
  return emit_whole(compute_from_periods(spec_, settings_, readers, input), {});
}

// Each row's line goes out as it is read, a batch at a time; the total closes the stream.
int MetricCommand::stream_period_ndjson(Readers& readers, const FileInputOptions& input) const {
  constexpr std::size_t kBatch = std::size_t{64} * 1024;
  std::string lines;
  const auto table =
      read_periods(spec_, settings_, readers, input, [&lines](const ResultTable& so_far, const ResultRow& row) {
        lines += render_ndjson_row(so_far, row);
        if (lines.size() < kBatch) return;
        write_output(lines, "");
        lines.clear();
      });
  return write_result(lines + render_ndjson_total(table), table.warnings, checks_of(table, thresholds_of(checks_)),
                      output_);
}

// CSV's columns depend on every row (a detail column when some row has that figure, small_n
// when some survey figure rests on too few answers) and its header comes first: a first read
// of the files finds them, quietly (no -v, no --rejects, bad rows passed over: the second read
// meets them as before), and a second read writes each row as it is read.
int MetricCommand::write_period_csv(Readers& readers, const FileInputOptions& input) const {
  const auto options = format_options(output_);
  auto quiet = input;
  quiet.verbose = false;
  quiet.errors = RowErrorPolicy{true, std::nullopt, {}};
  ResultColumns columns(options.intervals);
  const auto first = read_periods(spec_, settings_, readers, quiet,
                                  [&columns](const ResultTable&, const ResultRow& row) { columns.see(row.result); });
  columns.see_total(first.total);
  auto csv = result_csv_writer(first, columns, options);
  ResultColumns again(options.intervals);
  auto reopened = open_inputs(input);
  const auto table = read_periods(spec_, settings_, reopened, input, [&](const ResultTable&, const ResultRow& row) {
    again.see(row.result);
    csv.add(row);
  });
  again.see_total(table.total);
  if (again != columns)
    throw Error::data(fmt::format("{}: the input changed while it was read", reopened.front()->source_name()));
  return write_result(csv.finish(total_row(table)), table.warnings, checks_of(table, thresholds_of(checks_)), output_);
}

// A table held whole (a --compare FILE's baseline).
ResultTable MetricCommand::compute_table(const FileInputOptions& input, const std::vector<NumberInput>& numbers) const {
  auto readers = open_files(input);
  if (reads_periods(readers, input, numbers))
    return compute_from_periods(spec_, settings_, readers, input, table_regroup(records_));
  const auto rolling = rolling_days();
  return log_table(read_log(readers, input, numbers), rolling);
}

// The figures of a log's buckets; with --rolling, each day's over the days ending on it.
ResultTable MetricCommand::log_table(BucketTable buckets, std::optional<std::int32_t> rolling) const {
  if (!rolling) return metric_table(spec_, settings_, std::move(buckets));
  const auto short_windows = roll_days(buckets, *rolling);
  auto result = metric_table(spec_, settings_, std::move(buckets));
  refuse_short_windows(result, short_windows);
  return result;
}

// --rolling Nd sums a log's days, so it needs days and nothing joined to single periods.
std::optional<std::int32_t> MetricCommand::rolling_days() const {
  if (rolling_.empty()) return std::nullopt;
  const auto days = rolling_days_named(rolling_);
  if (records_.by != "day")
    throw Error::usage(
        fmt::format("--rolling {} sums days: give --by day (each day's row is then the {} days ending "
                    "on it)",
                    rolling_, days.value_or(0)));
  if (!base_file_.empty() || !extras_.per_hour.empty())
    throw Error::usage(
        fmt::format("--rolling cannot be used with {}: its rows are joined to single periods, not to "
                    "windows",
                    base_file_.empty() ? "--per-hour" : "--base-file"));
  return days;
}

Readers MetricCommand::open_files(const FileInputOptions& input) const {
  check_rejects_path(input.errors.rejects_path, {base_file_, extras_.per_hour}, output_.output);
  return open_inputs(input, input_);
}

// A period table, which takes neither numbers nor a --base-file; or a log.
bool MetricCommand::reads_periods(Readers& readers, const FileInputOptions& input,
                                  const std::vector<NumberInput>& numbers) const {
  if (input_shape(*app_, records_, readers, input) != Shape::periods) return false;
  if (!numbers.empty() || !base_file_.empty())
    throw Error::usage(fmt::format("give {} either numbers ({} …) or a table of period totals, not both", spec_.name,
                                   numbers.empty() ? "--base-file" : numbers[0].flag));
  return true;
}

// The log's buckets, joined to the numbers, --base-file and --per-hour.
BucketTable MetricCommand::read_log(Readers& readers, const FileInputOptions& input,
                                    const std::vector<NumberInput>& numbers) const {
  RowErrors errors(input.errors);  // one count of bad rows over the log, --base-file and --per-hour
  auto table = read_records(readers, input, buckets(), settings_.record_rules(), errors);
  add_base_totals(table, numbers);
  if (!base_file_.empty()) {
    auto base = open_table(InputStream::open(base_file_), {});
    join_base_file(table, *base, {}, errors);
  }
  if (!extras_.per_hour.empty()) {
    auto hours = open_table(InputStream::open(extras_.per_hour), {});
    join_agent_hours(table, *hours, {}, errors);
  }
  errors.finish(table.warnings);
  return table;
}

}  // namespace cxkpi::cli
