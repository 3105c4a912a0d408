#pragma once
// From input to ResultTable: numbers given as flags, or period tables read from files.
// Both fill cxkpi::Sums and finalise through the metric's catalogue entry.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compute/regroup.hpp"
#include "compute/row_errors.hpp"
#include "cxkpi/catalog.hpp"
#include "io/column_map.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
#include "model/result_table.hpp"
#include "records/presets.hpp"

namespace cxkpi::cli {

class Error;
class WhereExpression;  // records/row_filter.hpp

/// --dedupe: which row of a repeated id counts (off: a repeat is bad data).
enum class Dedupe { off, first, last };

struct FileInputOptions {
  std::vector<std::string> files;  // "-" is standard input
  ReadOptions read;
  std::vector<ColumnOverride> overrides;
  PresetChoice preset;              // --preset: a vendor's export (default: detected)
  std::vector<std::string> labels;  // --label: columns that are labels whatever their header looks like
  bool verbose = false;             // -v: say how each column is read
  /// A progress line on stderr while a file larger than this is read (set when stderr is a
  /// terminal and --quiet is not given; none otherwise).
  std::optional<std::uint64_t> progress_over;
  RowErrorPolicy errors;                         // --on-error, --max-errors, --rejects
  Dedupe dedupe = Dedupe::off;                   // --dedupe first|last
  bool decimal_comma = false;                    // --decimal-comma: 3,5 is 3.5
  MissingValues missing;                         // --na: cells that mean no value besides empty ones
  unsigned threads = 0;                          // --threads: 0 = one per core
  std::shared_ptr<const WhereExpression> where;  // --where: the rows read; null reads all
  /// A CSV log is read on several threads in blocks of about this many bytes (an input of
  /// one block is read on the calling thread).
  std::size_t block_bytes = std::size_t{2} << 20;
};

/// One figure given on the command line: `--passives 50`.
struct NumberInput {
  Field field;
  std::string flag;  // as the user typed it, for messages
  std::string text;
};

/// The error for a flag's value that does not parse: bad data (65), but an amount with
/// digits it cannot keep (`--total-cost 1.23456`) is a usage error (64) to fix on the line.
Error flag_value_error(const std::string& flag, const ParsedValue& parsed);

/// The numbers-mode flag of a field: talk_s → "--talk-s".
std::string canonical_flag(Field f);

ResultTable compute_from_numbers(const MetricSpec& metric, const Settings& settings,
                                 const std::vector<NumberInput>& numbers);

/// The input files, opened (format sniffed, header read) but not yet read further.
using Readers = std::vector<std::unique_ptr<TableReader>>;
Readers open_inputs(const FileInputOptions& input);

enum class Shape { automatic, periods, records };
/// Records when the first input's columns, read as its preset and --map say, look more like a
/// per-contact log than a period table.
Shape detect_shape(const TableReader& first, const FileInputOptions& input);

/// With `regroup` active (--by, --group), the rows are summed into its periods and groups.
ResultTable compute_from_periods(const MetricSpec& metric, const Settings& settings, Readers& readers,
                                 const FileInputOptions& input, const TableRegroup& regroup = {});

/// The scores a scale allows: 1 … 5 for CSAT, 0 … 10 for NPS.
struct ScoreRange {
  int low = 1;
  int high = 5;
};

/// "1=10,2=10,3=30" → one NumberInput per score (csat_1 …), checked against `range`.
std::vector<NumberInput> parse_score_counts(const std::string& flag, const std::string& text, ScoreRange range,
                                            Field (*score_field)(int) = csat_score_field);

}  // namespace cxkpi::cli
