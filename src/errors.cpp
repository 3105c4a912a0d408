#include "errors.hpp"

#include <fmt/format.h>

namespace cxkpi::cli {

std::string SourcePos::str() const {
  if (line > 0 && column > 0) return fmt::format("{}:{}:{}", file, line, column);
  if (line > 0) return path.empty() ? fmt::format("{}:{}", file, line) : fmt::format("{}:{}:{}", file, line, path);
  if (!path.empty()) return fmt::format("{}:{}", file, path);
  return file;
}

Error Error::data(const SourcePos& pos, std::string_view field, std::string_view what) {
  Error e{ExitCode::data, fmt::format("{}: {}: {}", pos.str(), field, what)};
  e.where_ = pos;
  e.field_ = field;
  return e;
}

Error Error::cannot_open(std::string_view file, std::string_view why) {
  return {ExitCode::no_input, fmt::format("cannot open {}: {}", file, why)};
}

Error Error::output(std::string_view why) {
  return {ExitCode::io, fmt::format("cannot write output: {}", why)};
}

std::string quote_value(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\')
      out += fmt::format("\\{}", static_cast<char>(c));
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);  // UTF-8 bytes pass through; terminals show them
  }
  if (text.size() > kMaxShown) out += "…";
  return out + "\"";
}

}  // namespace cxkpi::cli
