#pragma once
// The labels periods are written with (`2026`, `2026-Q1`, `2026-03`, `2026-W07`,
// `2026-03-04`, `2026-03-04T09`, `2026-03-04T09:15`, and an autumn's repeated hour with its
// offset), read back as the stretch of local time they stand for, so that a period table's
// rows can be summed into coarser periods.

#include <cstdint>
#include <optional>
#include <string_view>

namespace cxkpi::cli {

/// The local time a period label covers: from `start` (local seconds, counted as if UTC) to
/// `end` (excluded). An interval label (`T09:15`) does not say its length: `end` is nullopt.
struct LabelSpan {
  std::int64_t start = 0;
  std::optional<std::int64_t> end;
  std::optional<std::int64_t> offset;  // the UTC offset written after a repeated hour, in seconds
};

/// The span of a period label as cxkpi writes them; nullopt for any other text.
std::optional<LabelSpan> span_of_period_label(std::string_view label);

}  // namespace cxkpi::cli
