#include "commands/number_flags.hpp"

#include <fmt/format.h>

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

}  // namespace cxkpi::cli
