#pragma once
// `cxkpi breaches LOG --sla frt=1h,resolution=24h`: every contact over a target, with the
// amount over, and a count per target and group of contacts measured, breached and not
// measurable (a blank duration).

#include <memory>

#include "commands/command.hpp"

namespace cxkpi::cli {

std::unique_ptr<Command> make_breaches_command(CLI::App& parent);

}  // namespace cxkpi::cli
