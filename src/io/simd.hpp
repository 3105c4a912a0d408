#pragma once
// Which instructions the readers use. cxkpi is one binary for every x86-64 processor: the
// CSV indexer and simdjson each pick the widest path the processor runs (AVX-512, AVX2,
// SSE2, or plain code) when the program starts. CXKPI_SIMD=scalar|sse2|avx2|avx512 asks for
// a narrower one, so that each path can be run, and compared, on the same input.

namespace cxkpi::cli {

/// Applies CXKPI_SIMD when it is set (and not empty); an unknown name, or a path this
/// processor cannot run, is a usage error (exit 64) that lists the paths it can.
void choose_simd_from_environment();

}  // namespace cxkpi::cli
