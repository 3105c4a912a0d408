#pragma once
// Older exports arrive as UTF-16 (from spreadsheet "Unicode text") or as Latin-1/CP1252.
// cxkpi reads UTF-8 inside; these are converted on the way in, so no iconv is needed.

#include <optional>
#include <string>
#include <string_view>

namespace cxkpi::cli {

enum class Encoding { utf8, utf16le, utf16be, latin1, cp1252 };

std::optional<Encoding> encoding_named(std::string_view name);
std::string_view encoding_name(Encoding e);

/// The encoding a byte-order mark announces at the start of `head` (UTF-8 when none).
Encoding encoding_from_bom(std::string_view head);

/// Converts `bytes` (without its byte-order mark) to UTF-8; bytes that are not valid in the
/// source encoding become U+FFFD.
std::string to_utf8(std::string_view bytes, Encoding from);

}  // namespace cxkpi::cli
