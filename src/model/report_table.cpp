#include "model/report_table.hpp"

#include <algorithm>

namespace cxkpi::cli {

std::string report_key(std::string_view metric_name) {
  std::string key(metric_name);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

}  // namespace cxkpi::cli
