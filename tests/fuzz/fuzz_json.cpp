// libFuzzer entry point for cxkpi::fuzz::read_json (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::read_json(data, size);
  return 0;
}
