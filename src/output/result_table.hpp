#pragma once
// The output model every writer renders: one metric, its rows and the recomputed total.

#include <string>
#include <vector>

#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

struct ResultRow {
  std::string period;               // the period label ("" when the input has none)
  std::vector<std::string> labels;  // one per ResultTable::label_names (e.g. channel)
  Result result;
};

struct ResultTable {
  const MetricSpec* metric = nullptr;
  Plan plan;
  std::vector<std::string> label_names;
  std::vector<ResultRow> rows;  // empty for numbers given on the command line
  Result total;                 // recomputed from summed inputs, never from row values
  std::vector<std::string> warnings;
};

}  // namespace cxkpi::cli
