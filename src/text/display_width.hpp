#pragma once
// How many terminal columns text takes: a CJK character or an emoji two, a combining accent
// none (so "é" written as e + U+0301 takes one), by the Unicode data of Debian's utf8proc
// rather than a table kept here.

#include <cstddef>
#include <string_view>

namespace cxkpi::cli {

/// Columns `s` (UTF-8) takes in a terminal: each user-perceived character (grapheme
/// cluster) takes the width of its first code point, or two when it asks for emoji
/// presentation (U+FE0F) or is a flag; a byte that is not UTF-8 takes one; a control
/// sequence (the colour of text/ansi.hpp) takes none.
std::size_t display_width(std::string_view s);

}  // namespace cxkpi::cli
