#pragma once
// JSON for results: whole numbers as integers, null with a reason, every digit kept.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cxkpi/result.hpp"
#include "model/comparison.hpp"

namespace cxkpi::cli {

/// The "group" object of a row: each label column's name with the row's value.
nlohmann::ordered_json group_json(const std::vector<std::string>& names, const std::vector<std::string>& values);
/// {"value", "numerator", "denominator", "n", "small_n" when true, "reason" when null, then the details}.
nlohmann::ordered_json result_json(const Result& r);
/// {"period", "value", "change", "relative_change", "significant", "reason" when missing}.
nlohmann::ordered_json comparison_json(const Comparison& c);

}  // namespace cxkpi::cli
