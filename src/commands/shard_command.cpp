// `cxkpi shard LOG --key customer_id --shards N (--out 'dir/{}.csv' | --keyed)`: every row goes
// to shard crc32(key) mod N + 1, so that all rows of a customer meet in one shard whichever
// host or language splits them (a language's own string hash is salted per process).
#include "commands/shard_command.hpp"

#include <fmt/format.h>

#include <array>
#include <limits>
#include <optional>

#include "errors.hpp"
#include "io/column_map.hpp"
#include "io/input.hpp"
#include "io/sink.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
#include "text/csv.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::array<std::uint32_t, 256> kCrcTable = [] {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k)
      c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}();

// Where the rows of each shard go: files named by --out (each with the header), or stdout
// with the shard number and a tab before each row (--keyed, for Hadoop Streaming).
class ShardOutput {
 public:
  ShardOutput(std::string pattern, std::uint32_t shards) : pattern_(std::move(pattern)), buffers_(shards) {}

  void start(const std::vector<std::string>& header) {
    if (pattern_.empty() || !files_.empty()) return;
    for (std::size_t i = 0; i < buffers_.size(); ++i) {
      const auto path = fmt::format(fmt::runtime(pattern_), i + 1);
      files_.push_back(std::make_unique<AtomicFile>(path, "shard " + path));
      buffers_[i] = csv_line(header) + "\n";
    }
  }

  void add(std::uint32_t shard, const std::string& line) {
    auto& buffer = pattern_.empty() ? keyed_ : buffers_[shard - 1];
    if (pattern_.empty()) buffer += fmt::format("{}\t", shard);
    buffer += line;
    if (buffer.size() > (std::size_t{1} << 20)) flush(shard);
  }

  void finish() {
    for (std::uint32_t i = 1; i <= buffers_.size(); ++i)
      flush(i);
    for (auto& f : files_)
      f->commit();
  }

 private:
  void flush(std::uint32_t shard) {
    if (pattern_.empty()) {
      write_output(keyed_, "");
      keyed_.clear();
      return;
    }
    files_[shard - 1]->write(buffers_[shard - 1]);
    buffers_[shard - 1].clear();
  }

  std::string pattern_;
  std::vector<std::string> buffers_;
  std::vector<std::unique_ptr<AtomicFile>> files_;
  std::string keyed_;
};

class ShardCommand final : public Command {
 public:
  explicit ShardCommand(CLI::App& parent)
      : app_(parent.add_subcommand("shard", "split a log's rows by a stable hash of one column (crc32 of its text)")) {
    app_->add_option("FILE", files_, "CSV log(s); - reads stdin (default)");
    app_->add_option("--key", key_, "the column whose value decides the shard, e.g. customer_id")->required();
    app_->add_option("--shards", shards_, "how many shards")
        ->required()
        ->check(CLI::Range(std::uint32_t{1}, std::uint32_t{1} << 16));
    auto* out =
        app_->add_option("--out", out_, "write shard i (1 … N) to this path, {} standing for i: 'parts/{}.csv'");
    app_->add_flag("--keyed", keyed_, "write every row to stdout after its shard number and a tab (Hadoop Streaming)")
        ->excludes(out);
    app_->add_option("--columns", columns_,
                     "headerless CSV: its column names, comma-separated; a first line equal to them is skipped");
    app_->footer(
        "\nShard:    crc32(UTF-8 bytes of the trimmed key cell) mod N + 1, the same on every host (Python: "
        "zlib.crc32(key.encode()) % N + 1)\n"
        "Example:  cxkpi shard calls.csv --key customer_id --shards 8 --out 'parts/{}.csv'");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    if (out_.empty() == !keyed_) throw Error::usage("shard writes either to --out 'dir/{}.csv' or --keyed to stdout");
    if (!out_.empty() && out_.find("{}") == std::string::npos)
      throw Error::usage(fmt::format("--out {}: the path needs {{}} where the shard number goes", quote_value(out_)));
    ShardOutput output(out_, shards_);
    for (const auto& f : files_.empty() ? std::vector<std::string>{"-"} : files_)
      split(f, output);
    output.finish();
    return 0;
  }

 private:
  void split(const std::string& file, ShardOutput& output) const {
    ReadOptions options;
    options.format = InputFormat::csv;
    options.columns = columns_;
    const auto reader = open_table(InputStream::open(file), options);
    const auto key = find_column(reader->header(), key_);
    if (!key) throw Error::data(fmt::format("{}: no column {} to shard by", reader->source_name(), quote_value(key_)));
    output.start(reader->header());
    while (reader->next()) {
      const auto cells = reader->row();
      output.add(crc32_of(trim(reader->cell(*key))) % shards_ + 1, csv_line(cells) + "\n");
    }
  }

  CLI::App* app_;
  std::vector<std::string> files_;
  std::string key_;
  std::uint32_t shards_ = 1;
  std::string out_;
  bool keyed_ = false;
  std::string columns_;
};

}  // namespace

std::uint32_t crc32_of(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFU;
  for (const char ch : bytes)
    c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (c >> 8);
  return c ^ 0xFFFFFFFFU;
}

std::unique_ptr<Command> make_shard_command(CLI::App& parent) {
  return std::make_unique<ShardCommand>(parent);
}

}  // namespace cxkpi::cli
