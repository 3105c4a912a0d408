#include "targets.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.hpp"
#include "compute/buckets.hpp"
#include "errors.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
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

// Reads the bytes as a record log and as a period table through the real pipeline.
void compute_all(std::string_view bytes, InputFormat format) {
  FileInputOptions input;
  input.read.format = format;
  try {
    Readers readers;
    readers.push_back(open_table(InputStream::from_memory("fuzz", std::string(bytes)), input.read));
    BucketOptions buckets;
    buckets.by = BucketBy::week;
    const auto table = read_records(readers, input, buckets, RecordRules{});
    (void)table;
  } catch (const Error&) {
  }
}

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
  std::vector<std::string> args{"cxkpi"};
  std::string current;
  for (const char c : as_text(data, size)) {
    if (c == '\0') {
      args.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  args.push_back(current);
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  CLI::App app{"cxkpi", "cxkpi"};
  app.require_subcommand(1);
  const auto commands = register_commands(app);
  try {
    check_command_name(static_cast<int>(argv.size()), argv.data(), app);
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 parses a reversed vector
    app.parse(reversed);
  } catch (const CLI::Error&) {
  } catch (const Error&) {
  }
}

}  // namespace cxkpi::fuzz
