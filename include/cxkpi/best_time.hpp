#pragma once
/// best-time-to-call: answer rate by local weekday × hour of `opened_at`.
///
/// Per bucket: `answer_rate = 100 × answered / offered` (%), `n = offered`, and
/// `asa = Σ answer wait / answered` (s). The best bucket has n ≥ min_n and the highest answer
/// rate; ties go to the larger n, then the lower asa, then the earlier bucket (Mon…Sun, 00…23).
/// Null, not error: a bucket with no offered contacts has no rate ("no offered contacts"), one
/// with none answered no asa ("no answered contacts"); no bucket with n ≥ min_n, no best.
/// Outbound dialling reads attempts as offered and connects as answered (same maths).
/// Example: fixture F, min_n 2 → Mon 09 (2/3 = 66.67 %); min_n 1 → Wed 09 (1/1, asa 0 s).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxkpi/business_hours.hpp"  // kWeekdayNames: Mon … Sun
#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi {

inline constexpr int kWeekdays = 7;
inline constexpr int kHoursPerDay = 24;

/// One bucket's sums: additive, so grids of partial inputs merge exactly.
struct CallCounts {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t answer_wait_raw = 0;  ///< Σ wait of answered contacts, 1/10000 s
  std::int64_t untimed = 0;          ///< answered contacts of unknown wait: they leave the asa

  /// The answered contacts the asa divides by: those of known wait.
  [[nodiscard]] std::int64_t timed() const { return answered - untimed; }

  void merge(const CallCounts& other) {
    untimed = checked_add(untimed, other.untimed, Field::answered_untimed);
    offered = checked_add(offered, other.offered, Field::offered);
    answered = checked_add(answered, other.answered, Field::handled);
    answer_wait_raw = checked_add(answer_wait_raw, other.answer_wait_raw, Field::answer_wait_s);
  }
};

/// A bucket of the grid: weekday 0 (Mon) … 6 (Sun), hour 0 … 23, local to the time zone read in.
struct Slot {
  int weekday = 0;
  int hour = 0;
};

/// The 7 × 24 grid of CallCounts (168 × 3 sums).
class AnswerGrid {
 public:
  /// Adds `counts` to the bucket of `slot`.
  void add(Slot slot, const CallCounts& counts) { cells_[index(slot)].merge(counts); }
  void merge(const AnswerGrid& other) {
    for (std::size_t i = 0; i < cells_.size(); ++i)
      cells_[i].merge(other.cells_[i]);
  }
  [[nodiscard]] const CallCounts& at(Slot slot) const { return cells_[index(slot)]; }
  /// The hour-only marginal: `hour` over every weekday.
  [[nodiscard]] CallCounts hour_total(int hour) const {
    CallCounts c;
    for (int d = 0; d < kWeekdays; ++d)
      c.merge(at({d, hour}));
    return c;
  }
  /// The weekday-only marginal: `weekday` over every hour.
  [[nodiscard]] CallCounts weekday_total(int weekday) const {
    CallCounts c;
    for (int h = 0; h < kHoursPerDay; ++h)
      c.merge(at({weekday, h}));
    return c;
  }
  [[nodiscard]] CallCounts total() const {
    CallCounts c;
    for (const auto& cell : cells_)
      c.merge(cell);
    return c;
  }

 private:
  static std::size_t index(Slot s) {
    const int cell = s.weekday * kHoursPerDay + s.hour;  // at most 167: int cannot overflow
    return static_cast<std::size_t>(cell);
  }
  std::array<CallCounts, static_cast<std::size_t>(kWeekdays* kHoursPerDay)> cells_{};
};

/// 100 × answered / offered; n = offered. Null "no offered contacts" when nothing was offered.
inline Result answer_rate(const CallCounts& c) {
  return detail::count_ratio(c.answered, c.offered, 100.0, c.offered, "no offered contacts");
}

/// Σ answer wait / answered (s); n = answered. Null "no answered contacts" when none was answered.
inline Result answer_speed(const CallCounts& c) {
  const double wait_s = scaled_value(c.answer_wait_raw, kAmountScale);
  return detail::per_count(wait_s, c.timed(), 1.0, c.timed(), "no answered contacts");
}

namespace detail {

/// Sign of n1/d1 − n2/d2 for d1, d2 > 0, exact while the cross products fit in int64.
inline int compare_fractions(std::int64_t n1, std::int64_t d1, std::int64_t n2, std::int64_t d2) {
  std::int64_t left = 0;
  std::int64_t right = 0;
  if (__builtin_mul_overflow(n1, d2, &left) || __builtin_mul_overflow(n2, d1, &right)) {
    const auto a = static_cast<long double>(n1) / static_cast<long double>(d1);
    const auto b = static_cast<long double>(n2) / static_cast<long double>(d2);
    return a < b ? -1 : b < a ? 1 : 0;
  }
  return left < right ? -1 : right < left ? 1 : 0;
}

}  // namespace detail

/// Whether bucket `a` ranks before bucket `b` (both with offered > 0): higher answer rate,
/// then larger n, then lower asa (a bucket without answers has none and ranks after one with).
inline bool ranks_before(const CallCounts& a, const CallCounts& b) {
  if (const int rate = detail::compare_fractions(a.answered, a.offered, b.answered, b.offered); rate != 0)
    return rate > 0;
  if (a.offered != b.offered) return a.offered > b.offered;
  if ((a.timed() > 0) != (b.timed() > 0)) return a.timed() > 0;
  if (a.timed() == 0) return false;
  return detail::compare_fractions(a.answer_wait_raw, a.timed(), b.answer_wait_raw, b.timed()) < 0;
}

/// The best bucket, or none with a reason.
struct BestSlot {
  std::optional<Slot> slot;
  std::string reason;  ///< why there is no best bucket; empty otherwise
};

/// The bucket with n ≥ min_n (at least 1) that ranks first; the earliest (Mon 00 … Sun 23) of equals.
inline BestSlot best_slot(const AnswerGrid& grid, std::int64_t min_n) {
  if (min_n < 1) min_n = 1;  // an empty bucket has no rate to compare
  BestSlot best;
  for (int d = 0; d < kWeekdays; ++d)
    for (int h = 0; h < kHoursPerDay; ++h) {
      const auto& c = grid.at({d, h});
      if (c.offered < min_n) continue;
      if (!best.slot || ranks_before(c, grid.at(*best.slot))) best.slot = Slot{d, h};
    }
  if (!best.slot) best.reason = "no bucket with n ≥ min-n (" + std::to_string(min_n) + ")";
  return best;
}

}  // namespace cxkpi
