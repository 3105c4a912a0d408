#pragma once
/// Rows a figure leaves out because an input it needs is blank on them (METRICS.md §0: a
/// blank cell is missing for that row, never 0). A record log counts such rows in additive
/// counters (the left-out fields of `Field`, filled by `accumulate`); each figure names the
/// counters of the rows it cannot judge, takes those its denominator had counted back out of
/// it, and reports them all on its Result. Period tables and numbers leave the counters 0.

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include "cxkpi/result.hpp"
#include "cxkpi/sums.hpp"

namespace cxkpi::detail {

/// The left-out counters of one figure. Example (ASA): handled contacts with a blank wait
/// leave its denominator; contacts of unknown outcome were never in it, but are reported.
class LeftOutRows {
 public:
  explicit LeftOutRows(const Sums& s) : sums_(s) {}

  /// Rows counted by `counter` that the figure's denominator counted: they leave it.
  LeftOutRows& leave(Field counter, bool applies = true) { return add(counter, true, applies); }
  /// Rows counted by `counter` that the denominator never held: reported only.
  LeftOutRows& report(Field counter, bool applies = true) { return add(counter, false, applies); }

  /// How many rows to take out of the denominator.
  [[nodiscard]] std::int64_t in_denominator() const { return taken_; }

  /// `r` with the rows it left out, and a reason that says so when none was left to count.
  [[nodiscard]] Result applied(Result r) const {
    for (std::size_t i = 0; i < size_; ++i)
      if (const auto n = sums_.raw(counters_[i]); n > 0) r.left_out.push_back({counters_[i], n});
    if (const auto total = left_out_count(r); !r.value && total > 0)
      r.reason += " (" + std::to_string(total) + " left out for a blank input)";
    return r;
  }

 private:
  static constexpr std::size_t kMaxCounters = 4;

  LeftOutRows& add(Field counter, bool in_denominator, bool applies) {
    if (!applies) return *this;
    if (size_ == kMaxCounters) throw std::logic_error("a figure names more left-out counters than it keeps");
    counters_[size_++] = counter;
    if (in_denominator) taken_ = checked_add(taken_, sums_.raw(counter), counter);
    return *this;
  }

  const Sums& sums_;
  std::array<Field, kMaxCounters> counters_{};
  std::size_t size_ = 0;
  std::int64_t taken_ = 0;
};

}  // namespace cxkpi::detail
