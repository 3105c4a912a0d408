// The explanation table behind `cxkpi explain` covers every metric command and agrees with it.
#include "commands/explanations.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "commands/command.hpp"
#include "cxkpi/catalog.hpp"

namespace {

using cxkpi::cli::explanations;
using cxkpi::cli::find_explanation;

// Subcommands that are tools, not metrics.
const std::set<std::string> kToolCommands{"report",  "columns", "presets", "completions", "man",      "metrics",
                                          "explain", "help",    "merge",   "shard",       "breaches", "sql"};

struct Registered {
  CLI::App app;
  std::vector<std::unique_ptr<cxkpi::cli::Command>> commands = cxkpi::cli::register_commands(app);
};

const CLI::App* subcommand(const CLI::App& app, std::string_view name) {
  const auto found = app.get_subcommands([&](const CLI::App* s) { return s->get_name() == name; });
  return found.empty() ? nullptr : found.front();
}

}  // namespace

TEST_CASE("every metric command cxkpi registers has an explanation", "[explain]") {
  Registered r;
  for (const auto* sub : r.app.get_subcommands([](const CLI::App*) { return true; })) {
    if (kToolCommands.count(sub->get_name()) > 0) continue;
    INFO("command " << sub->get_name());
    REQUIRE(find_explanation(sub->get_name()) != nullptr);
  }
  for (const auto& m : cxkpi::kMetrics) {
    INFO("metric " << m.name);
    REQUIRE(find_explanation(m.name) != nullptr);
  }
}

TEST_CASE("explanations name each metric once and every alias has one", "[explain]") {
  std::set<std::string_view> names;
  for (const auto& e : explanations())
    REQUIRE(names.insert(e.name).second);
  for (const auto& a : cxkpi::cli::command_aliases()) {
    INFO("alias " << a.alias);
    REQUIRE(find_explanation(a.command) != nullptr);
  }
}

TEST_CASE("an explanation is complete, and spells out only what the catalogue does not know", "[explain]") {
  for (const auto& e : explanations()) {
    INFO("metric " << e.name);
    REQUIRE_FALSE(e.pitfalls.empty());
    REQUIRE_FALSE(e.example.story.empty());
    REQUIRE(e.example.command.starts_with("cxkpi " + std::string(e.name) + " "));
    REQUIRE_FALSE(e.example.answer.empty());
    const auto* metric = cxkpi::find_metric(e.name);
    // A metric only a log can give names its log columns in the catalogue, not here.
    REQUIRE(e.record_fields.empty() == (metric != nullptr && !metric->log_columns.empty()));
    // Title, formula, unit and table columns: the catalogue's, or the entry's own.
    const bool own = metric == nullptr;
    REQUIRE(e.own.summary.empty() != own);
    REQUIRE(e.own.formula.empty() != own);
    REQUIRE(e.own.unit.empty() != own);
    REQUIRE(e.own.table_fields.empty() != own);
  }
}

TEST_CASE("the variants of a built metric name flags its command has", "[explain]") {
  Registered r;
  for (const auto& e : explanations()) {
    const auto* sub = subcommand(r.app, e.name);
    if (sub == nullptr) continue;
    for (const auto& v : e.variants) {
      const auto flag = std::string(v.flags.substr(0, v.flags.find(' ')));
      INFO("metric " << e.name << ", flag " << flag);
      REQUIRE(flag.starts_with("--"));
      REQUIRE(sub->get_option_no_throw(flag) != nullptr);
    }
  }
}
