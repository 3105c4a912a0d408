// libFuzzer entry point for cxkpi::fuzz::parse_values (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::parse_values(data, size);
  return 0;
}
