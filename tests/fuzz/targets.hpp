#pragma once
// Fuzz targets: each takes arbitrary bytes and must either succeed or throw cxkpi's own
// Error; anything else (a crash, a sanitizer report, another exception) is a bug. The same
// functions replay tests/fuzz/regressions/ in the unit tests.

#include <cstddef>
#include <cstdint>

namespace cxkpi::fuzz {

void read_csv(const std::uint8_t* data, std::size_t size);
void read_json(const std::uint8_t* data, std::size_t size);
void parse_values(const std::uint8_t* data, std::size_t size);
void parse_arguments(const std::uint8_t* data, std::size_t size);

}  // namespace cxkpi::fuzz
