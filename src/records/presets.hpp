#pragma once
// Presets: how the exports of contact-centre platforms map onto cxkpi's columns. One table
// row per export says which document it follows, the header that tells it apart, its
// columns in --map syntax (units, words for yes, blank conventions), the rows it reads
// (--where), the columns kept as labels, how the vendor's definitions differ from cxkpi's,
// and the metrics the export cannot support, each with its reason. One mechanism applies
// any row: a preset is --map flags the user did not have to type.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxkpi/record.hpp"
#include "io/column_map.hpp"

namespace cxkpi::cli {

/// A metric an export cannot support, and why (METRICS.md §0: no evidence, no figure).
struct UnsupportedMetric {
  std::string_view metrics;  // metric names, separated by spaces
  std::string_view reason;
};

/// A column the preset leaves unread although its header looks like a field, and why: header
/// detection does not read it, and `cxkpi columns` says so.
struct PresetLabel {
  std::string_view header;
  std::string_view why;
};

struct Preset {
  std::string_view name;
  std::string_view export_name;  // what the user exports, in the vendor's words
  std::string_view document;     // the vendor document the mapping follows
  /// Normalised headers that must all be there; "a|b" is either. Detection applies the
  /// preset when its signature alone matches.
  std::span<const std::string_view> signature;
  std::span<const std::string_view> maps;  // field=Header[:SPEC], as --map takes them
  std::string_view where;                  // rows read, in --where syntax (empty: all)
  std::span<const PresetLabel> labels;
  std::string_view notes;  // where the vendor's definitions differ from what cxkpi prints
  std::span<const UnsupportedMetric> unsupported;
};

/// Every preset, in the order `cxkpi presets` lists them.
std::span<const Preset> presets();

/// The preset called `name`, or nullptr.
const Preset* preset_named(std::string_view name);

/// --preset: a name, "none" (no detection), or empty (detect).
struct PresetChoice {
  std::string name;
  [[nodiscard]] bool off() const { return name == "none"; }
  [[nodiscard]] bool automatic() const { return name.empty(); }
};

/// The preset read for one input, and why: "--preset amazon-connect", or the headers its
/// signature found.
struct AppliedPreset {
  const Preset* preset = nullptr;
  std::string why;
};

/// The preset for an input with this header: the one named, else the one whose signature
/// alone matches. Throws Error (usage) for an unknown name. `ambiguous` gets the names of
/// the presets that matched when more than one did (none is applied then).
std::optional<AppliedPreset> preset_for(const std::vector<std::string>& header, const PresetChoice& choice,
                                        std::vector<std::string_view>* ambiguous = nullptr);

/// The overrides an input is read with: the preset's maps whose header it has, for the
/// fields the user's own --map does not name, then the user's.
std::vector<ColumnOverride> preset_overrides(const Preset& preset, const std::vector<std::string>& header,
                                             const std::vector<ColumnOverride>& user);

/// The record columns the preset's maps read (the export has them when its signature holds).
RecordColumns preset_columns(const Preset& preset);

/// Whether `preset` says the export cannot support `metric`; the reason when so.
std::optional<std::string_view> unsupported_reason(const Preset& preset, std::string_view metric);

}  // namespace cxkpi::cli
