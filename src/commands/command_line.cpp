#include "commands/command_line.hpp"

#include <fmt/format.h>

#include "errors.hpp"

namespace cxkpi::cli {

ParsedCommand::ParsedCommand(const std::vector<std::string>& args, const std::string& refusal) {
  app_.require_subcommand(1);
  commands_ = register_commands(app_, args.at(1));
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args)
    argv.push_back(a.c_str());
  try {
    app_.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    throw Error::usage(fmt::format("{}: {}", refusal, e.what()));
  }
  for (const auto& c : commands_)
    if (c->app().parsed()) command_ = c.get();
  if (command_ == nullptr) throw Error::usage(fmt::format("{}: no command parsed", refusal));
}

}  // namespace cxkpi::cli
