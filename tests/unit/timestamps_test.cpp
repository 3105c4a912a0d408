// Timestamps and periods: ISO weeks (53 and 1 across the year end), time zones with DST.
#include "records/timestamps.hpp"

#include <date/date.h>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "records/row_clock.hpp"

using namespace cxkpi::cli;

namespace {

std::int64_t utc(std::string_view text) {
  std::string error;
  const auto t = parse_timestamp(text, error);
  INFO(error);
  REQUIRE(t);
  return LocalClock("UTC").local_seconds(*t);
}

std::string label(std::string_view text, BucketBy by) {
  return period_of(utc(text), by).label;
}

}  // namespace

TEST_CASE("ISO-8601 forms are read with and without offsets", "[time]") {
  REQUIRE(utc("1970-01-01T00:00:00Z") == 0);
  REQUIRE(utc("2024-03-04T09:00:00Z") == 1709542800);
  REQUIRE(utc("2024-03-04 09:00") == 1709542800);
  REQUIRE(utc("2024-03-04T11:00:00+02:00") == 1709542800);
  REQUIRE(utc("2024-03-04T04:00:00-0500") == 1709542800);
  REQUIRE(utc("2024-03-04T09:00:00.250Z") == 1709542800);
  REQUIRE(utc("2024-03-04") == 1709510400);
  REQUIRE(utc(" 2024-03-04T09:00:00Z ") == 1709542800);
}

TEST_CASE("impossible dates and times are refused with what was expected", "[time]") {
  for (const auto* bad : {"2026-02-30", "2026-13-01", "2026-02-03T24:00", "2026-02-03T10:60", "03/02/2026", "",
                          "2026-02-03T10:00:00+25:00", "2026-02-03T10:00:00 junk"}) {
    INFO(bad);
    std::string error;
    REQUIRE_FALSE(parse_timestamp(bad, error));
    REQUIRE(error.find("is not a valid time") != std::string::npos);
  }
  std::string error;
  REQUIRE(parse_date_and_time("2021-01-01", "9:12:58", error)->written_seconds == 1609492378);
  REQUIRE_FALSE(parse_date_and_time("2021-02-29", "9:12", error));  // 2021 is no leap year
  REQUIRE(parse_date_and_time("2024-02-29", "", error));
}

TEST_CASE("periods are labelled and ordered by time", "[time]") {
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::hour) == "2026-03-04T09");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::day) == "2026-03-04");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::month) == "2026-03");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::quarter) == "2026-Q1");
  REQUIRE(label("2026-12-31T09:15:00Z", BucketBy::quarter) == "2026-Q4");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::year) == "2026");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::weekday) == "Wed");
  REQUIRE(label("2026-03-08T23:59:59Z", BucketBy::weekday) == "Sun");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::hour_of_day) == "09");
  REQUIRE(label("2026-03-04T09:15:00Z", BucketBy::all) == "all");
  REQUIRE(label("1969-12-31T23:00:00Z", BucketBy::day) == "1969-12-31");  // before the epoch
  REQUIRE(period_of(utc("2026-03-04"), BucketBy::week).order < period_of(utc("2026-03-09"), BucketBy::week).order);
}

TEST_CASE("ISO weeks cross the year end: 2026-W53 and 2027-W53 do not exist alike", "[time]") {
  REQUIRE(label("2026-02-16T10:00:00Z", BucketBy::week) == "2026-W08");
  REQUIRE(label("2026-12-31T10:00:00Z", BucketBy::week) == "2026-W53");  // 2026 has 53 ISO weeks
  REQUIRE(label("2027-01-03T10:00:00Z", BucketBy::week) == "2026-W53");  // a Sunday, still week 53
  REQUIRE(label("2027-01-04T10:00:00Z", BucketBy::week) == "2027-W01");
  REQUIRE(label("2025-12-29T10:00:00Z", BucketBy::week) == "2026-W01");  // a Monday in 2025
  REQUIRE(label("2021-01-03T10:00:00Z", BucketBy::week) == "2020-W53");
}

TEST_CASE("a time zone moves times across days and follows DST", "[time]") {
  const LocalClock riga("Europe/Riga");
  std::string error;
  const auto local_day = [&](std::string_view text) {
    return period_of(riga.local_seconds(*parse_timestamp(text, error)), BucketBy::day).label;
  };
  REQUIRE(local_day("2026-01-15T22:30:00Z") == "2026-01-16");  // UTC+2 in winter
  REQUIRE(local_day("2026-07-15T21:30:00Z") == "2026-07-16");  // UTC+3 in summer
  REQUIRE(local_day("2026-07-15T20:30:00Z") == "2026-07-15");
  REQUIRE(local_day("2026-07-15T23:30:00") == "2026-07-15");  // no offset: already local
  // EU clocks change at 01:00 UTC: on 2026-03-29 local 03:00 EET becomes 04:00 EEST, so
  // 00:30Z is 02:30 local and 01:30Z is 04:30 local; there is no local hour 03.
  REQUIRE(period_of(riga.local_seconds(*parse_timestamp("2026-03-29T00:30:00Z", error)), BucketBy::hour).label ==
          "2026-03-29T02");
  REQUIRE(period_of(riga.local_seconds(*parse_timestamp("2026-03-29T01:30:00Z", error)), BucketBy::hour).label ==
          "2026-03-29T04");
  REQUIRE_THROWS_AS(LocalClock("Europe/Atlantis"), Error);
}

TEST_CASE("the remembered minute gives what a full parse gives, across DST changes", "[time]") {
  struct Change {
    const char* zone;
    std::int64_t utc;  // an instant the zone's offset changes
  };
  // Riga springs forward an hour; Lord Howe falls back half an hour; Kathmandu has none.
  for (const auto& change : {Change{"UTC", 1'774'746'000}, Change{"Europe/Riga", 1'774'746'000},
                             Change{"Australia/Lord_Howe", 1'775'314'800}, Change{"Asia/Kathmandu", 1'774'746'000}}) {
    const LocalClock clock(change.zone);
    for (const auto* suffix : {"Z", "+05:45", "", ".5Z"}) {
      MinuteMemo memo;
      int recalled = 0;
      for (std::int64_t utc = change.utc - 7200; utc < change.utc + 7200; utc += 13) {
        const auto text = date::format("%FT%T", date::sys_seconds{std::chrono::seconds{utc}}) + suffix;
        INFO(change.zone << " " << text);
        std::string error;
        const auto t = parse_timestamp(text, error);
        REQUIRE(t);
        const auto expected = clock.place(*t);
        if (const auto at = memo.recall(text)) {
          ++recalled;
          REQUIRE(at->local == expected.local);
          REQUIRE(at->utc == expected.utc);
        } else {
          memo.remember(text, *t, expected, clock);
        }
      }
      REQUIRE(recalled > 500);  // most rows share their minute with the row before
    }
  }
  // A leap second is read in full, never from the memo.
  const LocalClock utc("UTC");
  std::string error;
  MinuteMemo memo;
  const auto t = parse_timestamp("2016-12-31T23:59:30Z", error);
  memo.remember("2016-12-31T23:59:30Z", *t, utc.place(*t), utc);
  REQUIRE(memo.recall("2016-12-31T23:59:31Z")->local == utc.local_seconds(*t) + 1);
  REQUIRE_FALSE(memo.recall("2016-12-31T23:59:60Z"));
  REQUIRE_FALSE(memo.recall("2016-12-31T23:58:31Z"));
}
