#include "text/ansi.hpp"

namespace cxkpi::cli {

std::string paint(std::string_view text, std::string_view parameters, bool on) {
  if (!on) return std::string(text);
  std::string out = "\x1b[";
  out += parameters;
  out += 'm';
  out += text;
  return out + "\x1b[0m";
}

// ECMA-48 CSI: ESC [, parameter and intermediate bytes (0x20-0x3F), one final byte (0x40-0x7E).
std::size_t control_sequence_length(std::string_view s) {
  if (s.size() < 2 || s[0] != '\x1b' || s[1] != '[') return 0;
  for (std::size_t at = 2; at < s.size(); ++at) {
    const auto c = static_cast<unsigned char>(s[at]);
    if (c >= 0x40 && c <= 0x7E) return at + 1;
    if (c < 0x20 || c > 0x3F) return 0;
  }
  return 0;
}

}  // namespace cxkpi::cli
