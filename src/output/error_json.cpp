#include "output/error_json.hpp"

#include <string_view>

#include "output/json_values.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {

std::string error_json(const Error& error) {
  nlohmann::ordered_json e;
  e["exit_code"] = static_cast<int>(error.code());
  e["message"] = error.what();
  const auto& at = error.where();
  if (!at.file.empty()) e["file"] = at.file;
  if (at.line > 0) e["line"] = at.line;
  if (at.column > 0) e["column"] = at.column;
  if (!at.path.empty()) e["path"] = at.path;
  if (!error.field().empty()) e["field"] = error.field();
  return dump_json({{"error", e}});
}

bool wants_json(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json" || arg == "--format=json" || arg == "--format=ndjson") return true;
    if (arg == "--format" && i + 1 < argc) {
      const std::string_view next = argv[i + 1];
      if (next == "json" || next == "ndjson") return true;
    }
  }
  return false;
}

}  // namespace cxkpi::cli
