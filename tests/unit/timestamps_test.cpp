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
        REQUIRE(expected);  // no reading here is one the zone skips
        if (const auto at = memo.recall(text)) {
          ++recalled;
          REQUIRE(at->local == expected->local);
          REQUIRE(at->utc == expected->utc);
          REQUIRE(at->repeated == expected->repeated);
        } else {
          memo.remember(text, *t, *expected, clock);
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
  memo.remember("2016-12-31T23:59:30Z", *t, *utc.place(*t), utc);
  REQUIRE(memo.recall("2016-12-31T23:59:31Z")->local == utc.local_seconds(*t) + 1);
  REQUIRE_FALSE(memo.recall("2016-12-31T23:59:60Z"));
  REQUIRE_FALSE(memo.recall("2016-12-31T23:58:31Z"));
}

namespace {

PlacedTime placed_in(const LocalClock& clock, std::string_view text) {
  std::string error;
  const auto t = parse_timestamp(text, error);
  REQUIRE(t);
  const auto at = clock.place(*t);
  REQUIRE(at);
  return *at;
}

}  // namespace

TEST_CASE("a local time the zone skips is no time; a bare date is its day's first instant", "[time]") {
  const LocalClock berlin("Europe/Berlin");
  std::string error;
  // 2026-03-29: Berlin's clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC.
  const auto gap = *parse_timestamp("2026-03-29T02:30:00", error);
  REQUIRE_FALSE(berlin.place(gap));
  REQUIRE(berlin.skipped_reason(gap) ==
          "is no time in Europe/Berlin: its clocks went from 02:00 to 03:00 that day (give the time with its UTC "
          "offset)");
  REQUIRE(placed_in(berlin, "2026-03-29T02:30:00+01:00").utc == placed_in(berlin, "2026-03-29T01:30:00Z").utc);
  REQUIRE(placed_in(berlin, "2026-03-29T01:59:59").utc == placed_in(berlin, "2026-03-29T00:59:59Z").utc);
  REQUIRE(placed_in(berlin, "2026-03-29T03:00:00").utc == placed_in(berlin, "2026-03-29T01:00:00Z").utc);
  REQUIRE(placed_in(LocalClock("UTC"), "2026-03-29T02:30:00").utc == 1'774'751'400);  // UTC skips nothing
  // Santiago springs forward at midnight (2026-09-06 00:00 -04 is 01:00 -03): the date
  // alone has no time of day to be skipped, and starts at 04:00 UTC.
  const LocalClock santiago("America/Santiago");
  REQUIRE(placed_in(santiago, "2026-09-06").utc == placed_in(santiago, "2026-09-06T04:00:00Z").utc);
  REQUIRE_FALSE(santiago.place(*parse_timestamp("2026-09-06T00:30", error)));
}

TEST_CASE("an hour a change back repeats is two hours, the later labelled with its offset", "[time]") {
  const LocalClock berlin("Europe/Berlin");
  // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC, so 02:00-02:59 is read twice.
  const auto first = placed_in(berlin, "2026-10-25T00:30:00Z");  // 02:30 CEST
  const auto later = placed_in(berlin, "2026-10-25T01:30:00Z");  // 02:30 CET
  REQUIRE(first.local == later.local);
  REQUIRE_FALSE(first.repeated);
  REQUIRE(later.repeated);
  REQUIRE_FALSE(placed_in(berlin, "2026-10-25T02:00:00Z").repeated);  // 03:00 CET
  REQUIRE_FALSE(placed_in(berlin, "2026-10-25T02:30:00").repeated);   // no offset: the earlier reading
  REQUIRE(placed_in(berlin, "2026-10-25T02:30:00").utc == first.utc);
  const auto hour = [](const PlacedTime& at) { return period_of(at, BucketBy::hour); };
  REQUIRE(hour(first).label == "2026-10-25T02");
  REQUIRE(hour(later).label == "2026-10-25T02+01:00");
  REQUIRE(hour(placed_in(berlin, "2026-10-25T00:59:59Z")).order < hour(later).order);
  REQUIRE(hour(later).order < hour(placed_in(berlin, "2026-10-25T02:00:00Z")).order);
  REQUIRE(period_of(later, BucketBy::day).label == "2026-10-25");  // one day, one hour-of-day 02
  REQUIRE(period_of(later, BucketBy::hour_of_day).label == "02");
  // Lord Howe goes back half an hour (02:00 +11:00 becomes 01:30 +10:30 at 15:00 UTC).
  const LocalClock lord_howe("Australia/Lord_Howe");
  REQUIRE_FALSE(placed_in(lord_howe, "2026-04-04T14:50:00Z").repeated);  // 01:50 +11:00
  REQUIRE(hour(placed_in(lord_howe, "2026-04-04T15:20:00Z")).label == "2026-04-05T01+10:30");
  REQUIRE_FALSE(placed_in(lord_howe, "2026-04-04T15:30:00Z").repeated);  // 02:00 +10:30, read once
}

TEST_CASE("intervals of minutes start at local midnight and split the hour a change back repeats", "[time]") {
  const auto at = [](std::string_view text, std::int32_t minutes) {
    return period_of(utc(text), BucketBy::interval, minutes);
  };
  REQUIRE(at("2026-03-04T09:14:59Z", 15).label == "2026-03-04T09:00");
  REQUIRE(at("2026-03-04T09:15:00Z", 15).label == "2026-03-04T09:15");
  REQUIRE(at("2026-03-04T23:59:59Z", 30).label == "2026-03-04T23:30");
  REQUIRE(at("2026-03-04T13:00:00Z", 180).label == "2026-03-04T12:00");  // 3 hours: 00:00, 03:00, … 12:00
  REQUIRE(at("1969-12-31T23:50:00Z", 20).label == "1969-12-31T23:40");   // before the epoch too
  REQUIRE(at("2026-03-04T09:14:59Z", 15).order < at("2026-03-04T09:15:00Z", 15).order);
  REQUIRE(at("2026-03-04T23:45:00Z", 15).order < at("2026-03-05T00:00:00Z", 15).order);
  // Berlin 2026-10-25: 02:00-02:59 is read twice; a 15-minute interval in it is two, as the hour is.
  const LocalClock berlin("Europe/Berlin");
  const auto first = placed_in(berlin, "2026-10-25T00:20:00Z");  // 02:20 CEST
  const auto later = placed_in(berlin, "2026-10-25T01:20:00Z");  // 02:20 CET
  REQUIRE(period_of(first, BucketBy::interval, 15).label == "2026-10-25T02:15");
  REQUIRE(period_of(later, BucketBy::interval, 15).label == "2026-10-25T02:15+01:00");
  const auto next = placed_in(berlin, "2026-10-25T00:30:00Z");   // 02:30 CEST, before the later 02:15
  const auto after = placed_in(berlin, "2026-10-25T02:00:00Z");  // 03:00 CET
  const auto order = [](const PlacedTime& t) { return period_of(t, BucketBy::interval, 15).order; };
  REQUIRE(order(first) < order(next));
  REQUIRE(order(next) < order(later));
  REQUIRE(order(later) < order(after));
  // An interval longer than an hour holds both readings, as a day does.
  REQUIRE(period_of(later, BucketBy::interval, 120).label == "2026-10-25T02:00");
  REQUIRE(period_of(first, BucketBy::interval, 120).order == period_of(later, BucketBy::interval, 120).order);
}

TEST_CASE("an interval divides an hour or is whole hours that divide a day", "[time]") {
  REQUIRE(interval_minutes_named("15m") == 15);
  REQUIRE_FALSE(interval_minutes_named("15"));
  REQUIRE_FALSE(interval_minutes_named("m"));
  REQUIRE_FALSE(interval_minutes_named("1.5m"));
  REQUIRE_FALSE(interval_minutes_named("-5m"));
  for (const std::int32_t ok : {1, 5, 10, 15, 20, 30, 60, 120, 180, 480, 1440})
    REQUIRE(interval_refusal(ok).empty());
  for (const std::int32_t bad : {0, 7, 25, 45, 90, 100, 300, 2880})
    REQUIRE(interval_refusal(bad).find("neither divides an hour") != std::string::npos);
}

TEST_CASE("a bare date has no time of day, for hourly periods to refuse", "[time]") {
  std::string error;
  REQUIRE_FALSE(parse_timestamp("2026-03-04", error)->has_time_of_day);
  REQUIRE(parse_timestamp("2026-03-04T00:00", error)->has_time_of_day);
  REQUIRE_FALSE(parse_date_and_time("2026-03-04", "", error)->has_time_of_day);
  REQUIRE(parse_date_and_time("2026-03-04", "0:00", error)->has_time_of_day);
  REQUIRE(needs_time_of_day(BucketBy::hour));
  REQUIRE(needs_time_of_day(BucketBy::hour_of_day));
  REQUIRE(needs_time_of_day(BucketBy::weekday_hour));
  REQUIRE(needs_time_of_day(BucketBy::interval));
  REQUIRE_FALSE(needs_time_of_day(BucketBy::day));
  REQUIRE_FALSE(needs_time_of_day(BucketBy::weekday));
}

TEST_CASE("a fraction of a second is kept to the nanosecond, and no further", "[time]") {
  std::string error;
  REQUIRE(parse_timestamp("2026-03-02T09:00:00.2Z", error)->nanos == 200'000'000);
  REQUIRE(parse_timestamp("2026-03-02T09:00:00,999Z", error)->nanos == 999'000'000);
  REQUIRE(parse_timestamp("2026-03-02 09:00:00.123456", error)->nanos == 123'456'000);
  REQUIRE(parse_timestamp("2026-03-02T09:00:00.000000001+02:00", error)->nanos == 1);
  REQUIRE(parse_timestamp("2026-03-02T09:00:00Z", error)->nanos == 0);
  REQUIRE(parse_date_and_time("2026-03-02", "09:00:00.25", error)->nanos == 250'000'000);
  REQUIRE_FALSE(parse_timestamp("2026-03-02T09:00:00.1234567891Z", error));
  REQUIRE(error.find("more than 9 decimals") != std::string::npos);
  REQUIRE_FALSE(parse_time_of_day("09:00:00.0000000000", error));
  REQUIRE(error.find("more than 9 decimals") != std::string::npos);
  // The fraction goes with the instant, not the period: 23:59:59.9999 is still that day.
  const auto at = *LocalClock("UTC").place(*parse_timestamp("2026-03-02T23:59:59.9999Z", error));
  REQUIRE(at.nanos == 999'900'000);
  REQUIRE(period_of(at, BucketBy::day).label == "2026-03-02");
}

TEST_CASE("the remembered minute reads each row's own fraction", "[time]") {
  const LocalClock clock("Europe/Riga");
  std::string error;
  MinuteMemo memo;
  const auto t = *parse_timestamp("2026-03-02T09:15:02.999999+02:00", error);
  memo.remember("2026-03-02T09:15:02.999999+02:00", t, *clock.place(t), clock);
  const auto at = memo.recall("2026-03-02T09:15:07.123456+02:00");
  REQUIRE(at);
  const auto full = *clock.place(*parse_timestamp("2026-03-02T09:15:07.123456+02:00", error));
  REQUIRE(at->utc == full.utc);
  REQUIRE(at->local == full.local);
  REQUIRE(at->nanos == 123'456'000);
  REQUIRE_FALSE(memo.recall("2026-03-02T09:15:07.12345x+02:00"));  // not a digit: a full parse says why
  REQUIRE_FALSE(memo.recall("2026-03-02T09:15:07.123456+03:00"));  // another offset
  REQUIRE_FALSE(memo.recall("2026-03-02T09:15:07.1234567+02:0"));  // the digits run into the offset
}

TEST_CASE("exports' other time forms are read: offsets after a space, RFC 2822, epoch numbers", "[time]") {
  // 2026-03-02T08:05:12Z is 1772438712 s after the epoch (date -d @1772438712 -u).
  REQUIRE(utc("2026-03-02 08:05:12 +0000") == 1772438712);
  REQUIRE(utc("2026-03-02 08:05:12 +01:00") == 1772438712 - 3600);
  REQUIRE(utc("2026-03-02 08:05:12 UTC") == 1772438712);
  REQUIRE(utc("2026-03-02 08:05:12.250 utc") == 1772438712);
  REQUIRE(utc("2026-03-02 08:05:12 Z") == 1772438712);
  REQUIRE(utc("Mon, 02 Mar 2026 08:05:12 +0000") == 1772438712);
  REQUIRE(utc("Mon, 2 Mar 2026 09:05:12 +0100") == 1772438712);
  REQUIRE(utc("02 Mar 2026 08:05:12 GMT") == 1772438712);
  REQUIRE(utc("mon, 02 mar 2026 08:05 UT") == 1772438700);
  REQUIRE(utc("1772438712") == 1772438712);
  REQUIRE(utc("1772438712000") == 1772438712);
  REQUIRE(utc("100000000") == 100000000);    // 9 digits: 1973-03-03
  REQUIRE(utc("9999999999") == 9999999999);  // 10 digits: 2286-11-20
  std::string error;
  REQUIRE(parse_timestamp("1772438712.5", error)->nanos == 500'000'000);
  REQUIRE(parse_timestamp("1772438712345", error)->nanos == 345'000'000);
  REQUIRE(*parse_timestamp("1772438712", error)->offset_seconds == 0);
}

TEST_CASE("times that are not quite one of the forms are refused", "[time]") {
  for (const auto* bad :
       {"Tue, 02 Mar 2026 08:05:12 +0000",  // 2 March 2026 is a Monday
        "Mon, 02 Mar 2026 08:05:12",        // RFC 2822 needs its zone
        "Mon, 02 Mar 2026 08:05:12 EST",    // a named zone is a guess
        "Mon, 30 Feb 2026 08:05:12 +0000", "Mon 02 Mar 2026 08:05:12 +0000", "2026-03-02 08:05:12 CET",
        "2026-03-02 08:05:12  +0000", "12345678", "-1772438712", "1772438712.", "1772438712000.5", "1e9"}) {
    INFO(bad);
    std::string error;
    REQUIRE_FALSE(parse_timestamp(bad, error));
    REQUIRE(error.find("is not a valid time") != std::string::npos);
  }
  std::string error;
  REQUIRE_FALSE(parse_timestamp("17724387120", error));  // 11 digits: seconds in 2531 or milliseconds in 1970
  REQUIRE(error.find("11 digits is neither epoch seconds") != std::string::npos);
  REQUIRE_FALSE(parse_timestamp("Tue, 02 Mar 2026 08:05:12 +0000", error));
  REQUIRE(error.find("2 Mar 2026 is a Mon, not a Tue") != std::string::npos);
}
