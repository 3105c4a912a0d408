#pragma once
// A failure as one JSON object on stderr, for pipelines that asked for JSON output.

#include <string>

#include "errors.hpp"

namespace cxkpi::cli {

/// {"error":{"exit_code":65,"message":"…","file":"…","line":3,"column":2,"field":"…"}}
std::string error_json(const Error& error);

/// Whether the command line asks for JSON output (--json, --format json, --format=json).
bool wants_json(int argc, const char* const* argv);

}  // namespace cxkpi::cli
