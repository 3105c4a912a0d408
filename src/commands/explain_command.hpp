#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi explain [METRIC]`: formula, variants, fields, pitfalls and a worked example.
std::unique_ptr<Command> make_explain_command(CLI::App& parent);

}  // namespace cxkpi::cli
