#pragma once
// JSON for results: whole numbers as integers, null with a reason, every digit kept.

#include <nlohmann/json.hpp>
#include <string>

#include "cxkpi/result.hpp"

namespace cxkpi::cli {

nlohmann::ordered_json json_number(double v);
/// {"value", "numerator", "denominator", "n", "reason" when null, then the details}.
nlohmann::ordered_json result_json(const Result& r);
/// Compact one-line JSON; invalid UTF-8 in labels is replaced, never an exception.
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace cxkpi::cli
