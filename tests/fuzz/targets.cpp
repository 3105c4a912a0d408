#include "targets.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.hpp"
#include "compute/buckets.hpp"
#include "compute/compute.hpp"
#include "cxkpi/catalog.hpp"
#include "errors.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
#include "output/format.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::fuzz {
namespace {

using namespace cxkpi::cli;

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Reads every cell of every row, the way the metric commands do.
void read_table(std::string_view bytes, InputFormat format) {
  ReadOptions options;
  options.format = format;
  try {
    auto reader = open_table(InputStream::from_memory("fuzz", std::string(bytes)), options);
    std::size_t total = 0;
    while (reader->next())
      for (std::size_t c = 0; c < reader->header().size(); ++c)
        total += reader->cell(c).size() + reader->where(c).str().size();
    (void)total;
  } catch (const Error&) {
  }
}

// The bytes read as a record log by week, on `threads` threads in blocks of `block_bytes`;
// nothing when the read throws Error.
std::optional<BucketTable> read_log(std::string_view bytes, InputFormat format, unsigned threads,
                                    std::size_t block_bytes) {
  FileInputOptions input;
  input.read.format = format;
  input.threads = threads;
  input.block_bytes = block_bytes;
  try {
    Readers readers;
    readers.push_back(open_table(InputStream::from_memory("fuzz", std::string(bytes)), input.read));
    BucketOptions buckets;
    buckets.by = BucketBy::week;
    return read_records(readers, input, buckets, RecordRules{});
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Reads the bytes as a record log through the real pipeline: on one thread, and on two in
// blocks of a few bytes (the threaded reader). When both read it, their totals must agree.
void compute_all(std::string_view bytes, InputFormat format) {
  const auto serial = read_log(bytes, format, 1, std::size_t{2} << 20);
  const auto blocks = read_log(bytes, format, 2, 97);
  if (!serial || !blocks) return;
  for (const auto& f : kFields)
    if (serial->total.raw(f.field) != blocks->total.raw(f.field)) std::abort();
}

// Every way a result table is written, with and without the flags that change cells.
void render_every_way(const ResultTable& table) {
  for (const auto format :
       {OutputFormat::table, OutputFormat::markdown, OutputFormat::csv, OutputFormat::json, OutputFormat::ndjson}) {
    FormatOptions options;
    options.format = format;
    (void)render(table, options);
    options.safe_csv = true;
    options.intervals = true;
    options.precision = 0;
    (void)render(table, options);
  }
}

// Splits `text` at NUL bytes into arguments, after the program's name.
std::vector<std::string> split_arguments(std::string_view text) {
  std::vector<std::string> args{"cxkpi"};
  std::string current;
  for (const char c : text) {
    if (c == '\0') {
      args.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  args.push_back(current);
  return args;
}

// Parses `args` as main() does; a usage error or a request for help throws.
void parse(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  check_command_name(static_cast<int>(argv.size()), argv.data(), app);
  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 parses a reversed vector
  app.parse(reversed);
}

// Whether no argument can name a file outside the scratch folder: none is absolute (`/x`,
// `--output=/x`, `-o/x`) or climbs (`..`). Relative names (`in`, `out.txt`) and time zones
// (`Europe/Paris`) stay.
bool confined(const std::vector<std::string>& args) {
  return std::none_of(args.begin() + 1, args.end(), [](const std::string& a) {
    const bool short_flag_path = a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('/') != std::string::npos;
    return a.starts_with('/') || a.find("..") != std::string::npos || a.find("=/") != std::string::npos ||
           short_flag_path;
  });
}

// The folder every run_command works in, made once and removed at exit.
struct ScratchFolder {
  ScratchFolder() : path((std::filesystem::temp_directory_path() / "cxkpi-fuzz-XXXXXX").string()) {
    if (::mkdtemp(path.data()) == nullptr) std::abort();
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

// For one run: the scratch folder is the working folder (emptied afterwards) and standard
// input and output are /dev/null. Standard error stays, for the sanitizers' reports.
class ScratchRun {
 public:
  ScratchRun() : home_(::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)), in_(::dup(0)), out_(::dup(1)) {
    static const ScratchFolder folder;
    const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (home_ < 0 || null < 0 || ::dup2(null, 0) < 0 || ::dup2(null, 1) < 0 || ::chdir(folder.path.c_str()) != 0)
      std::abort();
    ::close(null);
  }
  ScratchRun(const ScratchRun&) = delete;
  ScratchRun& operator=(const ScratchRun&) = delete;
  ~ScratchRun() {
    std::cout.flush();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(".", ec))
      std::filesystem::remove_all(entry.path(), ec);
    if (::fchdir(home_) != 0 || ::dup2(in_, 0) < 0 || ::dup2(out_, 1) < 0) std::abort();
    for (const int fd : {home_, in_, out_})
      ::close(fd);
  }

 private:
  int home_;
  int in_;
  int out_;
};

}  // namespace

void read_csv(const std::uint8_t* data, std::size_t size) {
  read_table(as_text(data, size), InputFormat::csv);
  compute_all(as_text(data, size), InputFormat::csv);
}

void read_json(const std::uint8_t* data, std::size_t size) {
  read_table(as_text(data, size), InputFormat::automatic);
  read_table(as_text(data, size), InputFormat::ndjson);
  compute_all(as_text(data, size), InputFormat::json);
}

void parse_values(const std::uint8_t* data, std::size_t size) {
  const auto text = as_text(data, size);
  for (const auto kind : {FieldKind::count, FieldKind::seconds, FieldKind::money}) {
    (void)parse_value(text, kind, false);
    (void)parse_value(text, kind, true);
  }
  (void)parse_integer_in(text, -10, 10);
  std::string error;
  if (const auto t = parse_timestamp(text, error)) {
    for (const auto by : {BucketBy::hour, BucketBy::day, BucketBy::week, BucketBy::month, BucketBy::weekday})
      (void)period_of(t->written_seconds, by);
  }
  const auto split = text.find(' ');
  if (split != std::string_view::npos) (void)parse_date_and_time(text.substr(0, split), text.substr(split + 1), error);
}

void parse_arguments(const std::uint8_t* data, std::size_t size) {
  // Arguments are separated by NUL bytes; the commands are built and parsed, never run.
  const auto args = split_arguments(as_text(data, size));
  CLI::App app{"cxkpi", "cxkpi"};
  app.require_subcommand(1);
  const auto commands = register_commands(app);
  try {
    parse(app, args);
  } catch (const CLI::Error&) {
  } catch (const Error&) {
  }
}

void compute_periods(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(as_text(data, size));
  for (const auto& metric : kMetrics) {
    FileInputOptions input;
    input.read.format = InputFormat::csv;
    try {
      Readers readers;
      readers.push_back(open_table(InputStream::from_memory("fuzz", bytes), input.read));
      render_every_way(compute_from_periods(metric, Settings{}, readers, input));
    } catch (const Error&) {
    }
  }
}

void run_command(const std::uint8_t* data, std::size_t size) {
  const auto text = as_text(data, size);
  const auto newline = text.find('\n');
  if (newline == std::string_view::npos) return;
  const auto args = split_arguments(text.substr(0, newline));
  if (!confined(args)) return;
  const ScratchRun run;
  std::ofstream("in", std::ios::binary) << text.substr(newline + 1);
  CLI::App app{"cxkpi", "cxkpi"};
  app.require_subcommand(1);
  const auto commands = register_commands(app, args.size() > 1 ? args[1] : "");
  try {
    parse(app, args);
    (void)run_selected(commands);
  } catch (const CLI::Error&) {
  } catch (const Error&) {
  } catch (const SumOverflow&) {  // main() makes it bad input (65), as it does an Error
  }
}

}  // namespace cxkpi::fuzz
