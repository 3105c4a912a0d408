#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi erlang-c` (alias `staffing`): agents needed per interval, by Erlang C.
std::unique_ptr<Command> make_erlang_command(CLI::App& parent);

}  // namespace cxkpi::cli
