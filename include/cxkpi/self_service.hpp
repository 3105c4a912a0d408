#pragma once
/// Self-service metrics, from a knowledge-base view log (one row per article view, with
/// viewed_at, article_id and read_s) or from period totals of views.
///
/// article-reads: views per bucket (per article with --group article_id), a count.
///   Null when the input has no views. Example: four views → 4.
/// article-read-time: mean read_s of views with a read time, in seconds, with percentiles
///   (default median and p90), the maximum and `bounce_pct` = 100 × views read for less
///   than the bounce time (default 10 s) / timed views; bounces stay in the distribution.
///   Null with no timed views. Example: read_s 30, 90, 0, 120 → mean 60, median 60,
///   bounce 25.0.
///   Period tables (views or timed_views, read_s as a sum, optional bounces) give the mean
///   and bounce_pct only.
/// self-service-ratio: views / contacts of the same bucket (contacts from a period table or
///   a given total), a ratio. Null with no contacts. Example: 4 views, 2 contacts → 2.0.

#include <cstdint>
#include <string>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"
#include "cxkpi/timing.hpp"

namespace cxkpi {

/// Default --bounce: a view shorter than this many seconds is a bounce.
inline constexpr std::int64_t kDefaultBounceSeconds = 10;

inline Plan plan_article_reads(const FieldSet&) {
  return {{Field::views}, {}, Unit::count, "views", {}};
}

/// Null only when the input has no views at all (a count of 0 views is 0).
inline Result article_reads(const Sums& s) {
  Result r;
  r.n = s.raw(Field::views);
  r.numerator = s.value(Field::views);
  r.denominator = 1;
  if (s.present().has(Field::views))
    r.value = r.numerator;
  else
    r.reason = "no article views";
  return r;
}

namespace detail {
/// "10", "2.5": whole seconds without a fraction, others with only the digits they need.
inline std::string seconds_text(std::int64_t raw) {
  auto text = std::to_string(raw / kAmountScale);
  if (raw % kAmountScale == 0) return text;
  auto fraction = std::to_string(kAmountScale + raw % kAmountScale).substr(1);
  fraction.erase(fraction.find_last_not_of('0') + 1);
  return text + "." + fraction;
}
}  // namespace detail

/// Period totals divide read_s by timed_views (or by views when the table does not say
/// which views were timed); a view log keeps every read_s in its distribution.
inline Plan plan_article_read_time(const DurationOptions& o, std::int64_t bounce_raw, const FieldSet& present) {
  const Field base = present.has(Field::timed_views) || !present.has(Field::views) ? Field::timed_views : Field::views;
  auto p = detail::plan_duration(base, o, "read_s");
  p.required.push_back(Field::read_s);
  p.definition += "; bounce: read_s < " + detail::seconds_text(bounce_raw) + " s";
  return p;
}

namespace detail {
/// Mean read time and bounce share from period totals (no distribution, so no percentiles).
inline Result read_time_from_totals(const Sums& s) {
  const Field base = s.present().has(Field::timed_views) ? Field::timed_views : Field::views;
  const auto n = s.raw(base);
  auto r = per_count(s.value(Field::read_s), n, 1.0, n, "no views with a read time");
  if (r.value && s.present().has(Field::bounces))
    r.details.push_back(
        {"bounce_pct", ratio(s.value(Field::bounces), static_cast<double>(n), 100.0, n, "").value, Unit::percent});
  return r;
}
}  // namespace detail

inline Result article_read_time(const Sums& s, const DurationOptions& o) {
  if (s.sample(Sample::read_time).count() == 0 && s.present().has(Field::read_s))
    return detail::read_time_from_totals(s);
  auto r = detail::duration_summary(s, Sample::read_time, Field::timed_views, o, "no views with a read time");
  if (r.value) {
    const auto timed = s.raw(Field::timed_views);
    r.details.push_back({"bounce_pct",
                         detail::ratio(s.value(Field::bounces), static_cast<double>(timed), 100.0, timed, "").value,
                         Unit::percent});
  }
  return r;
}

inline Plan plan_self_service_ratio(const FieldSet&) {
  return {{Field::views, Field::contacts}, {}, Unit::ratio, "views / contacts", {}};
}

inline Result self_service_ratio(const Sums& s) {
  return detail::count_ratio(s.raw(Field::views), s.raw(Field::contacts), 1.0, s.raw(Field::views), "no contacts");
}

}  // namespace cxkpi
