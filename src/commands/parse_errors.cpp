#include "commands/parse_errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// The subcommand argv names (by name or alias), or the whole program.
const CLI::App& chosen_command(const CLI::App& app, int argc, const char* const* argv) {
  if (argc < 2) return app;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->check_name(argv[1])) return *sub;
  return app;
}

// Every spelling of every flag of `command`: --long and -s names.
std::vector<std::string> flag_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const auto* option : command.get_options()) {
    for (const auto& n : option->get_lnames())
      names.push_back("--" + n);
    for (const auto& n : option->get_snames())
      names.push_back("-" + n);
  }
  return names;
}

bool is_flag_known(const CLI::App& command, std::string_view word) {
  const auto names = flag_names(command);
  return std::find(names.begin(), names.end(), word) != names.end();
}

// The first word of argv (after the command's name) that is a flag `command` does not have:
// "--promotrs" of "--promotrs=5". Empty when every flag is known.
std::string unknown_flag(const CLI::App& command, int argc, const char* const* argv) {
  for (int i = command.get_parent() == nullptr ? 1 : 2; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--") break;
    if (word.size() < 2 || word[0] != '-' || (word[1] >= '0' && word[1] <= '9') || word[1] == '.') continue;
    word = word.substr(0, word.find('='));
    if (word.size() > 2 && word[1] != '-') word = word.substr(0, 2);  // -d, or -d';' glued to its value
    if (!is_flag_known(command, word)) return std::string(word);
  }
  return {};
}

std::string command_line_name(const CLI::App& command) {
  return command.get_parent() == nullptr ? "cxkpi" : fmt::format("cxkpi {}", command.get_name());
}

// The message for arguments the command has no place for: a flag it does not have (with the
// closest one it has), or a word more than its files and values.
std::string extras_message(const CLI::ParseError& e, const CLI::App& command, int argc, const char* const* argv) {
  const bool root = command.get_parent() == nullptr;
  const auto help = root ? std::string("; cxkpi --help lists the commands")
                         : fmt::format("; cxkpi {} --help lists its flags", command.get_name());
  if (const auto flag = unknown_flag(command, argc, argv); !flag.empty()) {
    // A one-letter flag is too short for a hint to mean anything.
    const auto hint = flag.starts_with("--") ? hint_for(flag, flag_names(command)) : std::string();
    if (root) return fmt::format("no flag {} comes before a command{}", flag, help);
    return fmt::format("{} has no flag {}{}{}", command.get_name(), flag, hint, help);
  }
  const auto owner = root ? std::string("cxkpi") : command.get_name();
  std::string what = e.what();
  if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
  return fmt::format("{} takes no argument {}{}", owner, quote_value(what), help);
}

}  // namespace

bool is_help_or_version(const CLI::ParseError& e) {
  return e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success);
}

Error usage_error_of(const CLI::ParseError& e, const CLI::App& app, int argc, const char* const* argv) {
  const auto& command = chosen_command(app, argc, argv);
  const auto code = static_cast<CLI::ExitCodes>(e.get_exit_code());
  const bool root = &command == &app;
  if (code == CLI::ExitCodes::ExtrasError || (root && !unknown_flag(app, argc, argv).empty()))
    return Error::usage(extras_message(e, command, argc, argv));
  if (code == CLI::ExitCodes::RequiredError && root) return Error::usage("no command given");
  return Error::usage(fmt::format("{}; {} --help lists its flags", e.what(), command_line_name(command)));
}

std::string short_usage() {
  return "usage: cxkpi COMMAND [FLAGS] [FILE...]\n"
         "\n"
         "  cxkpi report calls.csv          every metric a log or period table supports\n"
         "  cxkpi columns calls.csv         how each column is read, and what is not available\n"
         "  cxkpi abandonment calls.csv     one metric (also aht, asa, csat, nps, fcr, ...)\n"
         "  cxkpi nps --promoters 50 --passives 30 --detractors 20\n"
         "  cxkpi explain nps               a metric's formula, fields and a worked example\n"
         "\n"
         "cxkpi --help lists every command; cxkpi help COMMAND shows its flags and definition";
}

}  // namespace cxkpi::cli
