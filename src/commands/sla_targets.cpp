#include "commands/sla_targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "errors.hpp"
#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

struct SlaName {
  std::string_view name;
  Measure measure;
};

// first_response and first-response-time name frt too, as the metric's names do.
constexpr std::array kSlaNames{
    SlaName{"frt", Measure::first_response},
    SlaName{"first-response-time", Measure::first_response},
    SlaName{"first_response", Measure::first_response},
    SlaName{"resolution", Measure::resolution},
    SlaName{"resolution-time", Measure::resolution},
    SlaName{"wait", Measure::wait},
    SlaName{"handle", Measure::handle},
};

SlaTarget parse_target(std::string_view item) {
  const auto eq = item.find('=');
  if (eq == std::string_view::npos)
    throw Error::usage(fmt::format("--sla: {} has no '=': give NAME=SPAN, e.g. frt=1h", quote_value(item)));
  const auto name = trim(item.substr(0, eq));
  const auto* known =
      std::find_if(kSlaNames.begin(), kSlaNames.end(), [name](const SlaName& n) { return n.name == name; });
  if (known == kSlaNames.end()) {
    std::vector<std::string> names;
    names.reserve(kSlaNames.size());
    for (const auto& n : kSlaNames)
      names.emplace_back(n.name);
    throw Error::unknown("--sla: no target", std::string(name), names, " (frt, resolution, wait, handle)");
  }
  const auto span = trim(item.substr(eq + 1));
  const auto limit = parse_duration(span);
  if (!limit.ok()) throw Error::usage(fmt::format("--sla {}: {}", name, limit.error));
  return {std::string(name), known->measure, limit.raw, std::string(span)};
}

}  // namespace

std::vector<SlaTarget> parse_sla(std::string_view text) {
  std::vector<SlaTarget> targets;
  for (std::size_t start = 0; start <= text.size();) {
    const auto comma = std::min(text.find(',', start), text.size());
    const auto item = text.substr(start, comma - start);
    start = comma + 1;
    if (trim(item).empty()) continue;  // "frt=1h," or an empty --sla
    auto t = parse_target(item);
    if (std::any_of(targets.begin(), targets.end(), [&t](const SlaTarget& o) { return o.measure == t.measure; }))
      throw Error::usage(fmt::format("--sla: {} is given twice", t.name));
    targets.push_back(std::move(t));
  }
  if (targets.empty()) throw Error::usage("--sla: no target given (e.g. --sla frt=1h,resolution=24h)");
  return targets;
}

}  // namespace cxkpi::cli
