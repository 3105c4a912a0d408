#pragma once
// Writing the rendered output: to stdout, or to `-o FILE` through a temporary file that is
// renamed into place, so a cron job never sees a half-written file.

#include <string>
#include <string_view>

namespace cxkpi::cli {

/// Thrown when the reader of our stdout went away (`cxkpi … | head`): exit quietly with 0.
struct BrokenPipe {};

/// Writes `text` to `path` ("" or "-" = stdout). Throws Error (exit 74) on failure.
void write_output(std::string_view text, const std::string& path);

}  // namespace cxkpi::cli
