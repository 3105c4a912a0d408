#pragma once
// --list on a metric read from a record log: instead of the figure, the contacts behind it
// (cxkpi/evidence.hpp says which, per metric), with their place in the input, period, group
// values, id and amount, in every output format.

#include <CLI/CLI.hpp>

#include "commands/flags.hpp"
#include "compute/buckets.hpp"
#include "cxkpi/evidence.hpp"

namespace cxkpi::cli {

/// Adds --list to a metric that has a listing; false (and no flag) for one that has none.
void add_list_flag(CLI::App& app, const MetricSpec& spec, bool& list);

/// The contacts behind `spec`'s figure in `readers` (record logs), written as `output` asks.
/// The figure is computed alongside, so that a log it refuses (a missing column) is refused
/// here too, and its warnings (rows left out for blank cells) are the listing's.
int list_evidence(const MetricSpec& spec, const Settings& settings, Readers& readers, const FileInputOptions& input,
                  const BucketOptions& buckets, const OutputFlags& output);

}  // namespace cxkpi::cli
