#include "commands/number_flags.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "text/numbers.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {

CLI::Validator decimal_in(double min, double max) {
  return {[min, max](const std::string& text) {
            const auto v = parse_finite(text);
            if (v && *v >= min && *v <= max) return std::string();
            return fmt::format("{} is not a number from {} to {}", quote_value(text), min, max);
          },
          fmt::format("NUMBER in [{}, {}]", min, max)};
}

CLI::Validator whole_count() {
  return {[](const std::string& text) {
            std::uint64_t n = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return std::string();
            return fmt::format("{} is not a whole number >= 0", quote_value(text));
          },
          ""};
}

}  // namespace cxkpi::cli
