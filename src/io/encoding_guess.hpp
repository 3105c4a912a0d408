#pragma once
// A file read as UTF-8 (no --encoding) that is not: whether its bytes look like a Western
// legacy code page, so that the message about it can say which --encoding to try.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cxkpi::cli {

/// The first byte of `bytes` that does not start a valid UTF-8 sequence, if any.
std::optional<std::size_t> first_bad_utf8(std::string_view bytes);

/// "latin1" or "cp1252" when `bytes` hold bytes that are not UTF-8 and look like text in that
/// code page: each such byte at or above 0xA0 (a letter or sign in Latin-1), or one of the
/// 0x80–0x9F that Windows-1252 prints (then "cp1252"), at least one beside an ASCII letter,
/// no control byte anywhere, and most bytes ASCII. Empty for UTF-8 and for binary-looking bytes.
std::string_view legacy_encoding_guess(std::string_view bytes);

/// "the file looks like Latin-1; try --encoding latin1" (or Windows-1252, cp1252) for bytes
/// legacy_encoding_guess places; empty otherwise.
std::string legacy_encoding_hint(std::string_view bytes);

}  // namespace cxkpi::cli
