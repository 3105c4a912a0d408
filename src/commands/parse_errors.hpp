#pragma once
// What the flag parser refuses, said the way cxkpi says every other error: a `cxkpi:` line,
// a "did you mean" hint for a misspelt flag, exit 64, and (with --json) the JSON error
// object. Help and the version are not errors and keep CLI11's own printing.

#include <CLI/CLI.hpp>
#include <string>

#include "errors.hpp"

namespace cxkpi::cli {

/// Whether `e` asks for help or the version rather than reporting a mistake.
bool is_help_or_version(const CLI::ParseError& e);

/// The usage error for a command line CLI11 refused (`e` is not help or the version).
Error usage_error_of(const CLI::ParseError& e, const CLI::App& app, int argc, const char* const* argv);

/// What `cxkpi` alone prints: how to call it and the commands most runs use.
std::string short_usage();

}  // namespace cxkpi::cli
