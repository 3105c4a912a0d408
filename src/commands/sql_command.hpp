#pragma once
#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

/// `cxkpi sql METRIC|report --dialect D --table T …`: the partial state of a record log in a
/// SQL engine, as one statement whose result `cxkpi merge` finalises.
std::unique_ptr<Command> make_sql_command(CLI::App& parent);

}  // namespace cxkpi::cli
