#include "commands/colour_choice.hpp"

#include <unistd.h>

#include <cstdlib>

#include "commands/flags.hpp"

namespace cxkpi::cli {

bool colour_chosen(std::string_view mode, bool output_is_terminal, const char* no_color, const char* term) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const bool no_color_set = no_color != nullptr && *no_color != '\0';
  const bool term_colours = term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
  return output_is_terminal && !no_color_set && term_colours;
}

bool colour_chosen(const OutputFlags& flags) {
  const bool terminal = flags.output.empty() && ::isatty(STDOUT_FILENO) != 0;
  return colour_chosen(flags.color, terminal, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

}  // namespace cxkpi::cli
