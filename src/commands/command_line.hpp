#pragma once
// A cxkpi command line parsed on a command table of its own, for the commands that run another
// command's code: merge finalises with the states' command, sql reads its settings and rules.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "commands/command.hpp"

namespace cxkpi::cli {

class ParsedCommand {
 public:
  /// Parses `args` ("cxkpi", the command, its options). Throws Error (usage) starting with
  /// `refusal` when the command refuses them.
  ParsedCommand(const std::vector<std::string>& args, const std::string& refusal);
  /// The command `args` named.
  [[nodiscard]] Command& command() const { return *command_; }

 private:
  CLI::App app_{"cxkpi", "cxkpi"};
  std::vector<std::unique_ptr<Command>> commands_;
  Command* command_ = nullptr;
};

}  // namespace cxkpi::cli
