#include "compute/input_columns.hpp"

#include <fmt/format.h>

namespace cxkpi::cli {
namespace {

std::string note_of(const std::optional<AppliedPreset>& applied, const std::vector<std::string_view>& ambiguous) {
  if (applied) return fmt::format("preset {} ({})", applied->preset->name, applied->why);
  if (!ambiguous.empty())
    return fmt::format("no preset: {} all match the header; --preset NAME picks one", fmt::join(ambiguous, ", "));
  return {};
}

}  // namespace

InputColumns input_columns(const std::vector<std::string>& header, const FileInputOptions& input) {
  InputColumns out;
  std::vector<std::string_view> ambiguous;
  out.preset = preset_for(header, input.preset, &ambiguous);
  out.note = note_of(out.preset, ambiguous);
  out.labels = input.labels;
  out.where = input.where;
  if (!out.preset) {
    out.overrides = input.overrides;
    return out;
  }
  out.overrides = preset_overrides(*out.preset->preset, header, input.overrides);
  for (const auto& label : out.preset->preset->labels)
    if (const auto column = find_column(header, label.header)) {
      out.labels.push_back(header[*column]);
      out.preset_labels.emplace_back(header[*column], label.why);
    }
  if (const auto rule = out.preset->preset->where; !rule.empty())
    out.where = std::make_shared<const WhereExpression>(
        input.where ? fmt::format("({}) and ({})", input.where->text(), rule) : std::string(rule));
  return out;
}

std::optional<std::string> preset_label_reason(const InputColumns& columns, const std::string& header) {
  for (const auto& [label, why] : columns.preset_labels)
    if (label == header) return fmt::format("the {} preset does not read it: {}", columns.preset->preset->name, why);
  return std::nullopt;
}

std::optional<std::string> preset_refusal(const InputColumns& columns, std::string_view metric) {
  if (!columns.preset) return std::nullopt;
  const auto& preset = *columns.preset->preset;
  if (const auto reason = unsupported_reason(preset, metric))
    return fmt::format("the {} export cannot give it: {}", preset.name, *reason);
  return std::nullopt;
}

}  // namespace cxkpi::cli
