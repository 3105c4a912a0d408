#pragma once
// The output model every writer renders: one metric, its rows and the recomputed total.

#include <optional>
#include <string>
#include <vector>

#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

/// A row against its baseline (--compare).
struct Comparison {
  std::string baseline_period;            // the period compared with ("" when none)
  std::optional<double> baseline;         // its value
  std::optional<double> change;           // value − baseline, in the metric's unit
  std::optional<double> relative_change;  // change / |baseline| × 100
  std::optional<bool> significant;        // beyond sampling noise (survey metrics only)
  std::string reason;                     // why there is no baseline value
};

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
};

}  // namespace cxkpi::cli
