#pragma once
// The result of `cxkpi best-time-to-call`: answered and offered calls per local weekday ×
// hour, and the best bucket among those with enough calls.

#include <cstdint>
#include <string>
#include <vector>

#include "cxkpi/best_time.hpp"

namespace cxkpi::cli {

struct BestTimeReport {
  AnswerGrid grid;
  BestSlot best;
  std::int64_t min_n = 30;
  std::string tz = "UTC";
  bool outbound = false;  // attempts and connects, not offered and answered calls
  bool waits = true;      // the log has wait_s, so asa is known
  std::vector<std::string> warnings;
};

}  // namespace cxkpi::cli
