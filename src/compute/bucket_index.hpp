#pragma once
// Where a row's sums go: its period (from a time or a --by-column label) and the bucket of
// that period and its group values. Every row of a log passes through here, so the lookups
// are inline and remember what the rows before asked for.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compute/bucket_budget.hpp"
#include "compute/buckets.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

// --by-column: periods are the column's own labels, in the order they first appear.
class ColumnPeriods {
 public:
  Period at(std::string_view label);

 private:
  std::vector<std::string> labels_;
};

// The period of a local time, remembered for the last day (and hour) seen: consecutive rows
// of a log almost always share them, and labelling a period costs a format.
class PeriodCache {
 public:
  explicit PeriodCache(BucketBy by, std::int32_t minutes = 0)
      : by_(by),
        minutes_(minutes),
        slot_length_(by == BucketBy::interval ? std::int64_t{minutes} * 60
                     : needs_time_of_day(by)  ? 3600
                                              : 86400) {}
  const Period& at(const PlacedTime& time) {
    // A repeated local hour (the later reading, after a change back) is a slot of its own.
    const auto slot = floor_div(time.local, slot_length_) * 2 + (time.repeated ? 1 : 0);
    if (!valid_ || slot != slot_) {
      period_ = period_of(time, by_, minutes_);
      slot_ = slot;
      valid_ = true;
    }
    return period_;
  }

 private:
  static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }
  BucketBy by_;
  std::int32_t minutes_;      // of --by 15m
  std::int64_t slot_length_;  // seconds within which the period stays the same
  bool valid_ = false;
  std::int64_t slot_ = 0;
  Period period_;
};

// Sums per bucket. A row's bucket is almost always one of the few used lately (this day's
// channels, say), so those are compared value by value first; the others are found through
// a key of period order and group values, whose buffer is reused so that a row costs no
// allocation once its bucket exists.
class BucketIndex {
 public:
  Sums& at(const Period& period, const std::vector<std::string_view>& groups) {
    for (const auto position : recent_)
      if (position < buckets_.size() && is_bucket(buckets_[position], period, groups)) {
        last_ = position;
        return buckets_[position].sums;
      }
    write_key(key_, period, groups);
    if (const auto it = index_.find(key_); it != index_.end()) {
      last_ = it->second;
    } else {
      if (limit_ != nullptr && buckets_.size() >= limit_->max_buckets()) limit_->refuse();
      last_ = buckets_.size();
      index_.emplace(key_, last_);
      buckets_.push_back({period, {groups.begin(), groups.end()}, {}, {}});
    }
    recent_[next_recent_++ % recent_.size()] = last_;
    return buckets_[last_].sums;
  }
  /// Refuses (throws) a new bucket past `limit`'s count; `limit` outlives the index.
  void limit_to(const BucketLimit* limit) { limit_ = limit; }
  /// The key of the bucket `at` returned last (its period and group values), valid until
  /// the next call. A bucket found among the recent ones has had no key built, so it is
  /// built here, into the same buffer.
  const std::string& key() {
    write_key(key_, buckets_[last_].period, buckets_[last_].groups);
    return key_;
  }
  /// The position of the bucket `at` returned last; valid until take_sorted or take_before.
  [[nodiscard]] std::size_t last() const { return last_; }
  Sums& bucket(std::size_t position) { return buckets_[position].sums; }
  std::vector<Bucket> take_sorted();
  /// Removes and returns (sorted) the buckets of periods before `order`.
  std::vector<Bucket> take_before(std::int64_t order);

 private:
  static constexpr auto kNone = static_cast<std::size_t>(-1);

  static bool is_bucket(const Bucket& b, const Period& period, const std::vector<std::string_view>& groups) {
    // A period's order is its identity: one label per order, for time periods and --by-column alike.
    if (b.period.order != period.order || b.groups.size() != groups.size()) return false;
    for (std::size_t i = 0; i < groups.size(); ++i)
      if (!same_text(b.groups[i], groups[i])) return false;
    return true;
  }
  // Group values are short (a channel, a queue): a loop beats a call to memcmp.
  static bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  // Period order and label, then each group value after a unit separator.
  template <class Groups>
  static void write_key(std::string& key, const Period& period, const Groups& groups) {
    key.assign(reinterpret_cast<const char*>(&period.order), sizeof period.order);
    key += period.label;
    for (const auto& g : groups)
      key.append(1, '\x1f').append(g);
  }

  std::string key_;
  const BucketLimit* limit_ = nullptr;  // none: a block's buckets, bounded by the block
  std::size_t last_ = 0;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Bucket> buckets_;
  std::array<std::size_t, 8> recent_{kNone, kNone, kNone, kNone, kNone, kNone, kNone, kNone};
  std::size_t next_recent_ = 0;
};

}  // namespace cxkpi::cli
