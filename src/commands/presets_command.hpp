#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi presets`: the exports of contact-centre platforms cxkpi reads as their documents say.
std::unique_ptr<Command> make_presets_command(CLI::App& parent);

}  // namespace cxkpi::cli
