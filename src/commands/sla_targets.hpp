#pragma once
// --sla of `cxkpi breaches`: "frt=1h,resolution=24h,wait=20s,handle=10m", one target per
// measured duration, each a span as --window takes it (90s, 30m, 24h, 7d; plain seconds).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/evidence.hpp"

namespace cxkpi::cli {

struct SlaTarget {
  std::string name;  // as --sla names it: frt, resolution, wait, handle
  Measure measure;
  std::int64_t limit_raw;  // 1/10000 s; a contact is over when its duration is longer
  std::string limit_text;  // as given: "24h"
};

/// The names --sla takes, for --help and completions.
inline constexpr std::string_view kSlaNames = "frt (first response), resolution, wait (queue), handle (talk+hold+wrap)";

/// The targets in the order given. Throws a usage Error (exit 64) naming what is wrong: an
/// unknown name, a missing '=', a bad span, a name given twice, an empty list.
std::vector<SlaTarget> parse_sla(std::string_view text);

}  // namespace cxkpi::cli
