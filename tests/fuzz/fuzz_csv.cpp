// libFuzzer entry point for cxkpi::fuzz::read_csv (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::read_csv(data, size);
  return 0;
}
