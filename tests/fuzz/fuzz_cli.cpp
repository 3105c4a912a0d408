// libFuzzer entry point for cxkpi::fuzz::run_command (see targets.hpp).
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cxkpi::fuzz::run_command(data, size);
  return 0;
}
