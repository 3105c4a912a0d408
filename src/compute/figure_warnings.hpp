#pragma once
// What a figure warns about beside its value: its plan's warnings (a handle-time component
// missing from the input) and the rows it left out for a blank input.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

/// "asa: 1 answered contact with a blank wait_s is left out", or "" when `r` left none out.
std::string blank_inputs_warning(std::string_view metric, const Result& r);

/// first-response-time --awaiting: how many contacts still wait for a first response, and the
/// reference time their ages are measured at, said in words ("… at 2024-03-08T10:00:00Z, the
/// latest opened_at").
std::string awaiting_warning(const Sums& total, const std::optional<std::int64_t>& given_as_of);

/// Adds the warnings of `metric` as planned by `plan`, whose total is `total`, to `out`.
void add_figure_warnings(std::vector<std::string>& out, const MetricSpec& metric, const Plan& plan,
                         const Result& total);

}  // namespace cxkpi::cli
