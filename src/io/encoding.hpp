#pragma once
// Older exports arrive as UTF-16 (from spreadsheet "Unicode text") or as Latin-1/CP1252.
// cxkpi reads UTF-8 inside; these are converted on the way in by code of its own (fast, and
// the same on every system), and any other code page a user names by the system's iconv.

#include <optional>
#include <string>
#include <string_view>

namespace cxkpi::cli {

enum class Encoding { utf8, utf16le, utf16be, latin1, cp1252 };

std::optional<Encoding> encoding_named(std::string_view name);
std::string_view encoding_name(Encoding e);
/// Whether `name` is an encoding cxkpi reads: one of its own, or one the system's iconv knows.
bool encoding_known(const std::string& name);
/// Why `name` is not: "\"klingon\" is no encoding this system's iconv knows (…)".
std::string unknown_encoding(const std::string& name);

/// The encoding a byte-order mark announces at the start of `head` (UTF-8 when none).
Encoding encoding_from_bom(std::string_view head);

/// Converts `bytes` (without its byte-order mark) to UTF-8; bytes that are not valid in the
/// source encoding become U+FFFD.
std::string to_utf8(std::string_view bytes, Encoding from);

/// Converts `bytes` from `name`, any encoding the system's iconv knows (cp1251, shift_jis,
/// iso-8859-15 …), to UTF-8; a byte that does not start a valid sequence in it becomes
/// U+FFFD, as in to_utf8. Throws Error (usage) when iconv does not know `name`.
std::string iconv_to_utf8(std::string_view bytes, const std::string& name);

}  // namespace cxkpi::cli
