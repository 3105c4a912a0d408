#pragma once
// JSON text: whole numbers as integers, every other digit kept, and one compact line.

#include <nlohmann/json.hpp>
#include <string>

namespace cxkpi::cli {

/// A number as JSON: an integer when it is whole (and exactly representable), else a double.
nlohmann::ordered_json json_number(double v);
/// Compact one-line JSON; invalid UTF-8 in labels is replaced, never an exception.
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace cxkpi::cli
