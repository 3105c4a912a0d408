// cxkpi: the command table → CLI11 → the chosen command → an exit code.
// This is the only place that turns errors into exit codes (DESIGN.md, "Errors and exit codes").
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include "check/check.hpp"
#include "commands/command.hpp"
#include "commands/parse_errors.hpp"
#include "cxkpi/sums.hpp"
#include "cxkpi_version.hpp"
#include "errors.hpp"
#include "io/simd.hpp"
#include "io/sink.hpp"
#include "output/error_json.hpp"

namespace {

// A check that could not run is UNKNOWN (3) to monitoring, whatever the cause.
int unknown_status(std::string_view why) {
  try {
    cxkpi::cli::write_output(fmt::format("CXKPI UNKNOWN - {}\n", why), "");
  } catch (...) {  // UNKNOWN is still the answer when stdout is gone
  }
  return static_cast<int>(cxkpi::cli::CheckStatus::unknown);
}

// CLI11 prints help and the version through std::cout, which does not throw: a failed write
// (`--help > /dev/full`) is found here. A reader that went away (`| head`) is not a failure.
// errno is cleared before the help is printed (run_cli), not here: a help longer than the
// stream's buffer fails while it is printed, and the reason would be lost.
int help_status(int code) {
  std::cout.flush();
  if (code != 0 || !std::cout.fail() || errno == EPIPE) return code;
  cxkpi::cli::write_stderr(fmt::format("cxkpi: cannot write the output: {}\n", std::strerror(errno)));
  return static_cast<int>(cxkpi::cli::ExitCode::io);
}

// An error reported on stderr (also as JSON when --json asked for it) and its exit code.
int error_status(const cxkpi::cli::Error& e, int argc, char** argv) {
  using namespace cxkpi::cli;
  write_stderr_line(e.what());
  if (wants_json(argc, argv)) write_stderr(error_json(e) + "\n");
  if (in_check_mode(argc, argv)) return unknown_status(e.what());
  return static_cast<int>(e.code());
}

// Everything main does; main itself only makes sure that nothing escapes it.
int run_cli(int argc, char** argv) {
  using namespace cxkpi::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes EPIPE, which exits quietly
  reserve_standard_descriptors();
  CLI::App app{"cxkpi: contact-centre KPIs from numbers, period tables and record logs", "cxkpi"};
  app.set_version_flag("--version", fmt::format("cxkpi {}", kVersion));
  app.require_subcommand(1);
  try {
    choose_simd_from_environment();
    const auto commands = register_commands(app, argc > 1 ? argv[1] : "");
    check_command_name(argc, argv, app);
    app.parse(argc, argv);
    return run_selected(commands);
  } catch (const CLI::ParseError& e) {
    if (is_help_or_version(e)) {
      errno = 0;
      return help_status(app.exit(e));
    }
    const int status = error_status(usage_error_of(e, app, argc, argv), argc, argv);
    if (argc < 2) write_stderr(short_usage() + "\n");  // cxkpi alone: how to call it
    return status;
  } catch (const Error& e) {
    return error_status(e, argc, argv);
  } catch (const cxkpi::SumOverflow& e) {  // a sum no input row is to blame for (numbers given as flags, a merge)
    return error_status(Error::data(e.what()), argc, argv);
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const std::exception& e) {
    write_stderr_line(fmt::format("internal error: {}", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (...) {  // thrown while setting up or while reporting an error (out of memory): still not an abort
    cxkpi::cli::write_stderr("cxkpi: internal error\n");
    return static_cast<int>(cxkpi::cli::ExitCode::internal);
  }
}
