#pragma once
// How a parsed command reads a record log: what `cxkpi sql` renders as SQL for it.

#include "compute/buckets.hpp"
#include "cxkpi/record.hpp"

namespace cxkpi::cli {

struct LogRead {
  BucketOptions options;
  RecordRules rules;
};

}  // namespace cxkpi::cli
