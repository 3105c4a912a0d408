// Replays the fuzz seed corpora and every input that once crashed a fuzz target.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "targets.hpp"

namespace {

using Target = void (*)(const std::uint8_t*, std::size_t);

std::size_t replay(const std::string& name, Target target) {
  std::size_t files = 0;
  for (const auto* kind : {"corpus", "regressions"}) {
    const auto dir = std::filesystem::path(CXKPI_FUZZ_DIR) / kind / name;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO(entry.path().string());
      target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++files;
    }
  }
  return files;
}

}  // namespace

TEST_CASE("fuzz corpora and past crashers run cleanly through every target", "[fuzz]") {
  REQUIRE(replay("csv", cxkpi::fuzz::read_csv) > 0);
  REQUIRE(replay("json", cxkpi::fuzz::read_json) > 0);
  REQUIRE(replay("values", cxkpi::fuzz::parse_values) > 0);
  REQUIRE(replay("args", cxkpi::fuzz::parse_arguments) > 0);
  REQUIRE(replay("periods", cxkpi::fuzz::compute_periods) > 0);
  REQUIRE(replay("cli", cxkpi::fuzz::run_command) > 0);
}
