#pragma once
// The result of a single-metric command: one metric, its rows and the recomputed total.
// Compute fills it; output renders it.

#include <optional>
#include <string>
#include <vector>

#include "cxkpi/catalog.hpp"
#include "model/comparison.hpp"

namespace cxkpi::cli {

struct ResultRow {
  std::string period;               // the period label ("" when the input has none)
  std::vector<std::string> labels;  // one per ResultTable::label_names (e.g. channel)
  Result result;
  std::optional<Comparison> comparison;
};

struct ResultTable {
  const MetricSpec* metric = nullptr;
  Plan plan;
  std::vector<std::string> label_names;
  std::vector<ResultRow> rows;  // empty for numbers given on the command line
  Result total;                 // recomputed from summed inputs, never from row values
  std::vector<std::string> warnings;
  std::string compare;                         // the --compare baseline, "" when none
  std::optional<Comparison> total_comparison;  // with --compare FILE
  double confidence = 0.95;                    // --compare: the level changes are tested at
  std::string definitions{};                   // --definitions: the vendor's the figure follows, "" for cxkpi's
};

}  // namespace cxkpi::cli
