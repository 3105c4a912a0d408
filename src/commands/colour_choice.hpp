#pragma once
// --color never|auto|always: whether output for a terminal is coloured.

#include <string_view>

namespace cxkpi::cli {

struct OutputFlags;  // commands/flags.hpp

/// never and always decide; auto colours when the output is a terminal, NO_COLOR is unset or
/// empty (https://no-color.org: any other value turns colour off) and TERM is set and not
/// "dumb". always wins over NO_COLOR, as a flag given for one run should.
bool colour_chosen(std::string_view mode, bool output_is_terminal, const char* no_color, const char* term);

/// colour_chosen for this process: the output is a terminal when it is stdout (no -o) and
/// stdout is one.
bool colour_chosen(const OutputFlags& flags);

}  // namespace cxkpi::cli
