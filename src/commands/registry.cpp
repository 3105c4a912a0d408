// The command table: every subcommand of cxkpi is registered here and nowhere else.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "commands/best_time_command.hpp"
#include "commands/breaches_command.hpp"
#include "commands/columns_command.hpp"
#include "commands/command.hpp"
#include "commands/docs_command.hpp"
#include "commands/erlang_command.hpp"
#include "commands/explain_command.hpp"
#include "commands/help_command.hpp"
#include "commands/log_read.hpp"
#include "commands/merge_command.hpp"
#include "commands/metric_command.hpp"
#include "commands/presets_command.hpp"
#include "commands/report_command.hpp"
#include "commands/shard_command.hpp"
#include "commands/sql_command.hpp"
#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// The short names METRICS.md lists; a name whose command is not built is skipped.
constexpr std::array kAliases{
    CommandAlias{"frt", "first-response-time"},
    CommandAlias{"staffing", "erlang-c"},
    CommandAlias{"repeat-contact", "repeat-contact-rate"},
    CommandAlias{"conversion", "conversion-rate"},
    CommandAlias{"retention", "retention-rate"},
    CommandAlias{"best-time", "best-time-to-call"},
    CommandAlias{"per-agent", "resolved-per-agent"},
};

void add_aliases(CLI::App& app) {
  for (const auto& a : kAliases)
    for (auto* sub : app.get_subcommands([&](const CLI::App* s) { return s->get_name() == a.command; }))
      sub->alias(std::string(a.alias));
}

}  // namespace

std::optional<LogRead> Command::log_read() {
  return std::nullopt;
}

int Command::run_merged(BucketTable&& /*merged*/) {
  throw Error::usage(fmt::format("{} reads no record log: it has no partial state to merge", app().get_name()));
}

std::span<const CommandAlias> command_aliases() {
  return kAliases;
}

namespace {

// Commands other than the metrics, and whether they read the whole command tree (the man
// page, completions, explain's list of commands).
struct OtherCommand {
  std::string_view name;
  std::unique_ptr<Command> (*make)(CLI::App&);
  bool needs_all;
};
constexpr std::array kOtherCommands{
    OtherCommand{"erlang-c", make_erlang_command, false},
    OtherCommand{"best-time-to-call", make_best_time_command, false},
    OtherCommand{"report", make_report_command, false},
    OtherCommand{"breaches", make_breaches_command, false},
    OtherCommand{"merge", make_merge_command, false},
    OtherCommand{"shard", make_shard_command, false},
    OtherCommand{"sql", make_sql_command, false},
    OtherCommand{"columns", make_columns_command, false},
    OtherCommand{"presets", make_presets_command, false},
    OtherCommand{"completions", make_completions_command, true},
    OtherCommand{"man", make_man_command, true},
    OtherCommand{"metrics", make_metrics_command, false},
    OtherCommand{"explain", make_explain_command, true},
    OtherCommand{"help", make_help_command, true},
};

// The one command `word` names, when building it alone is enough; std::nullopt for every one.
std::optional<std::string_view> only_command(std::string_view word) {
  for (const auto& a : kAliases)
    if (word == a.alias) word = a.command;
  for (const auto& other : kOtherCommands)
    if (word == other.name) return other.needs_all ? std::nullopt : std::optional{other.name};
  for (const auto& metric : kMetrics)
    if (word == metric.name) return metric.name;
  return std::nullopt;  // an option, a typo (its hint needs every name) or nothing
}

}  // namespace

std::vector<std::unique_ptr<Command>> register_commands(CLI::App& app, std::string_view first_argument) {
  // Building every command's options takes most of a short run's time, so a run that
  // names its command builds that one only.
  const auto only = only_command(first_argument);
  const auto wanted = [&](std::string_view name) { return !only || *only == name; };
  std::vector<std::unique_ptr<Command>> commands;
  for (const auto& metric : kMetrics)
    if (wanted(metric.name)) commands.push_back(std::make_unique<MetricCommand>(app, metric));
  for (const auto& other : kOtherCommands)
    if (wanted(other.name)) commands.push_back(other.make(app));
  add_aliases(app);
  return commands;
}

int run_selected(const std::vector<std::unique_ptr<Command>>& commands) {
  for (const auto& c : commands)
    if (c->app().parsed()) return c->run();
  throw Error::usage("no command given; see cxkpi --help");
}

void check_command_name(int argc, const char* const* argv, const CLI::App& app) {
  if (argc < 2 || argv[1][0] == '-') return;
  const std::string word = argv[1];
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
    names.insert(names.end(), sub->get_aliases().begin(), sub->get_aliases().end());
  }
  if (std::find(names.begin(), names.end(), word) != names.end()) return;
  throw Error::unknown("unknown command", word, names, "; cxkpi --help lists them");
}

}  // namespace cxkpi::cli
