#pragma once
// The flags shared by every command that reads files and prints results (input, record
// logs, output, single-metric checks), and what each set of flags turns into.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

// What the conversions below return; a command that calls one includes its header.
struct BucketOptions;     // compute/buckets.hpp
struct FileInputOptions;  // compute/compute.hpp
struct FormatOptions;     // output/format_options.hpp
struct SortOptions;       // output/sort.hpp
struct Thresholds;        // check/thresholds.hpp
class TableReader;        // io/table.hpp
enum class Shape;         // compute/compute.hpp
using Readers = std::vector<std::unique_ptr<TableReader>>;

struct InputFlags {
  std::vector<std::string> files;
  std::string format_in = "auto";
  std::string delimiter;
  std::vector<std::string> maps;    // field=Header
  std::string preset;               // --preset NAME or none (default: detected)
  std::vector<std::string> labels;  // --label: columns read as labels
  std::string on_error = "fail";
  std::optional<std::size_t> max_errors;
  std::string rejects;
  std::string encoding;
  std::string json_path;
  std::optional<std::size_t> skip_lines;
  std::string columns;  // --columns: the names of a headerless input's columns
  bool decimal_comma = false;
  std::optional<std::string> na;  // --na: the words that mean no value in a cell, comma-separated
  bool verbose = false;
  bool quiet = false;  // --quiet: no progress line on stderr
  unsigned threads = 0;
  std::string dedupe;                // --dedupe first|last: which row of a repeated id counts
  std::optional<std::string> where;  // --where EXPR: the rows read
};

/// How record logs are bucketed: --by, --tz, --group, --from, --to, and --shape.
struct RecordFlags {
  std::string by = "all";
  std::string by_column;
  std::string tz = "UTC";
  std::vector<std::string> group;
  std::optional<std::size_t> max_buckets;  // --max-buckets N
  std::string from;
  std::string to;
  std::vector<std::string> time_formats;  // --time-format FMT or column=FMT
  std::string shape = "auto";
  bool no_scale_check = false;
  bool regroup_tables = false;  // the command sums a period table's rows by --by and --group
};

struct OutputFlags {
  std::string format = "table";
  bool json = false;
  int precision = 2;
  std::string output;  // -o FILE
  bool safe_csv = false;
  std::vector<std::string> fields;
  bool no_header = false;
  std::string sort;  // a column to sort rows by
  bool desc = false;
  std::optional<std::size_t> top;
  bool intervals = false;      // --ci (survey metrics)
  std::string color = "auto";  // --color never|auto|always (commands/colour_choice.hpp)
};

/// --warn and --crit of a single-metric command.
struct CheckFlags {
  std::string warn;
  std::string crit;
};

/// The --help groups of the flags that read input files.
inline constexpr const char* kInputGroup = "Input";
inline constexpr const char* kRecordLogGroup = "Record logs";

void add_input_flags(CLI::App& app, InputFlags& flags);
void add_output_flags(CLI::App& app, OutputFlags& flags);
void add_record_flags(CLI::App& app, RecordFlags& flags);
void add_check_flags(CLI::App& app, CheckFlags& flags);

BucketOptions bucket_options(const RecordFlags& flags);
/// A command given numbers (`number_flag` …) reads no file: a flag of `app` that reads input
/// files (--where, --map, --by, --tz …) would be ignored, so the first one given is a usage
/// error.
void refuse_file_flags(const CLI::App& app, std::string_view command, std::string_view number_flag);
/// The shape to read the inputs as: --shape, or detected from the first input's columns.
/// A flag of `app` that does not apply to that shape (--threshold on a period table) is a
/// usage error.
Shape input_shape(const CLI::App& app, const RecordFlags& flags, const Readers& readers, const FileInputOptions& input);

/// The files to read: the given ones, or stdin when none are given and stdin is not a terminal.
/// The input options; `output_path` (-o) is checked against --rejects so neither replaces the other.
FileInputOptions file_input(const InputFlags& flags, const std::string& output_path);
/// Refuses (usage) a --rejects path that is the -o file or one of `files`; file_input checks
/// the logs, a command checks the other files it reads (--base-file, --per-hour).
void check_rejects_path(const std::string& rejects, const std::vector<std::string>& files, const std::string& output);
/// Opens the inputs; with -v says on stderr what was detected in each.
Readers open_inputs(const FileInputOptions& input, const InputFlags& flags);
FormatOptions format_options(const OutputFlags& flags);
/// --sort, --desc and --top.
SortOptions sort_options(const OutputFlags& flags);
Thresholds thresholds_of(const CheckFlags& flags);

}  // namespace cxkpi::cli
