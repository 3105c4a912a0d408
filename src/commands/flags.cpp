#include "commands/flags.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "check/thresholds.hpp"
#include "commands/number_flags.hpp"
#include "commands/shape_flags.hpp"
#include "compute/buckets.hpp"
#include "compute/compute.hpp"
#include "errors.hpp"
#include "io/encoding.hpp"
#include "io/json_reader.hpp"
#include "io/sink.hpp"
#include "output/format_options.hpp"
#include "output/sort.hpp"
#include "records/row_filter.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {

namespace {

// --by: a period's name, or an interval of minutes that divides a day.
CLI::Validator period_name() {
  return {[](const std::string& text) {
            if (bucket_by_named(text)) return std::string();
            if (const auto minutes = interval_minutes_named(text)) return interval_refusal(*minutes);
            return fmt::format(
                "{} is not a period: all, hour, day, week, month, quarter, year, weekday, "
                "hour-of-day, or minutes such as 15m",
                quote_value(text));
          },
          // The named periods, listed as CLI::IsMember lists them, so that help shows them and
          // the completions offer them; intervals (15m) are open-ended and said in the text.
          "{all,hour,day,week,month,quarter,year,weekday,hour-of-day}"};
}

// What to do with bad rows and repeated ids: --on-error, --max-errors, --rejects, --dedupe.
void add_bad_row_flags(CLI::App& app, InputFlags& flags, const char* group) {
  app.add_option("--on-error", flags.on_error, "fail (default): stop at the first bad row; skip: count and skip")
      ->check(CLI::IsMember({"fail", "skip"}))
      ->group(group);
  app.add_option_function<std::size_t>(
         "--max-errors", [&flags](std::size_t n) { flags.max_errors = n; },
         "with --on-error skip: fail when more than N rows are bad")
      ->check(whole_count())
      ->group(group);
  app.add_option("--rejects", flags.rejects, "with --on-error skip: write each skipped row to FILE as NDJSON")
      ->group(group);
  app.add_option("--dedupe", flags.dedupe,
                 "record logs: keep the first or the last row of a repeated id (default: a repeated id is bad data)")
      ->check(CLI::IsMember({"first", "last"}))
      ->group(group);
}

// Where a file's rows are when an export puts more than a header around them.
void add_layout_flags(CLI::App& app, InputFlags& flags, const char* group) {
  app.add_option_function<std::size_t>(
         "--skip-lines", [&flags](std::size_t n) { flags.skip_lines = n; },
         "skip N lines above the header (default: a CSV report's one-cell title line is skipped)")
      ->check(whole_count())
      ->type_name("N")
      ->group(group);
  app.add_option("--json-path", flags.json_path,
                 "where a JSON document's rows are, such as $.data.payload (default: found)")
      ->type_name("PATH")
      ->group(group);
  app.add_option_function<std::string>(
         "--where", [&flags](const std::string& expression) { flags.where = expression; },
         "read only the rows that match, e.g. 'Media Type = voice and Abandoned != YES' (=, !=, <, >, <=, >=, "
         "in (a, b), empty(column), and, or, not, parentheses; quote names and values with \" or ')")
      ->type_name("EXPR")
      ->group(group);
}

// Stores a flag's word in `target`, refusing an empty one: -d "" names no delimiter, --tz ""
// no zone, and the default taken instead would go on silently.
std::function<void(const std::string&)> non_empty(std::string& target, std::string flag, std::string what) {
  return [&target, flag = std::move(flag), what = std::move(what)](const std::string& word) {
    if (word.empty()) throw CLI::ValidationError(flag, "an empty word is no " + what);
    target = word;
  };
}

// --map, --preset and --label: which field each column is read as.
void add_column_flags(CLI::App& app, InputFlags& flags, const char* group) {
  app.add_option("--map", flags.maps,
                 "field=Header reads a column as a field; Header:ms gives its unit (ms, s, min, h, hh:mm:ss), "
                 "Header:A,B a flag's words for yes (repeatable)")
      ->group(group)
      ->allow_extra_args(false);  // --map a=B FILE: FILE is not a second mapping
  app.add_option("--preset", flags.preset,
                 "read a platform's export as its document says (cxkpi presets lists them); none turns detection "
                 "off (default: the preset whose columns the header has)")
      ->type_name("NAME")
      ->group(group);
  app.add_option("--label", flags.labels, "read a column as a label, not as the field its header looks like")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->group(group);
}

}  // namespace

void add_input_flags(CLI::App& app, InputFlags& flags) {
  app.add_option("FILE", flags.files, "period table(s): CSV, TSV, JSON or NDJSON; - reads stdin");
  const auto* group = kInputGroup;
  app.add_option("--format-in", flags.format_in, "input format (default: detected from the content)")
      ->transform(CLI::IsMember({"auto", "csv", "tsv", "json", "ndjson"}, CLI::ignore_case))
      ->group(group);
  app.add_option_function<std::string>("-d,--delimiter",
                                       non_empty(flags.delimiter, "--delimiter", "delimiter (one character, or 'tab')"),
                                       "CSV delimiter: one character, or 'tab' (default: detected)")
      ->group(group);
  add_column_flags(app, flags, group);
  app.add_option("--encoding", flags.encoding,
                 "input encoding: utf-8 (default; UTF-16 by its BOM), latin1, cp1252, or any name iconv -l lists")
      ->check([](const std::string& name) { return encoding_known(name) ? std::string() : unknown_encoding(name); })
      ->group(group);
  add_layout_flags(app, flags, group);
  app.add_option("--columns", flags.columns,
                 "headerless CSV (a split of a larger file): these are its column names, comma-separated; a first "
                 "line equal to them is skipped")
      ->type_name("NAMES")
      ->group(group);
  app.add_flag("--decimal-comma", flags.decimal_comma, "numbers use a decimal comma: 3,5 is 3.5")->group(group);
  app.add_option_function<std::string>(
         "--na", [&flags](const std::string& words) { flags.na = words; },
         "cell words that mean no value, comma-separated (default N/A,NULL,-; empty cells always): missing, never 0")
      ->type_name("LIST")
      ->group(group);
  app.add_flag("-v,--verbose", flags.verbose,
               "say on stderr what was detected in each input and how each column is read")
      ->group(group);
  app.add_flag("-q,--quiet", flags.quiet,
               "no progress line on stderr (shown on a terminal while a file over 200 MB is read)")
      ->group(group);
  add_bad_row_flags(app, flags, group);
  app.add_option("--threads", flags.threads, "threads that read a large CSV or NDJSON log (default 0: one per core)")
      ->type_name("N")
      ->check(CLI::Range(0U, 256U).description(""))
      ->group(group);
}

void refuse_file_flags(const CLI::App& app, std::string_view command, std::string_view number_flag) {
  const auto given = app.get_options([](const CLI::Option* o) {
    const auto& group = o->get_group();
    return o->count() > 0 && !o->get_positional() && (group == kInputGroup || group == kRecordLogGroup);
  });
  if (given.empty()) return;
  throw Error::usage(
      fmt::format("{} reads input files, and {} was given numbers ({} …), not a file: it would be ignored",
                  given.front()->get_name(), command, number_flag));
}

void add_output_flags(CLI::App& app, OutputFlags& flags) {
  const auto* group = "Output";
  app.add_option(
         "--format", flags.format,
         "table (default), json, ndjson, csv, tsv, markdown, html (a page with charts) or svg (its first chart)")
      ->transform(CLI::IsMember({"table", "json", "ndjson", "csv", "tsv", "markdown", "html", "svg"}, CLI::ignore_case))
      ->group(group);
  app.add_flag("--json", flags.json, "same as --format json")->group(group);
  app.add_option("--precision", flags.precision, "digits after the decimal point in tables (default 2)")
      ->check(CLI::Range(0, 12))
      ->group(group);
  app.add_option("--fields", flags.fields, "only these columns, e.g. period,channel,value (tables, CSV and TSV)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->group(group);
  app.add_flag("--no-header", flags.no_header, "CSV or TSV without its header line")->group(group);
  app.add_option("--sort", flags.sort, "order rows by a column (value, n, a group, a metric, contacts)")->group(group);
  app.add_flag("--desc", flags.desc, "with --sort: largest first")->group(group);
  app.add_option_function<std::size_t>(
         "--top", [&flags](std::size_t n) { flags.top = n; }, "keep the first N rows (after --sort)")
      ->check(whole_count())
      ->group(group);
  app.add_flag("--safe-csv", flags.safe_csv,
               "CSV and TSV: prefix ' to labels a spreadsheet would run as formulas (=, +, -, @)")
      ->group(group);
  app.add_option("-o,--output", flags.output, "write to FILE (atomically) instead of stdout")->group(group);
  app.add_option("--color", flags.color,
                 "colour threshold states and the best-time heatmap: auto (default: when stdout is a terminal, "
                 "NO_COLOR is unset or empty and TERM is not dumb), always or never")
      ->check(CLI::IsMember({"never", "auto", "always"}))
      ->group(group);
}

namespace {

// How rows fall into periods: --by, --by-column, --tz.
void add_period_flags(CLI::App& app, RecordFlags& flags, const char* group) {
  app.add_option(
         "--by", flags.by,
         "period of each row: all (default), hour, day, week (ISO), month, quarter, year, "
         "weekday, hour-of-day, or intervals from local midnight: minutes that divide an hour (15m, 30m) or whole "
         "hours that divide a day (120m)")
      ->check(period_name())
      ->group(group);
  app.add_option("--by-column", flags.by_column, "use a column's own values as periods (e.g. a shift or week column)")
      ->group(group)
      ->excludes(app.get_option("--by"));
  app.add_option_function<std::string>(
         "--tz", non_empty(flags.tz, "--tz", "time zone (an IANA name such as Europe/Berlin, or UTC)"),
         "IANA time zone for periods; times without an offset are local to it (default UTC)")
      ->group(group);
}

}  // namespace

void add_record_flags(CLI::App& app, RecordFlags& flags) {
  const auto* group = kRecordLogGroup;
  add_period_flags(app, flags, group);
  app.add_option("--time-format", flags.time_formats,
                 "read time cells with a strftime-style format, e.g. '%d/%m/%Y %H:%M', before ISO-8601, RFC 2822 "
                 "and epoch numbers; column=FMT for one column (repeatable)")
      ->type_name("FMT")
      ->allow_extra_args(false)
      ->group(group);
  app.add_option("--group", flags.group, "columns to break results down by, e.g. channel,agent")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->group(group);
  app.add_option_function<std::size_t>(
         "--max-buckets", [&flags](std::size_t n) { flags.max_buckets = n; },
         "refuse a breakdown (period × --group values) into more than N buckets (default: as many as the memory "
         "available holds)")
      ->check(whole_count())
      ->group(group);
  app.add_option("--from", flags.from, "first time included, e.g. 2026-03-01 (local to --tz)")->group(group);
  app.add_option("--to", flags.to, "first time excluded, e.g. 2026-04-01 (local to --tz)")->group(group);
  app.add_flag("--no-scale-check", flags.no_scale_check,
               "accept an NPS or eNPS column with no 0 answers but some 1s, or a survey word map whose best "
               "score is below the top of the scale")
      ->group(group);
  app.add_option("--shape", flags.shape, "read the input as period totals or per-contact records (default: detected)")
      ->check(CLI::IsMember({"auto", "periods", "records"}))
      ->group(group);
}

BucketOptions bucket_options(const RecordFlags& flags) {
  BucketOptions o;
  o.by = bucket_by_named(flags.by).value_or(BucketBy::all);
  if (const auto minutes = interval_minutes_named(flags.by)) {
    o.by = BucketBy::interval;
    o.interval_minutes = *minutes;
  }
  o.by_column = flags.by_column;
  o.scale_check = !flags.no_scale_check;
  o.tz = flags.tz;
  o.group = flags.group;
  o.max_buckets = flags.max_buckets;
  o.from = flags.from;
  o.to = flags.to;
  o.time_formats = flags.time_formats;
  return o;
}

Shape input_shape(const CLI::App& app, const RecordFlags& flags, const Readers& readers,
                  const FileInputOptions& input) {
  const bool detected = flags.shape != "records" && flags.shape != "periods";
  Shape shape = flags.shape == "records" ? Shape::records : Shape::periods;
  if (detected) shape = detect_shape(*readers.front(), input);
  check_flags_fit_shape(app, shape, detected, readers.front()->source_name(), flags.regroup_tables);
  return shape;
}

namespace {

InputFormat input_format(const std::string& name) {
  if (name == "csv" || name == "tsv") return InputFormat::csv;
  if (name == "json") return InputFormat::json;
  if (name == "ndjson") return InputFormat::ndjson;
  return InputFormat::automatic;
}

std::optional<char> delimiter_of(const InputFlags& flags) {
  if (flags.delimiter.empty()) return flags.format_in == "tsv" ? std::optional<char>('\t') : std::nullopt;
  if (flags.delimiter == "tab" || flags.delimiter == "\\t") return '\t';
  if (flags.delimiter.size() != 1 || flags.delimiter == "\"" || flags.delimiter == "\n")
    throw Error::usage(fmt::format("--delimiter takes one character or 'tab', not {}", quote_value(flags.delimiter)));
  return flags.delimiter.front();
}

}  // namespace

// --rejects is written while the inputs are read and before -o: one path for two of them
// would destroy an input or lose one of the results.
void check_rejects_path(const std::string& rejects, const std::vector<std::string>& files, const std::string& output) {
  if (rejects.empty()) return;
  if (rejects == output || same_file(rejects, output))
    throw Error::usage(fmt::format("--rejects {} is also the -o file; give them different paths", rejects));
  for (const auto& file : files)
    if (same_file(rejects, file))
      throw Error::usage(fmt::format("--rejects {} is an input; writing it would destroy what is read", rejects));
}

namespace {

// A progress line goes to a person: stderr on a terminal, never a pipe, a log file or a cron
// job's mail, and not with --quiet. CXKPI_PROGRESS_BYTES lowers the 200 MB it takes, so that
// tests can see the line on a small file.
std::optional<std::uint64_t> progress_threshold(const InputFlags& flags) {
  if (flags.quiet || ::isatty(STDERR_FILENO) == 0) return std::nullopt;
  constexpr std::uint64_t kProgressBytes = 200'000'000;
  const char* lowered = std::getenv("CXKPI_PROGRESS_BYTES");
  std::uint64_t bytes = kProgressBytes;
  if (lowered != nullptr) std::from_chars(lowered, lowered + std::strlen(lowered), bytes);
  return bytes;
}

}  // namespace

FileInputOptions file_input(const InputFlags& flags, const std::string& output_path) {
  FileInputOptions in;
  in.files = flags.files;
  if (in.files.empty()) {
    if (::isatty(STDIN_FILENO) != 0)
      throw Error::usage("no input: give numbers as flags, or a FILE (- for stdin); see --help");
    in.files.emplace_back("-");
  }
  in.read.format = input_format(flags.format_in);
  in.read.delimiter = delimiter_of(flags);
  for (const auto& m : flags.maps)
    in.overrides.push_back(parse_column_override(m));
  in.preset.name = flags.preset;
  in.errors.skip = flags.on_error == "skip";
  in.errors.max_errors = flags.max_errors;
  in.errors.rejects_path = flags.rejects;
  if (!in.errors.skip && (flags.max_errors || !flags.rejects.empty()))
    throw Error::usage("--max-errors and --rejects go with --on-error skip");
  check_rejects_path(flags.rejects, in.files, output_path);
  in.decimal_comma = flags.decimal_comma;
  if (flags.na) in.missing = MissingValues(*flags.na);
  in.labels = flags.labels;
  in.verbose = flags.verbose;
  in.progress_over = progress_threshold(flags);
  in.read.encoding = flags.encoding;
  in.read.json_path = flags.json_path;
  in.read.skip_lines = flags.skip_lines;
  in.read.columns = flags.columns;
  in.threads = flags.threads;
  in.dedupe = flags.dedupe == "first" ? Dedupe::first : flags.dedupe == "last" ? Dedupe::last : Dedupe::off;
  if (flags.where) in.where = std::make_shared<const WhereExpression>(*flags.where);
  return in;
}

// JSON writes numbers with a decimal point whatever the locale, so under --decimal-comma a
// wait of 12.345 s would read as 12345 s (a '.' groups thousands there).
void refuse_decimal_comma_in_json(const Readers& readers, const InputFlags& flags) {
  if (!flags.decimal_comma) return;
  for (const auto& r : readers)
    if (!r->describe().starts_with("csv"))
      throw Error::usage(fmt::format("--decimal-comma reads CSV cells; {} is {}, whose numbers have a decimal point",
                                     r->source_name(), r->describe()));
}

Readers open_inputs(const FileInputOptions& input, const InputFlags& flags) {
  auto readers = open_inputs(input);
  refuse_decimal_comma_in_json(readers, flags);
  if (flags.verbose)
    for (const auto& r : readers)
      write_stderr(fmt::format("cxkpi: {}: {}, encoding {}, {} columns\n", r->source_name(), r->describe(), r->encoding,
                               r->header().size()));
  if (flags.verbose &&
      std::any_of(readers.begin(), readers.end(), [](const auto& r) { return r->describe().starts_with("ndjson"); }))
    write_stderr(fmt::format("cxkpi: ndjson is read with {}\n", ndjson_parser_description()));
  return readers;
}

FormatOptions format_options(const OutputFlags& flags) {
  FormatOptions o;
  o.precision = flags.precision;
  o.safe_csv = flags.safe_csv;
  o.fields = flags.fields;
  o.header = !flags.no_header;
  o.intervals = flags.intervals;
  const std::string f = flags.json ? std::string("json") : flags.format;
  if (f == "json")
    o.format = OutputFormat::json;
  else if (f == "ndjson")
    o.format = OutputFormat::ndjson;
  else if (f == "csv")
    o.format = OutputFormat::csv;
  else if (f == "tsv")
    o.format = OutputFormat::tsv;
  else if (f == "markdown")
    o.format = OutputFormat::markdown;
  else if (f == "html")
    o.format = OutputFormat::html;
  else if (f == "svg")
    o.format = OutputFormat::svg;
  return o;
}

SortOptions sort_options(const OutputFlags& flags) {
  return {flags.sort, flags.desc, flags.top};
}

void add_check_flags(CLI::App& app, CheckFlags& flags) {
  const auto* group = "Checks (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)";
  app.add_option("--warn", flags.warn, "warn when the total is outside RANGE (10, 10:, ~:10, 10:20, @10:20)")
      ->group(group);
  app.add_option("--crit", flags.crit, "critical when the total is outside RANGE")->group(group);
}

Thresholds thresholds_of(const CheckFlags& flags) {
  return parse_thresholds(flags.warn, flags.crit);
}

}  // namespace cxkpi::cli
