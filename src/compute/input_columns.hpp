#pragma once
// How one input's columns are read: the preset found for it (records/presets) merged with
// the user's --map and --label. Worked out once per input, from its header, before any row.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compute/compute.hpp"
#include "io/column_map.hpp"
#include "records/presets.hpp"
#include "records/row_filter.hpp"

namespace cxkpi::cli {

struct InputColumns {
  std::optional<AppliedPreset> preset;
  std::vector<ColumnOverride> overrides;  // the preset's maps the user did not replace, then --map's
  std::vector<std::string> labels;        // --label's, then the preset's: no header detection reads them
  std::vector<std::pair<std::string, std::string_view>> preset_labels;  // the preset's, as headed here: why
  std::shared_ptr<const WhereExpression> where;  // --where and the preset's row rule: a row must meet both
  /// For -v and `cxkpi columns`: "preset amazon-connect (found by …)", or why none was applied.
  std::string note;
};

/// The preset (named by --preset, or found by its signature) and the overrides an input with
/// this header is read with. Throws Error for an unknown --preset or one the input does not fit.
InputColumns input_columns(const std::vector<std::string>& header, const FileInputOptions& input);

/// Why the input's preset leaves the column headed `header` unread, if it does.
std::optional<std::string> preset_label_reason(const InputColumns& columns, const std::string& header);

/// The reason the input's preset gives for a metric its export cannot support, if it does.
std::optional<std::string> preset_refusal(const InputColumns& columns, std::string_view metric);

}  // namespace cxkpi::cli
