// The command table: every subcommand of cxkpi is registered here and nowhere else.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "commands/best_time_command.hpp"
#include "commands/columns_command.hpp"
#include "commands/command.hpp"
#include "commands/docs_command.hpp"
#include "commands/erlang_command.hpp"
#include "commands/explain_command.hpp"
#include "commands/metric_command.hpp"
#include "commands/report_command.hpp"
#include "errors.hpp"
#include "io/column_map.hpp"

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

std::span<const CommandAlias> command_aliases() {
  return kAliases;
}

std::vector<std::unique_ptr<Command>> register_commands(CLI::App& app) {
  std::vector<std::unique_ptr<Command>> commands;
  for (const auto& metric : kMetrics)
    commands.push_back(std::make_unique<MetricCommand>(app, metric));
  commands.push_back(make_erlang_command(app));
  commands.push_back(make_best_time_command(app));
  commands.push_back(make_report_command(app));
  commands.push_back(make_columns_command(app));
  commands.push_back(make_completions_command(app));
  commands.push_back(make_man_command(app));
  commands.push_back(make_metrics_command(app));
  commands.push_back(make_explain_command(app));
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
  const auto hint = did_you_mean(word, names);
  throw Error::usage(fmt::format("unknown command {}{}; cxkpi --help lists them", quote_value(word),
                                 hint ? fmt::format(" (did you mean {}?)", *hint) : ""));
}

}  // namespace cxkpi::cli
