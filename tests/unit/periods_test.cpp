// Period tables: every metric on every bundled file; the total is the metric over the summed rows.
#include <catch2/catch.hpp>

#include "compute/compute.hpp"
#include "test_support.hpp"

using namespace cxkpi;
using namespace cxkpi::cli;

TEST_CASE("the total row is the metric over the summed rows for every metric and file", "[periods]") {
  for (const auto* file : {"monthly.csv", "weekly.csv", "monthly.json", "weekly.json", "monthly_by_channel.csv"}) {
    for (const auto* name : {"contact-rate", "cost-per-contact", "csat", "nps", "abandonment", "aht", "fcr"}) {
      const auto& metric = *find_metric(name);
      INFO(file << " " << metric.name);
      FileInputOptions input;
      input.files = {std::string(CXKPI_DATA_DIR) + "/" + file};
      auto readers = open_inputs(input);
      const auto table = compute_from_periods(metric, Settings{}, readers, input);
      REQUIRE_FALSE(table.rows.empty());
      double numerator = 0;
      double denominator = 0;
      for (const auto& row : table.rows) {
        if (!row.result.value && row.result.reason.starts_with("no ") && row.result.denominator <= 0) {
          REQUIRE(row.result.numerator <= 0);  // a null row adds nothing to the total
          continue;
        }
        numerator += row.result.numerator;
        denominator += row.result.denominator;
      }
      REQUIRE(test::close(table.total.numerator, numerator));
      REQUIRE(test::close(table.total.denominator, denominator));
      REQUIRE(table.total.value.has_value());
      const double factor =
          table.plan.unit == cxkpi::Unit::percent || table.plan.unit == cxkpi::Unit::points ? 100.0 : 1.0;
      test::require_value(table.total, factor * numerator / denominator);
    }
  }
}

TEST_CASE("a row with an empty required cell is null and left out of the total", "[periods]") {
  FileInputOptions input;
  input.files = {std::string(CXKPI_DATA_DIR) + "/monthly_by_channel.csv"};
  auto readers = open_inputs(input);
  const auto table = compute_from_periods(*find_metric("abandonment"), Settings{}, readers, input);
  REQUIRE(table.label_names == std::vector<std::string>{"channel"});
  std::size_t nulls = 0;
  for (const auto& row : table.rows) {
    if (row.labels[0] != "email") continue;
    ++nulls;
    test::require_null(row.result, "no offered in this row");
  }
  REQUIRE(nulls == 3);
  REQUIRE(table.warnings.size() == 3);
}
