#pragma once
/// `Sums`: the one accumulator behind every metric. Additive and mergeable: the sums of two
/// inputs merged equal the sums of both inputs read as one, so totals are always re-divided
/// from summed numerators and denominators, never averaged from ratios.

#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

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
      : std::overflow_error("sum of " + std::string(name_of(f)) + " is too large to keep exactly"), field(f) {}
  Field field;
};

/// Per-contact values whose percentiles are reported, each kept as a Distribution.
enum class Sample : std::uint8_t {
  first_response,  ///< first_response_at − opened_at, in 1/10000 s
  resolution,      ///< resolved_at − opened_at, in 1/10000 s
  read_time,       ///< read_s of a knowledge-base view, in 1/10000 s
};
inline constexpr std::size_t kSampleCount = 3;

class Sums {
 public:
  /// Adds `raw` (in the field's own units: 1 for counts, 1/10000 for seconds and money).
  [[gnu::always_inline]] void add_raw(Field f, std::int64_t raw) {
    auto& slot = raw_[index_of(f)];
    if (__builtin_add_overflow(slot, raw, &slot)) [[unlikely]]
      overflow(f);
    present_.add(f);
  }
  /// Adds a whole number of units (counts, whole seconds, whole currency units).
  void add(Field f, std::int64_t units) {
    std::int64_t raw = 0;
    if (__builtin_mul_overflow(units, scale_of(f), &raw)) throw SumOverflow(f);
    add_raw(f, raw);
  }
  /// Adds an amount given as a double (seconds or money), rounded to 1/10000.
  void add_amount(Field f, double units) {
    const double raw = std::round(units * static_cast<double>(scale_of(f)));
    // 2^63 as a double; anything at or past it (or NaN) cannot be kept exactly.
    if (!(std::fabs(raw) < 9.2233720368547758e18)) throw SumOverflow(f);
    add_raw(f, static_cast<std::int64_t>(raw));
  }
  void mark_present(Field f) { present_.add(f); }
  /// Declares exactly which fields the input supplied (record logs: from their columns).
  void set_present(const FieldSet& fields) { present_ = fields; }

  [[nodiscard]] std::int64_t raw(Field f) const { return raw_[index_of(f)]; }
  /// The sum as a number in the field's unit (counts, seconds, currency).
  [[nodiscard]] double value(Field f) const { return units(f, raw(f)); }
  /// `raw` units of field `f` as a number in the field's unit.
  static double units(Field f, std::int64_t raw) { return scaled_value(raw, scale_of(f)); }
  [[nodiscard]] const FieldSet& present() const { return present_; }

  /// Adds one value (1/10000 units) to a sample; `exact_limit` as in Distribution::add.
  void add_sample(Sample s, std::int64_t raw, std::size_t exact_limit = kExactAtAnySize) {
    samples_[static_cast<std::size_t>(s)].add(raw, 1, exact_limit);
  }
  [[nodiscard]] const Distribution& sample(Sample s) const { return samples_[static_cast<std::size_t>(s)]; }

  void merge(const Sums& other) {
    for (const auto& f : kFields) {
      auto& slot = raw_[index_of(f.field)];
      if (__builtin_add_overflow(slot, other.raw(f.field), &slot)) throw SumOverflow(f.field);
    }
    present_ |= other.present_;
    for (std::size_t i = 0; i < kSampleCount; ++i)
      samples_[i].merge(other.samples_[i]);
  }

 private:
  // Out of line, so that add_raw stays small enough to inline into every per-row loop.
  [[noreturn, gnu::noinline, gnu::cold]] static void overflow(Field f) { throw SumOverflow(f); }

  std::array<std::int64_t, kFieldCount> raw_{};
  FieldSet present_;
  std::array<Distribution, kSampleCount> samples_;
};

}  // namespace cxkpi
