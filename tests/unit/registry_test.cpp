// A run that names its command builds that command (start-up builds no other), under its
// name or any alias, and every name it can be called by is in the command table.
#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "commands/command.hpp"

using cxkpi::cli::register_commands;

TEST_CASE("naming a command or an alias builds that command", "[commands]") {
  CLI::App all;
  const auto every = register_commands(all);
  const auto subcommands = all.get_subcommands([](const CLI::App*) { return true; });
  REQUIRE(subcommands.size() == every.size());
  for (const auto* sub : subcommands) {
    std::vector<std::string> names{sub->get_name()};
    names.insert(names.end(), sub->get_aliases().begin(), sub->get_aliases().end());
    for (const auto& name : names) {
      INFO("cxkpi " << name);
      CLI::App app;
      const auto built = register_commands(app, name);
      bool found = false;
      for (const auto& command : built)
        found = found || command->app().get_name() == sub->get_name();
      REQUIRE(found);
      // Only the tools that read the whole command tree build more than their own.
      const bool needs_all = sub->get_name() == "completions" || sub->get_name() == "man" ||
                             sub->get_name() == "explain" || sub->get_name() == "help";
      REQUIRE(built.size() == (needs_all ? every.size() : 1));
    }
  }
}

TEST_CASE("an option, a typo or nothing builds every command", "[commands]") {
  CLI::App all;
  const auto every = register_commands(all);
  for (const auto* first : {"", "--help", "--version", "npx"}) {
    CLI::App app;
    REQUIRE(register_commands(app, first).size() == every.size());
  }
}
