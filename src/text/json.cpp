#include "text/json.hpp"

#include <cmath>
#include <cstdint>

namespace cxkpi::cli {

nlohmann::ordered_json json_number(double v) {
  constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53
  if (std::fabs(v) < kExactIntegerLimit && std::trunc(v) <= v && std::trunc(v) >= v)
    return static_cast<std::int64_t>(v);
  return v + 0.0;
}

std::string dump_json(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace cxkpi::cli
