#include "compute/parallel_read.hpp"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cxkpi::cli {
namespace {

// What one block of rows adds up to, and the ids of its rows.
struct BlockScan {
  BucketIndex index;
  ScanTally tally;
  IdSet ids;
};

// The rows of a block reader in buckets, without error handling: any bad row, and any id
// repeated within the block, throws.
BlockScan scan_block(TableReader& reader, const ScanSettings& scan, const BlockIds& ids) {
  BlockScan out;
  LogLayout layout(reader, scan);
  ColumnPeriods unused;  // blocks are read only without --by-column
  auto check = ids.ids.block_check(out.ids, ids.input);
  RowStep step(reader, layout, scan, unused, &check);
  Contact c;
  const Period* period = nullptr;
  while (reader.next())
    if (step.read(c, period)) accumulate(out.index.at(*period, step.groups()), c, scan.rules);
  out.tally = step.tally;
  return out;
}

// One block on its way through the workers.
struct BlockJob {
  RowBlocks::Block block;
  std::optional<BlockScan> result;  // empty when the block had a bad row
  bool done = false;
};

// Blocks handed to worker threads, taken back in order. The calling thread reads the input
// and adds up the results; the workers only parse.
class BlockWorkers {
 public:
  BlockWorkers(unsigned threads, const BlockSource& source, const ScanSettings& scan, const BlockIds& ids)
      : source_(source), scan_(scan), ids_(ids) {
    for (unsigned k = 0; k < threads; ++k)
      workers_.emplace_back([this] { work(); });
  }
  BlockWorkers(const BlockWorkers&) = delete;
  BlockWorkers& operator=(const BlockWorkers&) = delete;
  ~BlockWorkers() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_workers_.notify_all();
  }  // the jthreads join here

  void add(RowBlocks::Block block) {
    {
      const std::lock_guard lock(mutex_);
      jobs_[next_added_++].block = std::move(block);
    }
    wake_workers_.notify_one();
  }
  [[nodiscard]] std::size_t in_flight() const { return next_added_ - next_taken_; }
  /// The oldest block's job, once a worker is done with it.
  BlockJob take() {
    std::unique_lock lock(mutex_);
    const auto it = jobs_.find(next_taken_);
    done_.wait(lock, [&] { return it->second.done; });
    BlockJob job = std::move(it->second);
    jobs_.erase(it);
    ++next_taken_;
    return job;
  }

 private:
  void work() {
    for (;;) {
      BlockJob* job = nullptr;
      {
        std::unique_lock lock(mutex_);
        wake_workers_.wait(lock, [&] { return stopping_ || next_started_ < next_added_; });
        if (stopping_) return;
        job = &jobs_[next_started_++];  // map nodes stay put while others are added
      }
      try {
        // The block reader reads a copy: the block's bytes stay as they came, in case the
        // calling thread has to read them again.
        const auto reader = source_.block_reader(job->block.text(), job->block.first_line);
        job->result = scan_block(*reader, scan_, ids_);
      } catch (...) {
        job->result.reset();  // read again by the caller, which reports the bad row in place
      }
      {
        const std::lock_guard lock(mutex_);
        job->done = true;
      }
      done_.notify_all();
    }
  }

  const BlockSource& source_;
  const ScanSettings& scan_;
  const BlockIds& ids_;
  std::mutex mutex_;
  std::condition_variable wake_workers_;
  std::condition_variable done_;
  std::map<std::size_t, BlockJob> jobs_;
  std::size_t next_added_ = 0;
  std::size_t next_started_ = 0;
  std::size_t next_taken_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> workers_;  // last: they stop and join before the rest goes
};

// Adds a block's buckets and tally to those of the whole input.
void merge_block(BlockScan& scan, BucketIndex& index, ScanTally& tally) {
  for (auto& b : scan.index.take_sorted()) {
    std::vector<std::string_view> groups(b.groups.begin(), b.groups.end());
    index.at(b.period, groups).merge(b.sums);
  }
  tally.merge(scan.tally);
}

}  // namespace

bool read_in_blocks(BlockSource& source, const ScanSettings& scan, BucketIndex& index, ScanTally& tally,
                    const std::function<void(TableReader&)>& read_serially, BlockIds ids) {
  const unsigned threads =
      scan.input.threads != 0 ? scan.input.threads : std::max(1U, std::thread::hardware_concurrency());
  if (threads < 2 || !scan.options.by_column.empty()) return false;
  auto rest = source.take_rest();
  RowBlocks blocks(source.input(), std::move(rest.head), rest.line, scan.input.block_bytes, source.row_ends());
  const auto read_here = [&](const RowBlocks::Block& block) {
    const auto reader = source.block_reader(block.text(), block.first_line);
    read_serially(*reader);
  };
  RowBlocks::Block first;
  if (!blocks.next(first)) return true;
  RowBlocks::Block second;
  if (!blocks.next(second)) {  // one block: not worth a thread
    read_here(first);
    return true;
  }
  BlockWorkers workers(threads, source, scan, ids);
  workers.add(std::move(first));
  workers.add(std::move(second));
  // A block whose ids repeat earlier ones is read again in order, where each row meets
  // every id before it; its other ids were added, so that its rows find themselves.
  const auto add_up = [&](BlockJob job) {
    if (job.result && ids.ids.absorb(std::move(job.result->ids)))
      merge_block(*job.result, index, tally);
    else
      read_here(job.block);
  };
  const std::size_t max_in_flight = std::size_t{2} * threads;
  for (RowBlocks::Block block; blocks.next(block);) {
    if (workers.in_flight() >= max_in_flight) add_up(workers.take());
    workers.add(std::move(block));
    block = {};
  }
  while (workers.in_flight() > 0)
    add_up(workers.take());
  return true;
}

}  // namespace cxkpi::cli
