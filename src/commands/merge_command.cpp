// `cxkpi merge STATE…`: partial states added up, then finalised by the command that wrote them
// (its own finalisation code, given the states' settings and merge's output flags), so that
// the output is that of one run over every input.
#include "commands/merge_command.hpp"

#include <fmt/format.h>

#include <utility>

#include "commands/command_line.hpp"
#include "commands/flags.hpp"
#include "commands/state_flags.hpp"
#include "compute/state.hpp"
#include "errors.hpp"
#include "io/input.hpp"
#include "io/sink.hpp"

namespace cxkpi::cli {
namespace {

StateText read_whole(const std::string& path) {
  auto in = InputStream::open(path);
  StateText state{in.name(), {}};
  std::string buffer(std::size_t{1} << 16, '\0');
  while (const auto n = in.read(buffer.data(), buffer.size()))
    state.text.append(buffer, 0, n);
  return state;
}

// Parses `args` as a cxkpi command line on a fresh command table and finalises `table` with
// the command it names.
int finalise(const std::vector<std::string>& args, BucketTable&& table) {
  const ParsedCommand parsed(args, fmt::format("merge: the states' command {} refuses its options", args.at(1)));
  return parsed.command().run_merged(std::move(table));
}

class MergeCommand final : public Command {
 public:
  explicit MergeCommand(CLI::App& parent)
      : app_(parent.add_subcommand("merge", "add up partial states (--emit-state) and finalise them as one run")) {
    app_->add_option("FILE", files_, "states written by --emit-state or merge --emit-state; - reads stdin (default)");
    app_->add_flag("--emit-state", emit_, "write the sum as a state again, for a tree of merges");
    app_->add_flag("--allow-partial", allow_partial_,
                   "merge the shards given when some of --shard i/N are missing, and say so in the warnings");
    add_output_flags(*app_, output_);
    const auto* group = "Finalising (as the command that wrote the states)";
    app_->add_option("--percentiles", percentiles_, "percentiles of durations, in percent (e.g. 50,90)")
        ->delimiter(',')
        ->group(group);
    app_->add_option("--percentile-method", words_[0], "linear or nearest-rank")->group(group);
    app_->add_option("--warn", warn_, "as the command's --warn (repeatable)")->group(group);
    app_->add_option("--crit", crit_, "as the command's --crit (repeatable)")->group(group);
    app_->add_flag("--ci", flags_[0], "survey metrics: the confidence interval in tables and CSV")->group(group);
    app_->add_flag("--spark", flags_[1], "a sparkline per group under the table")->group(group);
    app_->add_option("--view", words_[1], "best-time-to-call: heatmap or table")->group(group);
    app_->add_flag("--ascii", flags_[2], "best-time-to-call: heatmap in plain ASCII")->group(group);
    app_->add_option("--compare", words_[2], "previous or previous-year")->group(group);
    app_->footer(
        "\nExample:  cxkpi report part1.csv --by week --emit-state > a.state\n"
        "          cxkpi report part2.csv --by week --emit-state > b.state\n"
        "          cxkpi merge a.state b.state --format json");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    std::vector<StateText> states;
    for (const auto& f : files_.empty() ? std::vector<std::string>{"-"} : files_)
      states.push_back(read_whole(f));
    auto merged = merge_states(states);
    auto notes = check_shards(merged.parts, allow_partial_);
    merged.table.warnings.insert(merged.table.warnings.end(), notes.begin(), notes.end());
    merged.table.source = states.front().name;
    if (emit_) {
      write_output(write_state(merged.table, merged.settings), output_.output);
      return 0;
    }
    return finalise(arguments(merged.settings.front()), std::move(merged.table));
  }

 private:
  // The command line of the states' command: its settings, then merge's output flags.
  std::vector<std::string> arguments(const nlohmann::json& settings) const {
    std::vector<std::string> args{"cxkpi"};
    try {
      args.push_back(settings.at("command").get<std::string>());
      const auto given = settings_arguments(settings);
      args.insert(args.end(), given.begin(), given.end());
    } catch (const nlohmann::json::exception& e) {
      throw Error::data(fmt::format("merge: the states' settings are not cxkpi's: {}", e.what()));
    }
    const auto output = given_arguments(*app_, {"--emit-state", "--allow-partial"});
    args.insert(args.end(), output.begin(), output.end());
    return args;
  }

  CLI::App* app_;
  std::vector<std::string> files_;
  bool emit_ = false;
  bool allow_partial_ = false;
  OutputFlags output_;
  std::vector<std::string> percentiles_;
  std::vector<std::string> warn_;
  std::vector<std::string> crit_;
  std::array<std::string, 3> words_;
  std::array<bool, 3> flags_{};
};

}  // namespace

std::unique_ptr<Command> make_merge_command(CLI::App& parent) {
  return std::make_unique<MergeCommand>(parent);
}

}  // namespace cxkpi::cli
