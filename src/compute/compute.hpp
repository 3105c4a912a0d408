#pragma once
// From input to ResultTable: numbers given as flags, or period tables read from files.
// Both fill cxkpi::Sums and finalise through the metric's catalogue entry.

#include <string>
#include <vector>

#include "cxkpi/catalog.hpp"
#include "io/column_map.hpp"
#include "io/table.hpp"
#include "output/result_table.hpp"

namespace cxkpi::cli {

struct FileInputOptions {
  std::vector<std::string> files;  // "-" is standard input
  ReadOptions read;
  std::vector<ColumnOverride> overrides;
  bool skip_bad_rows = false;  // --on-error skip
};

/// One figure given on the command line: `--passives 50`.
struct NumberInput {
  Field field;
  std::string flag;  // as the user typed it, for messages
  std::string text;
};

ResultTable compute_from_numbers(const MetricSpec& metric, const Settings& settings,
                                 const std::vector<NumberInput>& numbers);

ResultTable compute_from_periods(const MetricSpec& metric, const Settings& settings, const FileInputOptions& input);

/// "1=10,2=10,3=30" → one NumberInput per score (csat_1 …), checked against `scale`.
std::vector<NumberInput> parse_score_counts(const std::string& flag, const std::string& text, int scale);

}  // namespace cxkpi::cli
