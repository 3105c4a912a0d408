// libFuzzer entry point for cxkpi::fuzz::compute_periods (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::compute_periods(data, size);
  return 0;
}
