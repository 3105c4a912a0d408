// Period labels read back as the local time they cover, for period tables regrouped by --by.
#include "records/period_labels.hpp"

#include <catch2/catch.hpp>

#include "records/timestamps.hpp"

using namespace cxkpi::cli;

namespace {

// Local seconds of a UTC-written time (a local reading counted as if UTC).
std::int64_t at(std::string_view text) {
  std::string error;
  return LocalClock("UTC").local_seconds(*parse_timestamp(text, error));
}

}  // namespace

TEST_CASE("every label cxkpi writes reads back as its span of local time", "[period-labels]") {
  const auto span = [](std::string_view label) {
    const auto s = span_of_period_label(label);
    REQUIRE(s);
    return *s;
  };
  REQUIRE(span("2026").start == at("2026-01-01T00:00:00Z"));
  REQUIRE(*span("2026").end == at("2027-01-01T00:00:00Z"));
  REQUIRE(span("2026-Q4").start == at("2026-10-01T00:00:00Z"));
  REQUIRE(*span("2026-Q4").end == at("2027-01-01T00:00:00Z"));
  REQUIRE(*span("2024-02").end == at("2024-03-01T00:00:00Z"));
  // ISO week 1 of 2026 starts on Monday 2025-12-29; week 53 of 2026 exists (2026 starts on a Thursday).
  REQUIRE(span("2026-W01").start == at("2025-12-29T00:00:00Z"));
  REQUIRE(*span("2026-W53").end == at("2027-01-04T00:00:00Z"));
  REQUIRE(*span("2024-02-29").end == at("2024-03-01T00:00:00Z"));
  REQUIRE(*span("2026-03-04T09").end == at("2026-03-04T10:00:00Z"));
  REQUIRE(span("2026-03-04T09:15").start == at("2026-03-04T09:15:00Z"));
  REQUIRE_FALSE(span("2026-03-04T09:15").end);  // an interval does not say its length
  REQUIRE(*span("2026-10-25T02+01:00").offset == 3600);
  REQUIRE(*span("2026-10-25T02:15-03:30").offset == -12600);
}

TEST_CASE("text that is no period label has no span", "[period-labels]") {
  for (const auto* text : {"", "shift A", "2026-13", "2026-Q5", "2025-W53", "2026-02-29", "2026-03-04T24",
                           "2026-03-04T09:60", "2026-03-04 09", "2026-03-04T09+0100", "Mon", "26-03"})
    REQUIRE_FALSE(span_of_period_label(text));
}
