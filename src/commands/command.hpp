#pragma once
// A subcommand: it registers its flags on construction and runs after parsing.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

struct BucketTable;    // compute/buckets.hpp
struct BucketOptions;  // compute/buckets.hpp
struct LogRead;        // below

class Command {
 public:
  virtual ~Command() = default;
  /// The CLI11 subcommand this command registered.
  [[nodiscard]] virtual const CLI::App& app() const = 0;
  /// Runs the parsed command and returns its exit code (0, or a check status); throws
  /// Error on failure.
  virtual int run() = 0;
  /// Finalises `merged` (partial states added up by `cxkpi merge`) as run() finalises the
  /// buckets it reads, with the same code; a command that reads no record log refuses it.
  virtual int run_merged(BucketTable&& merged);
  /// How the parsed command would read a record log (its buckets and rules), for `cxkpi sql`;
  /// nullopt for a command whose state SQL cannot render.
  virtual std::optional<LogRead> log_read();
};

/// A short name METRICS.md gives a command (frt = first-response-time).
struct CommandAlias {
  std::string_view alias;
  std::string_view command;
};

/// Every command alias, whether its command is built or not.
std::span<const CommandAlias> command_aliases();

/// Registers the subcommands of cxkpi on `app`, from the command table: only the one
/// `first_argument` names when that is enough, otherwise all of them.
std::vector<std::unique_ptr<Command>> register_commands(CLI::App& app, std::string_view first_argument = {});

/// Runs the subcommand the user chose.
int run_selected(const std::vector<std::unique_ptr<Command>>& commands);

/// Throws a usage error with a "did you mean" hint when argv names no known subcommand.
void check_command_name(int argc, const char* const* argv, const CLI::App& app);

}  // namespace cxkpi::cli
