#pragma once
/// `Sums`: the one accumulator behind every metric. Additive and mergeable: the sums of two
/// inputs merged equal the sums of both inputs read as one, so totals are always re-divided
/// from summed numerators and denominators, never averaged from ratios.

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "cxkpi/distribution.hpp"
#include "cxkpi/fields.hpp"

namespace cxkpi {

/// Seconds and money are kept as whole 1/10000 units so that sums never drift.
inline constexpr std::int64_t kAmountScale = 10000;

/// `raw` 1/`scale` units as a number: the whole units and the rest are converted apart, so a
/// sum beyond 2^53 units keeps every digit a double can hold.
constexpr double scaled_value(std::int64_t raw, std::int64_t scale) {
  const std::int64_t whole = raw / scale;  // the remainder adds the fraction this drops
  const std::int64_t rest = raw % scale;
  return static_cast<double>(whole) + static_cast<double>(rest) / static_cast<double>(scale);
}

constexpr std::int64_t scale_of(Field f) {
  return info(f).kind == FieldKind::count ? 1 : kAmountScale;
}

/// Which fields an input supplied (a column that exists, a flag that was given).
class FieldSet {
 public:
  constexpr FieldSet() = default;
  FieldSet(std::initializer_list<Field> fields) {
    for (Field f : fields)
      add(f);
  }
  void add(Field f) { words_[word_of(f)] |= bit_of(f); }
  void remove(Field f) { words_[word_of(f)] &= ~bit_of(f); }
  [[nodiscard]] bool has(Field f) const { return (words_[word_of(f)] & bit_of(f)) != 0; }
  [[nodiscard]] bool empty() const {
    for (const auto w : words_)
      if (w != 0) return false;
    return true;
  }
  FieldSet& operator|=(const FieldSet& other) {
    for (std::size_t i = 0; i < words_.size(); ++i)
      words_[i] |= other.words_[i];
    return *this;
  }

 private:
  // Plain words rather than std::bitset, whose set() checks the range and whose proxy
  // reference is not always inlined: add() runs for every field of every row of a log.
  static std::size_t word_of(Field f) { return index_of(f) / 64; }
  static std::uint64_t bit_of(Field f) { return std::uint64_t{1} << (index_of(f) % 64); }
  std::array<std::uint64_t, (kFieldCount + 63) / 64> words_{};
};

/// Thrown when a sum leaves the exact int64 range (about 9.2e18 counts, 9.2e14 s or money).
class SumOverflow : public std::overflow_error {
 public:
  explicit SumOverflow(Field f)
      : std::overflow_error("a sum of " + std::string(name_of(f)) + " is too large to keep exactly"), field(f) {}
  Field field;
};

/// Throws SumOverflow for `f`; out of line and cold, so that a checked addition stays small
/// enough to inline into every per-row loop.
[[noreturn, gnu::noinline, gnu::cold]] inline void sum_overflow(Field f) {
  throw SumOverflow(f);
}

/// `a + b` exactly, or SumOverflow naming `f` when the sum leaves the int64 range: the one
/// checked addition behind every sum, whether a reader adds a row, buckets and totals merge,
/// or a metric's finalisation adds sums together (handled + abandoned, the answers of NPS).
[[nodiscard, gnu::always_inline]] inline std::int64_t checked_add(std::int64_t a, std::int64_t b, Field f) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) [[unlikely]]
    sum_overflow(f);
  return sum;
}

/// `a − b` exactly, or SumOverflow naming `f` (a difference of sums of any sign can leave the range).
[[nodiscard, gnu::always_inline]] inline std::int64_t checked_sub(std::int64_t a, std::int64_t b, Field f) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a, b, &difference)) [[unlikely]]
    sum_overflow(f);
  return difference;
}

/// `a × b` exactly, or SumOverflow naming `f` (a count of answers times their score).
[[nodiscard]] inline std::int64_t checked_mul(std::int64_t a, std::int64_t b, Field f) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) [[unlikely]]
    sum_overflow(f);
  return product;
}

/// Per-contact values whose percentiles are reported, each kept as a Distribution.
enum class Sample : std::uint8_t {
  first_response,  ///< first_response_at − opened_at, in 1/10000 s
  resolution,      ///< resolved_at − opened_at, in 1/10000 s
  read_time,       ///< read_s of a knowledge-base view, in 1/10000 s
};
inline constexpr std::size_t kSampleCount = 3;

namespace detail {

/// Where each field's sum sits in every Sums: slots are handed out in the order fields are
/// first added (by any Sums of the process), so a Sums holds the few fields its input gives,
/// not all kFieldCount. One table for the whole process, so that Sums merge slot by slot;
/// threads reading blocks of a log may add a field first at once, hence the atomics.
class FieldSlots {
 public:
  /// The slot of `f`; kNoSlot (more than any slot) when no Sums has added `f` yet.
  [[gnu::always_inline]] static std::size_t slot_of(Field f) {
    return static_cast<std::size_t>(slots()[index_of(f)].load(std::memory_order_acquire)) - 1;
  }
  /// The slot of `f`, handed out now when it has none.
  static std::size_t assign(Field f) {
    const std::lock_guard lock(mutex());
    auto& stored = slots()[index_of(f)];
    if (stored.load(std::memory_order_acquire) == 0) {
      const auto n = count();
      fields()[n] = f;
      used().store(n + 1, std::memory_order_release);
      stored.store(static_cast<std::uint8_t>(n + 1), std::memory_order_release);
    }
    return slot_of(f);
  }
  /// How many slots are handed out.
  static std::size_t count() { return used().load(std::memory_order_acquire); }
  /// The field in slot `slot` (< count()).
  static Field field_at(std::size_t slot) { return fields()[slot]; }
  static constexpr auto kNoSlot = static_cast<std::size_t>(-1);

 private:
  // Slot + 1, so that zero-initialised storage means "no slot yet".
  static std::array<std::atomic<std::uint8_t>, kFieldCount>& slots() {
    static std::array<std::atomic<std::uint8_t>, kFieldCount> table{};
    return table;
  }
  static std::array<Field, kFieldCount>& fields() {
    static std::array<Field, kFieldCount> table{};
    return table;
  }
  static std::atomic<std::size_t>& used() {
    static std::atomic<std::size_t> n{0};
    return n;
  }
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
};

/// The samples of a Sums, allocated by the first value: most inputs have no durations to
/// keep, and their Sums then carry one null pointer instead of kSampleCount histograms.
class LazySamples {
 public:
  LazySamples() = default;
  LazySamples(const LazySamples& other)
      : samples_(other.samples_ ? std::make_unique<Samples>(*other.samples_) : nullptr) {}
  LazySamples(LazySamples&&) noexcept = default;
  LazySamples& operator=(const LazySamples& other) {
    if (this != &other) samples_ = other.samples_ ? std::make_unique<Samples>(*other.samples_) : nullptr;
    return *this;
  }
  LazySamples& operator=(LazySamples&&) noexcept = default;
  ~LazySamples() = default;

  [[nodiscard]] const Distribution& at(Sample s) const {
    static const Distribution none;
    return samples_ ? (*samples_)[static_cast<std::size_t>(s)] : none;
  }
  Distribution& add_to(Sample s) {
    if (!samples_) samples_ = std::make_unique<Samples>();
    return (*samples_)[static_cast<std::size_t>(s)];
  }
  void merge(const LazySamples& other) {
    if (!other.samples_) return;
    for (std::size_t i = 0; i < kSampleCount; ++i)
      add_to(static_cast<Sample>(i)).merge((*other.samples_)[i]);
  }

 private:
  using Samples = std::array<Distribution, kSampleCount>;
  std::unique_ptr<Samples> samples_;
};

}  // namespace detail

class Sums {
 public:
  /// Adds `raw` (in the field's own units: 1 for counts, 1/10000 for seconds and money).
  [[gnu::always_inline]] void add_raw(Field f, std::int64_t raw) {
    auto slot = detail::FieldSlots::slot_of(f);
    if (slot >= raw_.size()) [[unlikely]]
      slot = make_room(f);
    raw_[slot] = checked_add(raw_[slot], raw, f);
    present_.add(f);
  }
  /// Adds a whole number of units (counts, whole seconds, whole currency units).
  void add(Field f, std::int64_t units) { add_raw(f, checked_mul(units, scale_of(f), f)); }
  /// Adds an amount given as a double (seconds or money), rounded to 1/10000.
  void add_amount(Field f, double units) {
    const double raw = std::round(units * static_cast<double>(scale_of(f)));
    // 2^63 as a double; anything at or past it (or NaN) cannot be kept exactly.
    if (!(std::fabs(raw) < 9.2233720368547758e18)) sum_overflow(f);
    add_raw(f, static_cast<std::int64_t>(raw));
  }
  void mark_present(Field f) { present_.add(f); }
  /// Declares exactly which fields the input supplied (record logs: from their columns).
  void set_present(const FieldSet& fields) { present_ = fields; }

  [[nodiscard]] std::int64_t raw(Field f) const {
    const auto slot = detail::FieldSlots::slot_of(f);
    return slot < raw_.size() ? raw_[slot] : 0;
  }
  /// The raw sums of `fields` added up (handled + abandoned), checked like every other sum.
  [[nodiscard]] std::int64_t raw_sum(std::initializer_list<Field> fields) const {
    std::int64_t sum = 0;
    for (const Field f : fields)
      sum = checked_add(sum, raw(f), f);
    return sum;
  }
  /// The sum as a number in the field's unit (counts, seconds, currency).
  [[nodiscard]] double value(Field f) const { return units(f, raw(f)); }
  /// `raw` units of field `f` as a number in the field's unit.
  static double units(Field f, std::int64_t raw) { return scaled_value(raw, scale_of(f)); }
  [[nodiscard]] const FieldSet& present() const { return present_; }

  /// Adds one value (1/10000 units) to a sample; `exact_limit` as in Distribution::add.
  void add_sample(Sample s, std::int64_t raw, std::size_t exact_limit = kExactAtAnySize) {
    samples_.add_to(s).add(raw, 1, exact_limit);
  }
  [[nodiscard]] const Distribution& sample(Sample s) const { return samples_.at(s); }
  /// Merges a distribution (of another input) into a sample, as Distribution::merge does.
  void merge_sample(Sample s, const Distribution& values) {
    if (values.count() > 0) samples_.add_to(s).merge(values);
  }

  void merge(const Sums& other) {
    if (raw_.size() < other.raw_.size()) raw_.resize(other.raw_.size());
    for (std::size_t slot = 0; slot < other.raw_.size(); ++slot)
      raw_[slot] = checked_add(raw_[slot], other.raw_[slot], detail::FieldSlots::field_at(slot));
    present_ |= other.present_;
    samples_.merge(other.samples_);
  }

 private:
  // The first add of a field to this Sums: room for every slot handed out so far, which
  // the next fields of the same input will mostly need too.
  [[gnu::noinline]] std::size_t make_room(Field f) {
    const auto slot = detail::FieldSlots::assign(f);
    raw_.resize(std::max(slot + 1, detail::FieldSlots::count()));
    return slot;
  }

  std::vector<std::int64_t> raw_;  // by detail::FieldSlots slot; a field past the end is 0
  FieldSet present_;
  detail::LazySamples samples_;
};

}  // namespace cxkpi
