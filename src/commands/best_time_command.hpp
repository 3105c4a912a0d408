#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi best-time-to-call LOG`: answer rate by local weekday × hour, and the best bucket.
std::unique_ptr<Command> make_best_time_command(CLI::App& parent);

}  // namespace cxkpi::cli
