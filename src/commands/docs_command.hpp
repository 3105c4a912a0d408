#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi completions bash|zsh|fish` and `cxkpi man`: generated from the registered
/// commands and the metric table, so they never disagree with --help.
std::unique_ptr<Command> make_completions_command(CLI::App& parent);
std::unique_ptr<Command> make_man_command(CLI::App& parent);
/// `cxkpi metrics`: the metric table as a list.
std::unique_ptr<Command> make_metrics_command(CLI::App& parent);

}  // namespace cxkpi::cli
