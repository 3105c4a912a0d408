#include "commands/command_info.hpp"

#include <fmt/format.h>

#include "commands/command.hpp"
#include "commands/explanations.hpp"
#include "cxkpi/catalog.hpp"
#include "records/presets.hpp"

namespace cxkpi::cli {
namespace {

// The words a CLI::IsMember check or transform lists in an option's type name: TEXT:{csv,json}.
std::vector<std::string> listed_words(const std::string& type_name) {
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> words;
  std::size_t start = open + 1;
  for (auto comma = type_name.find(',', start); start <= close; comma = type_name.find(',', start)) {
    const auto end = std::min(comma, close);
    words.push_back(type_name.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// What `cxkpi explain` and `cxkpi help` name: every explained metric and every alias.
std::vector<std::string> metric_words() {
  std::vector<std::string> words;
  for (const auto& e : explanations())
    words.emplace_back(e.name);
  for (const auto& a : command_aliases())
    words.emplace_back(a.alias);
  return words;
}

// Words of flags whose values are checked after parsing, against a table of the program's
// own: the presets, the metrics; the catalogue is the list, as the check's is.
std::vector<std::string> checked_words(const std::string& flag) {
  std::vector<std::string> words;
  if (flag == "--preset") {
    for (const auto& p : presets())
      words.emplace_back(p.name);
    words.emplace_back("none");
  } else if (flag == "--metrics") {
    for (const auto& m : kMetrics)
      words.emplace_back(m.name);
  }
  return words;
}

std::vector<std::string> command_words(const CLI::App& root) {
  std::vector<std::string> words;
  for (const auto* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    words.push_back(sub->get_name());
    for (const auto& alias : sub->get_aliases())
      words.push_back(alias);
  }
  return words;
}

OptionInfo option_info(const CLI::Option& opt) {
  OptionInfo info;
  for (const auto& l : opt.get_lnames())
    info.names.push_back("--" + l);
  for (const auto& s : opt.get_snames())
    info.names.push_back("-" + s);
  info.help = opt.get_description();
  if (opt.get_type_size_max() == 0) return info;  // a flag
  info.values = listed_words(opt.get_type_name());
  if (info.values.empty() && !info.names.empty()) info.values = checked_words(info.names.front());
  info.list = opt.get_delimiter() == ',';
  info.kind = !info.values.empty()                             ? ValueKind::words
              : !info.names.empty() && info.names[0] == "--tz" ? ValueKind::zone
                                                               : ValueKind::file;
  return info;
}

// A command's operands: the words its check lists (completions SHELL), the metrics or commands
// it explains, or files.
OptionInfo operands_of(const CLI::App& root, const CLI::Option& positional) {
  OptionInfo info{{}, positional.get_description(), ValueKind::words, listed_words(positional.get_type_name()), false};
  const auto& name = positional.get_name();
  if (info.values.empty() && name == "METRIC") info.values = metric_words();
  if (info.values.empty() && name == "COMMAND") info.values = command_words(root);
  if (info.values.empty()) info.kind = ValueKind::file;
  return info;
}

}  // namespace

std::vector<CommandInfo> commands_of(const CLI::App& root) {
  std::vector<CommandInfo> out;
  for (const auto* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    CommandInfo info{sub->get_name(), sub->get_description(), {}, {{}, {}, ValueKind::file, {}, false}};
    for (const auto* opt : sub->get_options()) {
      if (opt->get_positional() && !opt->nonpositional())
        info.operands = operands_of(root, *opt);
      else
        info.options.push_back(option_info(*opt));
    }
    // Aliases complete and appear in the manual like the command they stand for.
    for (const auto& alias : sub->get_aliases()) {
      auto same = info;
      same.name = alias;
      same.description = fmt::format("same as {}", info.name);
      out.push_back(std::move(same));
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<std::string> option_names(const CommandInfo& c) {
  std::vector<std::string> names;
  for (const auto& o : c.options)
    names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

}  // namespace cxkpi::cli
