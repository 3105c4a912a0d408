#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi help [COMMAND]`: the command's flags as `cxkpi COMMAND --help` prints them, then
/// its definition as `cxkpi explain COMMAND` prints it; with no command, `cxkpi --help`.
std::unique_ptr<Command> make_help_command(CLI::App& parent);

}  // namespace cxkpi::cli
