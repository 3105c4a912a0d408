// libFuzzer entry point for cxkpi::fuzz::parse_arguments (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::parse_arguments(data, size);
  return 0;
}
