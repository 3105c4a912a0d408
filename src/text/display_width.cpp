#include "text/display_width.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <utility>

#include "text/ansi.hpp"

namespace cxkpi::cli {
namespace {

constexpr utf8proc_int32_t kEmojiPresentation = 0xFE0F;
constexpr utf8proc_int32_t kFirstRegionalIndicator = 0x1F1E6;  // two of them make a flag
constexpr utf8proc_int32_t kLastRegionalIndicator = 0x1F1FF;

bool is_regional_indicator(utf8proc_int32_t cp) {
  return cp >= kFirstRegionalIndicator && cp <= kLastRegionalIndicator;
}

// The width of one grapheme cluster, from its code points as they come.
struct Cluster {
  std::size_t width = 0;
  bool open = false;

  void add(utf8proc_int32_t cp) {
    if (!open) {
      width = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
      open = true;
    }
    if (cp == kEmojiPresentation || is_regional_indicator(cp)) width = 2;
  }
  std::size_t close() {
    open = false;
    return std::exchange(width, 0);
  }
};

}  // namespace

std::size_t display_width(std::string_view s) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t columns = 0;
  Cluster cluster;
  utf8proc_int32_t previous = -1;
  utf8proc_int32_t state = 0;
  for (std::size_t at = 0; at < s.size();) {
    if (const auto skip = control_sequence_length(s.substr(at)); skip > 0) {  // colour takes no column
      at += skip;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const auto length = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
    if (length <= 0) {  // not UTF-8: the byte shows as one replacement character
      columns += cluster.close() + 1;
      previous = -1;
      ++at;
      continue;
    }
    if (previous >= 0 && utf8proc_grapheme_break_stateful(previous, cp, &state)) columns += cluster.close();
    cluster.add(cp);
    previous = cp;
    at += static_cast<std::size_t>(length);
  }
  return columns + cluster.close();
}

}  // namespace cxkpi::cli
