// The metric-options table refers to catalogue rows: every entry is a metric of kMetrics,
// none twice, so a metric's flags cannot be lost to a renamed or mistyped metric.
#include "commands/metric_options.hpp"

#include <catch2/catch.hpp>
#include <set>

using cxkpi::kMetrics;
using cxkpi::MetricSpec;
using cxkpi::cli::metric_options;

TEST_CASE("every metric-options entry names a metric in the catalogue, once", "[commands]") {
  std::set<const MetricSpec*> seen;
  for (const auto& entry : metric_options()) {
    REQUIRE(entry.metric != nullptr);
    INFO(entry.metric->name);
    const bool in_catalogue = entry.metric >= kMetrics.data() && entry.metric < kMetrics.data() + kMetrics.size();
    CHECK(in_catalogue);
    CHECK(seen.insert(entry.metric).second);
    CHECK(entry.add != nullptr);
  }
}

TEST_CASE("shares and means of contacts test a change, costs and other ratios do not", "[commands]") {
  const std::set<std::string_view> tested{"csat",
                                          "nps",
                                          "abandonment",
                                          "aht",
                                          "fcr",
                                          "asa",
                                          "avg-wait",
                                          "service-level",
                                          "conversion-rate",
                                          "transfer-rate",
                                          "repeat-contact-rate"};
  for (const auto& m : kMetrics) {
    INFO(m.name);
    CHECK((m.p_value != nullptr) == tested.contains(m.name));
  }
}
