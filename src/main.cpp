// cxkpi: the command table → CLI11 → the chosen command → an exit code.
// This is the only place that turns errors into exit codes (DESIGN.md, "Errors and exit codes").
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "check/check.hpp"
#include "commands/command.hpp"
#include "cxkpi_version.hpp"
#include "errors.hpp"
#include "output/error_json.hpp"
#include "output/sink.hpp"

namespace {

// A check that could not run is UNKNOWN (3) to monitoring, whatever the cause.
int unknown_status(std::string_view why) {
  fmt::print("CXKPI UNKNOWN - {}\n", why);
  return static_cast<int>(cxkpi::cli::CheckStatus::unknown);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cxkpi::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes EPIPE, which exits quietly
  CLI::App app{"cxkpi: contact-centre KPIs from numbers, period tables and record logs", "cxkpi"};
  app.set_version_flag("--version", fmt::format("cxkpi {}", kVersion));
  app.require_subcommand(1);
  try {
    const auto commands = register_commands(app, argc > 1 ? argv[1] : "");
    check_command_name(argc, argv, app);
    app.parse(argc, argv);
    return run_selected(commands);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, the version, or the parse error
    if (code != 0 && in_check_mode(argc, argv)) return unknown_status(e.what());
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    fmt::print(stderr, "cxkpi: {}\n", e.what());
    if (wants_json(argc, argv)) fmt::print(stderr, "{}\n", error_json(e));
    if (in_check_mode(argc, argv)) return unknown_status(e.what());
    return static_cast<int>(e.code());
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cxkpi: internal error: {}\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
}
