#include "compute/bucket_index.hpp"

#include <algorithm>
#include <iterator>

namespace cxkpi::cli {

Period ColumnPeriods::at(std::string_view label) {
  const auto it = std::find(labels_.begin(), labels_.end(), label);
  if (it != labels_.end()) return {it - labels_.begin(), *it};
  labels_.emplace_back(label);
  return {static_cast<std::int64_t>(labels_.size() - 1), labels_.back()};
}

std::vector<Bucket> BucketIndex::take_sorted() {
  std::sort(buckets_.begin(), buckets_.end(), [](const Bucket& a, const Bucket& b) {
    return a.period.order != b.period.order ? a.period.order < b.period.order : a.groups < b.groups;
  });
  index_.clear();
  recent_.fill(kNone);
  return std::move(buckets_);
}

std::vector<Bucket> BucketIndex::take_before(std::int64_t order) {
  auto all = take_sorted();
  const auto split = std::find_if(all.begin(), all.end(), [&](const Bucket& b) { return b.period.order >= order; });
  std::vector<Bucket> closed(std::make_move_iterator(all.begin()), std::make_move_iterator(split));
  buckets_.assign(std::make_move_iterator(split), std::make_move_iterator(all.end()));
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    write_key(key_, buckets_[i].period, buckets_[i].groups);
    index_.emplace(key_, i);
  }
  return closed;
}

}  // namespace cxkpi::cli
