#pragma once
// --rolling 7d: each day's figure over the days that end with it, from the days' summed
// numerators and denominators (never an average of the days' figures).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compute/buckets.hpp"

namespace cxkpi::cli {

/// The days of `--rolling Nd` (`7d` → 7), or nullopt when `text` is no whole number of days ≥ 1.
std::optional<std::int32_t> rolling_days_named(std::string_view text);

/// Turns a table of days (--by day) into rolling windows of `days` days: for each group seen,
/// one bucket per day from the log's first day to its last (days without contacts too), whose
/// sums are those of the `days` days ending on it. Returns, per new bucket, why its window
/// is short (it starts before the log's first day), or "" for a whole window.
std::vector<std::string> roll_days(BucketTable& buckets, std::int32_t days);

/// Makes the rows of short windows null with their reason: a figure over fewer days than
/// asked is not the figure asked for. `short_windows` is roll_days's answer, row for row.
void refuse_short_windows(ResultTable& table, const std::vector<std::string>& short_windows);

}  // namespace cxkpi::cli
