#pragma once
// Colour in a terminal: ECMA-48 SGR sequences around text, and how long such a sequence is,
// so that widths can leave them out. Colour only ever marks what the text already says.

#include <cstddef>
#include <string>
#include <string_view>

namespace cxkpi::cli {

/// SGR parameters of the colours cxkpi uses.
namespace sgr {
inline constexpr std::string_view red = "31";
inline constexpr std::string_view bold_red = "1;31";
inline constexpr std::string_view green = "32";
inline constexpr std::string_view bold_green = "1;32";
inline constexpr std::string_view yellow = "33";
inline constexpr std::string_view magenta = "35";
}  // namespace sgr

/// `text` between ESC [ `parameters` m and the reset ESC [ 0 m; `text` itself when `on` is false.
std::string paint(std::string_view text, std::string_view parameters, bool on);

/// The bytes of the control sequence (ESC [ … final byte) that `s` starts with; 0 when it starts with none.
std::size_t control_sequence_length(std::string_view s);

}  // namespace cxkpi::cli
