#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi merge STATE…`: adds up partial states (--emit-state) and finalises them as the
/// command that wrote them, or writes the sum as a state again (--emit-state).
std::unique_ptr<Command> make_merge_command(CLI::App& parent);

}  // namespace cxkpi::cli
