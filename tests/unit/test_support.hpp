#pragma once
// Shared helpers for the unit tests.

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <string>

#include "cxkpi/result.hpp"

namespace cxkpi::test {

/// METRICS.md: doubles agree when |Δ| ≤ 1e-9 × max(1, |expected|).
inline bool close(double actual, double expected) {
  return std::fabs(actual - expected) <= 1e-9 * std::fmax(1.0, std::fabs(expected));
}

inline void require_value(const Result& r, double expected) {
  INFO("reason: " << r.reason);
  REQUIRE(r.value.has_value());
  INFO("value " << *r.value << " expected " << expected);
  REQUIRE(close(*r.value, expected));
}

inline void require_null(const Result& r, const std::string& reason) {
  REQUIRE_FALSE(r.value.has_value());
  REQUIRE(r.reason == reason);
}

}  // namespace cxkpi::test
