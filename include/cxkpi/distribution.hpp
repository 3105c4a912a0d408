#pragma once
/// `Distribution`: the values of a duration (first response, resolution, read time) kept so
/// that any percentile can be computed after merging partial inputs.
///
/// Values are kept exactly, as a sparse histogram value → count, at any number of distinct
/// values: memory grows with the distinct values (a map node each), never the answer's error.
/// Only when asked (`--approx`: a distinct-value budget, `kApproxExactLimit` by default) does
/// the histogram fold, past the budget, into a sketch of fixed log-linear bins that still
/// merges by adding bins. The bins are computed with integers alone (as HDR histograms do):
/// values below 64 keep a bin each, and each power of two above is cut into 64 equal bins,
/// so that every host, compiler and libm bins a value alike, and a SQL engine can too. A bin
/// [lo, lo + w) has w ≤ lo/64 and reports the middle of the whole values it holds, within
/// w/2 ≤ lo/128 of each: a value at a rank is within 1/128 (0.79 %) of its own, and the
/// linear method's blend of two such values within that of the blend (all values are ≥ 0).
/// `kSketchRelativeError` (1 %) is the bound cxkpi states. The mean, count, minimum and
/// maximum stay exact.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace cxkpi {

/// How a percentile is read off a sorted sample x₀ … x₍n−1₎ (METRICS.md §0).
enum class PercentileMethod {
  linear,        ///< Hyndman–Fan type 7 (NumPy default, Excel PERCENTILE.INC)
  nearest_rank,  ///< x at 1-based rank ⌈p·n⌉
};

/// A distinct-value budget that is never reached: exact at any size (the default).
inline constexpr std::size_t kExactAtAnySize = std::numeric_limits<std::size_t>::max();
/// `--approx`'s budget when `--exact-limit` does not set one: 262 144 distinct values.
inline constexpr std::size_t kApproxExactLimit = std::size_t{1} << 18;
/// α: a sketched percentile p̂ of an exact percentile p ≥ 0 has |p̂ − p| ≤ α·p.
inline constexpr double kSketchRelativeError = 0.01;

class Distribution {
 public:
  /// Adds `count` values equal to `value` (a raw, non-negative integer: whole seconds, or
  /// 1/10000 units). `exact_limit` is the distinct-value budget past which the values fold
  /// into the sketch (fixed on the first add; by default never reached).
  void add(std::int64_t value, std::int64_t count = 1, std::size_t exact_limit = kExactAtAnySize) {
    if (count <= 0) return;
    if (limit_ == 0) limit_ = exact_limit;
    n_ += count;
    sum_ += static_cast<long double>(value) * static_cast<long double>(count);
    min_ = n_ == count ? value : std::min(min_, value);
    max_ = n_ == count ? value : std::max(max_, value);
    if (sketched_) {
      buckets_[bucket_of(value)] += count;
      return;
    }
    buckets_[value] += count;
    if (buckets_.size() > limit_) fold_into_sketch();
  }

  void merge(const Distribution& other) {
    if (other.n_ == 0) return;
    if (limit_ == 0) limit_ = other.limit_;
    const bool first = n_ == 0;
    n_ += other.n_;
    sum_ += other.sum_;
    min_ = first ? other.min_ : std::min(min_, other.min_);
    max_ = first ? other.max_ : std::max(max_, other.max_);
    if (other.sketched_ && !sketched_) fold_into_sketch();
    for (const auto& [key, count] : other.buckets_)
      buckets_[sketched_ && !other.sketched_ ? bucket_of(key) : key] += count;
    if (!sketched_ && buckets_.size() > limit_) fold_into_sketch();
  }

  /// A distribution of `bins` (sketch bucket → count) as the sketch of values whose least is
  /// `min`, greatest `max` and sum `sum`: a sketch written out (a partial state) read back.
  static Distribution from_sketch(const std::map<std::int64_t, std::int64_t>& bins, std::int64_t min, std::int64_t max,
                                  long double sum) {
    Distribution d;
    for (const auto& [bin, count] : bins)
      d.n_ += count;
    d.buckets_ = bins;
    d.sketched_ = true;
    d.min_ = min;
    d.max_ = max;
    d.sum_ = sum;
    d.limit_ = 1;  // merging into it never unfolds
    return d;
  }

  /// The histogram: value → count while exact, sketch bucket → count once approximate.
  [[nodiscard]] const std::map<std::int64_t, std::int64_t>& entries() const { return buckets_; }
  /// The least and greatest value (raw units; 0 when there are none).
  [[nodiscard]] std::int64_t raw_min() const { return min_; }
  [[nodiscard]] std::int64_t raw_max() const { return max_; }
  [[nodiscard]] std::int64_t count() const { return n_; }
  [[nodiscard]] bool approximate() const { return sketched_; }
  [[nodiscard]] std::optional<double> mean() const {
    if (n_ == 0) return std::nullopt;
    return static_cast<double>(sum_ / static_cast<long double>(n_));
  }
  [[nodiscard]] long double sum() const { return sum_; }
  [[nodiscard]] std::optional<double> max() const {
    return n_ == 0 ? std::nullopt : std::optional<double>(static_cast<double>(max_));
  }
  [[nodiscard]] std::optional<double> min() const {
    return n_ == 0 ? std::nullopt : std::optional<double>(static_cast<double>(min_));
  }

  /// How many values fall in each of [0, b₀), [b₀, b₁), … [bₖ, ∞) for ascending `bounds`
  /// (raw units, as `add` takes them): `bounds.size() + 1` counts. A sketched value counts
  /// where its representative falls, so a value within 1 % of a bound may land beside it.
  template <typename Bounds>
  [[nodiscard]] std::vector<std::int64_t> binned(const Bounds& bounds) const {
    std::vector<std::int64_t> counts(std::size(bounds) + 1, 0);
    for (const auto& [key, count] : buckets_) {
      const auto at = std::upper_bound(std::begin(bounds), std::end(bounds), representative(key));
      counts[static_cast<std::size_t>(at - std::begin(bounds))] += count;
    }
    return counts;
  }

  /// What the sketch reports for a value that it holds (before clamping to the minimum and
  /// maximum): within kSketchRelativeError of `value`.
  [[nodiscard]] static double sketched(std::int64_t value) { return representative_of(bucket_of(value)); }

  /// The `percent`-th percentile (0 … 100); null when there are no values.
  [[nodiscard]] std::optional<double> percentile(double percent, PercentileMethod method) const {
    if (n_ == 0) return std::nullopt;
    const auto n = static_cast<double>(n_);
    if (method == PercentileMethod::nearest_rank) {
      // ⌈p·n⌉ with p·n computed as percent·n/100 (exact for whole percents), at least rank 1.
      const auto rank = std::max(1.0, std::ceil(percent * n / 100.0 - 1e-9));
      return value_at(static_cast<std::int64_t>(rank) - 1);
    }
    // h = (n − 1)·p with p = percent/100; the fraction is taken before dividing by 100, so
    // that whole percents give exact fractions (0.9, not 0.8999…).
    const double q = (n - 1.0) * percent;
    const auto low = static_cast<std::int64_t>(std::floor(q / 100.0 + 1e-12));
    const double fraction = std::max(0.0, (q - 100.0 * static_cast<double>(low)) / 100.0);
    const double x = value_at(low);
    if (!(fraction > 0.0) || low + 1 >= n_) return x;
    return x + fraction * (value_at(low + 1) - x);
  }

 private:
  // Log-linear bins: a value below 64 is its own bin; a value v ≥ 64 with 2^e ≤ v < 2^(e+1)
  // falls in bin (e − 6)·64 + ⌊v / 2^(e−6)⌋, one of the 64 bins of width 2^(e−6) that cut
  // [2^e, 2^(e+1)). Bins rise with the values they hold, so the map keeps them in order.
  static constexpr int kSubBinBits = 6;
  static constexpr std::int64_t kSubBins = std::int64_t{1} << kSubBinBits;
  static std::int64_t bucket_of(std::int64_t value) {
    if (value < kSubBins) return std::max<std::int64_t>(value, 0);
    const auto shift = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(value))) - 1 - kSubBinBits;
    return shift * kSubBins + (value >> shift);
  }
  // The middle of the whole values bin `key` holds: lo + (w − 1)/2 for the bin [lo, lo + w).
  static double representative_of(std::int64_t key) {
    if (key < 2 * kSubBins) return static_cast<double>(key);
    const auto shift = static_cast<int>(key / kSubBins - 1);
    const auto low = (key - shift * kSubBins) << shift;
    const auto width = std::int64_t{1} << shift;
    return static_cast<double>(low) + static_cast<double>(width - 1) / 2.0;
  }
  [[nodiscard]] double representative(std::int64_t key) const {
    if (!sketched_) return static_cast<double>(key);
    return std::clamp(representative_of(key), static_cast<double>(min_), static_cast<double>(max_));
  }
  // The value at 0-based rank `rank` of the sorted sample.
  [[nodiscard]] double value_at(std::int64_t rank) const {
    if (rank <= 0) return static_cast<double>(min_);
    if (rank >= n_ - 1) return static_cast<double>(max_);
    std::int64_t seen = 0;
    for (const auto& [key, count] : buckets_) {
      seen += count;
      if (rank < seen) return representative(key);
    }
    return static_cast<double>(max_);
  }
  void fold_into_sketch() {
    std::map<std::int64_t, std::int64_t> folded;
    for (const auto& [value, count] : buckets_)
      folded[bucket_of(value)] += count;
    buckets_ = std::move(folded);
    sketched_ = true;
  }

  std::map<std::int64_t, std::int64_t> buckets_;  // value (or sketch bucket) → count
  std::int64_t n_ = 0;
  long double sum_ = 0;  // 64-bit mantissa: exact for any realistic sum of whole seconds
  std::int64_t min_ = 0;
  std::int64_t max_ = 0;
  std::size_t limit_ = 0;  // 0 until the first value fixes it
  bool sketched_ = false;
};

}  // namespace cxkpi
