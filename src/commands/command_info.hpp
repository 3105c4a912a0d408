#pragma once
// What the manual and the shell completions say about each command and its options, read
// from the CLI's own option tables (a flag's listed words are those its check accepts), so
// that neither keeps a second list that could drift from --help.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace cxkpi::cli {

/// What follows an option or makes an operand, as a shell completes it.
enum class ValueKind {
  none,   // a flag: no value
  words,  // one of OptionInfo::values (or a comma-separated list of them when `list`)
  file,   // a path (FILE, -o, --rejects …), and any value no list names
  zone,   // an IANA time zone (--tz)
};

struct OptionInfo {
  std::vector<std::string> names;  // --long and -s names
  std::string help;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> values;  // the words, for ValueKind::words
  bool list = false;                // takes several words joined by commas (--metrics a,b)
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
  OptionInfo operands;  // what its positional arguments are (files, metric names …)
};

/// Every subcommand of `root`, each alias as a command of its own ("same as …").
std::vector<CommandInfo> commands_of(const CLI::App& root);

/// Every flag name of `c`: "--by", "-o" …
std::vector<std::string> option_names(const CommandInfo& c);

}  // namespace cxkpi::cli
