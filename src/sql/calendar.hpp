#pragma once
// The dimension tables `cxkpi sql` inlines, computed by cxkpi's own time-zone and period code
// for the --from/--to range, so that no engine's time-zone database or week numbering can
// change a figure:
//   cx_tz(utc_day, off_a, switch_u, off_b)  the UTC offset of each UTC day: off_a seconds
//                                           before the instant switch_u (1/10000 s), off_b from it
//   cx_period(local_day, period_order, period)   the --by period of each local day

#include <cstdint>
#include <string>
#include <vector>

#include "records/timestamps.hpp"

namespace cxkpi::cli {

struct TzDay {
  std::int64_t utc_day;
  std::int64_t off_a;
  std::int64_t switch_u;
  std::int64_t off_b;
};

struct PeriodDay {
  std::int64_t local_day;
  Period period;
};

struct Calendar {
  std::int64_t from_local = 0;  // --from, local seconds (counted as if UTC)
  std::int64_t to_local = 0;    // --to, the first local second left out
  std::vector<TzDay> tz;
  std::vector<PeriodDay> periods;
};

/// The calendar of local times [from, to) in `clock`'s zone, by `by`. Throws Error (usage)
/// for a range of more than 100 years.
Calendar make_calendar(const LocalClock& clock, BucketBy by, std::int64_t from_local, std::int64_t to_local);

}  // namespace cxkpi::cli
