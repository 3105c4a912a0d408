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
/// A period table (CSV) through every metric of the catalogue, each table rendered in every
/// output format: labels, periods and sums are the input's.
void compute_periods(const std::uint8_t* data, std::size_t size);
/// The whole command line, run: the first line holds the arguments (NUL-separated), the rest
/// is the file `in` in a scratch folder, which they may read (and where -o and --rejects
/// write). Arguments that could reach outside the folder (`/…`, `..`) are not run.
void run_command(const std::uint8_t* data, std::size_t size);

}  // namespace cxkpi::fuzz
