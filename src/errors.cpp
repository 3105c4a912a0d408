#include "errors.hpp"

#include <fmt/format.h>

#include "text/words.hpp"

namespace cxkpi::cli {

std::string SourcePos::str() const {
  if (line > 0 && column > 0) return fmt::format("{}:{}:{}", file, line, column);
  if (line > 0) return path.empty() ? fmt::format("{}:{}", file, line) : fmt::format("{}:{}:{}", file, line, path);
  if (!path.empty()) return fmt::format("{}:{}", file, path);
  return file;
}

Error Error::placed(const SourcePos& pos, std::string_view reason) {
  const auto place = pos.str();
  Error e{ExitCode::data, fmt::format("{}: {}", place, reason)};
  e.where_ = pos;
  e.reason_at_ = place.size() + 2;
  return e;
}

Error Error::data(const SourcePos& pos, std::string_view field, std::string_view what) {
  auto e = placed(pos, fmt::format("{}: {}", field, what));
  e.field_ = field;
  return e;
}

Error Error::data(const SourcePos& pos, std::string_view what) {
  return placed(pos, what);
}

Error Error::unknown(std::string_view what, std::string_view word, const std::vector<std::string>& candidates,
                     std::string_view then, HintStyle style) {
  return usage(fmt::format("{} {}{}{}", what, quote_value(word), hint_for(word, candidates, style), then));
}

std::string hint_for(std::string_view word, const std::vector<std::string>& candidates, HintStyle style) {
  const auto hint = did_you_mean(word, candidates);
  if (!hint) return {};
  return fmt::format(" (did you mean {}?)", style == HintStyle::quoted ? quote_value(*hint) : *hint);
}

Error Error::cannot_open(std::string_view file, std::string_view why) {
  return {ExitCode::no_input, fmt::format("cannot open {}: {}", file, why)};
}

Error Error::output(std::string_view why) {
  return {ExitCode::io, fmt::format("cannot write output: {}", why)};
}

}  // namespace cxkpi::cli
