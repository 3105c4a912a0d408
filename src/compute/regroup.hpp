#pragma once
// --by and --group on a period table: its rows (the parts) summed into coarser periods and
// fewer label columns, each figure re-divided from the summed parts. A part that does not lie
// within one coarse period (an ISO week across two months) cannot be split, so it is refused.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/catalog.hpp"
#include "model/result_table.hpp"
#include "records/timestamps.hpp"

namespace cxkpi::cli {

/// What a period table is regrouped by.
struct TableRegroup {
  BucketBy by = BucketBy::all;     // all: each row keeps its period
  std::int32_t minutes = 0;        // of --by 15m
  std::string by_name;             // as given (`month`, `30m`), for messages
  std::vector<std::string> group;  // the label columns kept; empty: all of them
  [[nodiscard]] bool active() const { return by != BucketBy::all || !group.empty(); }
};

/// One row of a period table as read: its period, its labels, its sums, or why it is no
/// whole part (a required cell left empty).
struct TablePart {
  std::string where;  // file:line, for messages
  std::string period;
  std::vector<std::string> labels;
  Sums sums;
  std::string missing;             // "monthly.csv:4:3: offered is empty"; empty for a whole part
  std::string_view missing_field;  // the field left empty
};

/// The parts summed by their coarse period and kept labels, as rows in period order (or, with
/// --group only, in the order the groups first appear). `label_names` (the table's label
/// columns) becomes the kept ones. A row with a part that is no whole part is null with the
/// reason. Throws Error (usage, exit 64) for a part across two coarse periods, a period that
/// is not a dated label, or a --group column the table lacks.
std::vector<ResultRow> regroup_table(const MetricSpec& metric, const Settings& settings, const TableRegroup& regroup,
                                     std::vector<std::string>& label_names, const std::vector<TablePart>& parts);

}  // namespace cxkpi::cli
