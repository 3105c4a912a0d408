#include "commands/help_command.hpp"

#include "commands/explain_command.hpp"
#include "errors.hpp"
#include "io/sink.hpp"

namespace cxkpi::cli {
namespace {

// Every command other than help itself, with its aliases, for the "did you mean" hint.
std::vector<std::string> command_names(const CLI::App& root) {
  std::vector<std::string> names;
  for (const auto* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
    names.insert(names.end(), sub->get_aliases().begin(), sub->get_aliases().end());
  }
  return names;
}

const CLI::App& command_named(const CLI::App& root, const std::string& word) {
  for (const auto* sub : root.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->check_name(word)) return *sub;
  throw Error::unknown("unknown command", word, command_names(root), "; cxkpi --help lists them");
}

class HelpCommand final : public Command {
 public:
  explicit HelpCommand(CLI::App& parent)
      : root_(parent), app_(parent.add_subcommand("help", "a command's flags and its metric's definition")) {
    app_->add_option("COMMAND", command_, "a command or its alias (nps, frt, report, …); none lists them all");
    app_->footer("\nExample:  cxkpi help nps");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override {
    if (command_.empty()) {  // the root's own help: help() would show this command's, the one selected
      write_output(root_.get_formatter()->make_help(&root_, "cxkpi", CLI::AppFormatMode::Normal), "");
      return 0;
    }
    const auto& command = command_named(root_, command_);
    auto text = command.help("cxkpi");
    if (const auto definition = explanation_text(root_, command.get_name())) text += "\n" + *definition;
    write_output(text, "");
    return 0;
  }

 private:
  const CLI::App& root_;
  CLI::App* app_;
  std::string command_;
};

}  // namespace

std::unique_ptr<Command> make_help_command(CLI::App& parent) {
  return std::make_unique<HelpCommand>(parent);
}

}  // namespace cxkpi::cli
