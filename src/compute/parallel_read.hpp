#pragma once
// Reading one input on several threads.
//
// The rows of a CSV or NDJSON input are cut into blocks of whole rows (RowBlocks: never
// inside a quoted field, for files and pipes alike) and the blocks are read on worker
// threads, each into buckets of its own; the buckets are added up in block order. A block
// with a bad row is read again on the calling thread the way a serial read goes, so that
// messages, skips and rejects are exactly those of one thread.

#include <functional>

#include "compute/bucket_index.hpp"
#include "compute/log_scan.hpp"
#include "io/row_blocks.hpp"

namespace cxkpi::cli {

/// The ids of the run, and which input this is among them.
struct BlockIds {
  DuplicateIds& ids;
  std::uint32_t input;
};

/// Reads the rest of `source` (positioned after its header) in blocks on worker threads into
/// `index` and `tally`; a block with a bad row or an id seen before, and an input of one
/// block, go to `read_serially`. Returns false, having read nothing, when the input is not to
/// be read this way (one thread, --by-column); the caller then reads it serially.
bool read_in_blocks(BlockSource& source, const ScanSettings& scan, BucketIndex& index, ScanTally& tally,
                    const std::function<void(TableReader&)>& read_serially, BlockIds ids);

}  // namespace cxkpi::cli
