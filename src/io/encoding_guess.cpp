#include "io/encoding_guess.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace cxkpi::cli {
namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<std::uint8_t>(s[i]) : 0;
}

bool continuation(std::uint8_t b) {
  return (b & 0xC0) == 0x80;
}

// The length of the valid UTF-8 sequence at `i` (1 for ASCII), 0 when none starts there:
// RFC 3629, with overlong forms, surrogates and code points past U+10FFFF refused.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = byte_at(s, i);
  if (b < 0x80) return 1;
  const auto b1 = byte_at(s, i + 1);
  if (b >= 0xC2 && b <= 0xDF) return continuation(b1) ? 2 : 0;
  std::uint8_t low = 0x80;
  std::uint8_t high = 0xBF;
  std::size_t length = 0;
  if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    if (b == 0xE0) low = 0xA0;
    if (b == 0xED) high = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    if (b == 0xF0) low = 0x90;
    if (b == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (b1 < low || b1 > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (!continuation(byte_at(s, i + k))) return 0;
  return length;
}

bool ascii_letter(std::uint8_t b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

bool control(std::uint8_t b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
}

// The five bytes Windows-1252 leaves undefined: in a text they mean binary, not a code page.
bool cp1252_undefined(std::uint8_t b) {
  return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

}  // namespace

std::optional<std::size_t> first_bad_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto length = utf8_length(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::string_view legacy_encoding_guess(std::string_view bytes) {
  std::size_t bad = 0;
  bool beside_letter = false;
  bool cp1252 = false;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = byte_at(bytes, i);
    if (control(b)) return {};
    const auto length = utf8_length(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (cp1252_undefined(b)) return {};
    ++bad;
    cp1252 = cp1252 || b < 0xA0;
    beside_letter =
        beside_letter || (i > 0 && ascii_letter(byte_at(bytes, i - 1))) || ascii_letter(byte_at(bytes, i + 1));
    ++i;
  }
  if (bad == 0 || !beside_letter || bad * 4 > bytes.size()) return {};
  return cp1252 ? "cp1252" : "latin1";
}

std::string legacy_encoding_hint(std::string_view bytes) {
  const auto guess = legacy_encoding_guess(bytes);
  if (guess.empty()) return {};
  return fmt::format("the file looks like {}; try --encoding {}", guess == "cp1252" ? "Windows-1252" : "Latin-1",
                     guess);
}

}  // namespace cxkpi::cli
