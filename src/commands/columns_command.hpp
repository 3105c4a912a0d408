#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

std::unique_ptr<Command> make_columns_command(CLI::App& parent);

}  // namespace cxkpi::cli
