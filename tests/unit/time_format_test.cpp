// --time-format: a strftime-style format read before the built-in forms.
#include "records/time_format.hpp"

#include <catch2/catch.hpp>

#include "errors.hpp"

using namespace cxkpi::cli;

TEST_CASE("a --time-format reads its cells whole, with fractions and offsets", "[time]") {
  const TimeFormat day_first("%d/%m/%Y %H:%M:%S");
  // 02/03/2026 08:05:12 is 2026-03-02T08:05:12, 1772438712 s after the epoch.
  REQUIRE(day_first.read("02/03/2026 08:05:12")->written_seconds == 1772438712);
  REQUIRE(day_first.read("02/03/2026 08:05:12.25")->nanos == 250'000'000);
  REQUIRE_FALSE(day_first.read("02/03/2026 08:05:12 extra"));
  REQUIRE_FALSE(day_first.read("31/02/2026 08:05:12"));
  REQUIRE_FALSE(day_first.read("02/03/2026 08:05:12")->offset_seconds);
  const TimeFormat with_offset("%d.%m.%Y %H:%M %z");
  REQUIRE(*with_offset.read("02.03.2026 09:05 +0100")->offset_seconds == 3600);
  REQUIRE_FALSE(TimeFormat("%d/%m/%Y").read("02/03/2026")->has_time_of_day);
  REQUIRE(TimeFormat("%m/%d/%Y %r").read("03/02/2026 08:05:12 PM")->written_seconds == 1772438712 + 12 * 3600);
}

TEST_CASE("time format values: one for all columns, or column=FMT", "[time]") {
  const auto formats = TimeFormats::parse({"%d/%m/%Y %H:%M", "resolved_at=%d.%m.%Y %H:%M"});
  REQUIRE(formats.of("Created", "opened_at")->text() == "%d/%m/%Y %H:%M");
  REQUIRE(formats.of("Closed", "resolved_at")->text() == "%d.%m.%Y %H:%M");
  REQUIRE(formats.of("Resolved At", "resolved_at")->text() == "%d.%m.%Y %H:%M");
  REQUIRE(TimeFormats::parse({}).of("opened_at", "opened_at") == nullptr);
  REQUIRE_THROWS_AS(TimeFormats::parse({"dd/mm/yyyy"}), Error);
  REQUIRE_THROWS_AS(TimeFormats::parse({"%I:%M %p"}), Error);
  REQUIRE_THROWS_AS(TimeFormats::parse({"%d/%m/%Y", "%m/%d/%Y"}), Error);
}

TEST_CASE("a time cell falls back on the built-in forms and names the format when none reads it", "[time]") {
  const TimeFormat day_first("%d/%m/%Y %H:%M");
  std::string error;
  REQUIRE(read_time_cell("2026-03-02T08:05:12Z", &day_first, error)->written_seconds == 1772438712);
  REQUIRE_FALSE(read_time_cell("soon", &day_first, error));
  REQUIRE(error.find("nor does --time-format %d/%m/%Y %H:%M read it") != std::string::npos);
  const TimeFormat date_only("%d/%m/%Y");
  REQUIRE(read_date_cell("02/03/2026", &date_only, error)->written_seconds == 1772409600);  // 2026-03-02T00:00Z
  REQUIRE_FALSE(read_date_cell("02/03/2026 08:05", &day_first, error));  // a date column holds no time of day
}
