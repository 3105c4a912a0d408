#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi explain [METRIC]`: formula, variants, fields, pitfalls and a worked example.
std::unique_ptr<Command> make_explain_command(CLI::App& parent);

/// What `cxkpi explain COMMAND` prints for `command` (a command's own name), if it has an entry.
std::optional<std::string> explanation_text(const CLI::App& root, std::string_view command);

}  // namespace cxkpi::cli
