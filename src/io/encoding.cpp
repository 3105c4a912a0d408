#include "io/encoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr std::uint32_t kReplacement = 0xFFFD;

// CP1252 0x80-0x9F; 0 marks the five bytes Windows leaves undefined.
constexpr std::array<std::uint16_t, 32> kCp1252High{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string from_utf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<std::uint8_t>(bytes[i]);
    const auto b = static_cast<std::uint8_t>(bytes[i + 1]);
    return static_cast<std::uint32_t>(little_endian ? (b << 8) | a : (a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const auto low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, u >= 0xD800 && u <= 0xDFFF ? kReplacement : u);
  }
  if (bytes.size() % 2 != 0) append_utf8(out, kReplacement);  // a dangling half unit
  return out;
}

std::string from_single_byte(std::string_view bytes, bool cp1252) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<std::uint8_t>(c);
    std::uint32_t cp = b;
    if (cp1252 && b >= 0x80 && b <= 0x9F) cp = kCp1252High[b - 0x80] != 0 ? kCp1252High[b - 0x80] : kReplacement;
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::optional<Encoding> encoding_named(std::string_view given) {
  std::string name(given);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  if (name == "utf-8" || name == "utf8") return Encoding::utf8;
  if (name == "utf-16le" || name == "utf16le") return Encoding::utf16le;
  if (name == "utf-16be" || name == "utf16be") return Encoding::utf16be;
  if (name == "latin1" || name == "iso-8859-1") return Encoding::latin1;
  if (name == "cp1252" || name == "windows-1252") return Encoding::cp1252;
  return std::nullopt;
}

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf16le:
      return "utf-16le";
    case Encoding::utf16be:
      return "utf-16be";
    case Encoding::latin1:
      return "latin1";
    case Encoding::cp1252:
      return "cp1252";
    case Encoding::utf8:
      break;
  }
  return "utf-8";
}

Encoding encoding_from_bom(std::string_view head) {
  if (head.starts_with("\xFF\xFE")) return Encoding::utf16le;
  if (head.starts_with("\xFE\xFF")) return Encoding::utf16be;
  return Encoding::utf8;
}

std::string to_utf8(std::string_view bytes, Encoding from) {
  switch (from) {
    case Encoding::utf16le:
      return from_utf16(bytes, true);
    case Encoding::utf16be:
      return from_utf16(bytes, false);
    case Encoding::latin1:
      return from_single_byte(bytes, false);
    case Encoding::cp1252:
      return from_single_byte(bytes, true);
    case Encoding::utf8:
      break;
  }
  return std::string(bytes);
}

namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";  // U+FFFD

// iconv_open fails with (iconv_t)-1: compared as a number, since a number cast to a pointer
// is what clang-tidy (and the optimiser) would rather not see.
bool iconv_opened(iconv_t cd) {
  return reinterpret_cast<std::intptr_t>(cd) != -1;
}

// An iconv conversion descriptor, closed when it goes out of scope.
class Converter {
 public:
  explicit Converter(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {
    if (!opened()) throw Error::usage("--encoding: " + unknown_encoding(from));
  }
  [[nodiscard]] bool opened() const { return iconv_opened(cd_); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  ~Converter() {
    if (opened()) iconv_close(cd_);
  }
  [[nodiscard]] iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Output room that grows: iconv writes at `at`, with `left` bytes free.
struct Room {
  std::string out;
  char* at = nullptr;
  std::size_t left = 0;

  void grow(std::size_t at_least) {
    const auto used = out.size() - left;
    out.resize(std::max(out.size() * 2, used + at_least));
    at = out.data() + used;
    left = out.size() - used;
  }
  void put(std::string_view bytes) {
    if (left < bytes.size()) grow(bytes.size());
    at = std::copy(bytes.begin(), bytes.end(), at);
    left -= bytes.size();
  }
  std::string take() {
    out.resize(out.size() - left);
    return std::move(out);
  }
};

}  // namespace

bool encoding_known(const std::string& name) {
  if (encoding_named(name)) return true;
  const auto cd = iconv_open("UTF-8", name.c_str());
  if (!iconv_opened(cd)) return false;
  iconv_close(cd);
  return true;
}

std::string unknown_encoding(const std::string& name) {
  return fmt::format("{} is no encoding this system's iconv knows (iconv -l lists the names it does)",
                     quote_value(name));
}

std::string iconv_to_utf8(std::string_view bytes, const std::string& name) {
  const Converter converter(name);
  std::string input(bytes);  // iconv's input is not const
  char* in = input.data();
  std::size_t in_left = input.size();
  Room room;
  room.grow(input.size() + input.size() / 2 + 16);
  while (in_left > 0) {
    if (iconv(converter.get(), &in, &in_left, &room.at, &room.left) != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      room.grow(in_left * 4 + 16);
      continue;
    }
    room.put(kReplacementUtf8);  // EILSEQ, or EINVAL for a sequence cut by the end
    ++in;
    --in_left;
  }
  while (iconv(converter.get(), nullptr, nullptr, &room.at, &room.left) == static_cast<std::size_t>(-1) &&
         errno == E2BIG)
    room.grow(16);  // the shift back to the initial state, for stateful encodings
  return room.take();
}

}  // namespace cxkpi::cli
