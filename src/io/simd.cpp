#include "io/simd.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdlib>
#include <string>

#include "errors.hpp"
#include "io/csv_scan.hpp"

namespace cxkpi::cli {
namespace {

// simdjson's implementation for each path: the same instruction sets under its own names.
std::string_view simdjson_name(ScanKernel kernel) {
  switch (kernel) {
    case ScanKernel::avx512:
      return "icelake";
    case ScanKernel::avx2:
      return "haswell";
    case ScanKernel::sse2:
      return "westmere";
    case ScanKernel::scalar:
      break;
  }
  return "fallback";
}

std::string supported_names() {
  std::string names;
  for (const auto kernel : supported_scan_kernels())
    names += fmt::format("{}{}", names.empty() ? "" : ", ", kernel_name(kernel));
  return names;
}

// simdjson's implementation for `kernel`, or the nearest narrower one this build of
// simdjson has and the processor runs (simdjson has no SSE2-only path, for one).
void choose_simdjson(ScanKernel kernel) {
  const auto& available = simdjson::get_available_implementations();
  for (int k = static_cast<int>(kernel); k >= 0; --k) {
    const auto* impl = available[std::string(simdjson_name(static_cast<ScanKernel>(k)))];
    if (impl != nullptr && impl->supported_by_runtime_system()) {
      simdjson::get_active_implementation() = impl;
      return;
    }
  }
}

}  // namespace

void choose_simd_from_environment() {
  const char* asked = std::getenv("CXKPI_SIMD");
  if (asked == nullptr || *asked == '\0') return;
  for (const auto kernel : supported_scan_kernels()) {
    if (kernel_name(kernel) != asked) continue;
    set_scan_kernel(kernel);
    choose_simdjson(kernel);
    return;
  }
  throw Error::usage(fmt::format("CXKPI_SIMD={}: this processor runs {} (or leave CXKPI_SIMD unset for the widest)",
                                 asked, supported_names()));
}

}  // namespace cxkpi::cli
