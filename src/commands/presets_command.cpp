// `cxkpi presets`: every preset, the vendor document it follows, and the metrics its export
// gives and cannot give (with the reason).
#include "commands/presets_command.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compute/report.hpp"
#include "io/sink.hpp"
#include "output/text_table.hpp"
#include "records/presets.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

struct PresetMetrics {
  std::vector<std::string> supported;
  std::vector<std::pair<std::string, std::string>> unsupported;  // metric → reason
};

// The metrics `cxkpi report` shows for an export with every column the preset maps, and
// those the preset says it cannot give.
PresetMetrics metrics_of(const Preset& preset) {
  const Settings settings;
  BucketTable logs;
  logs.supplied = supplied_fields(preset_columns(preset), settings.record_rules());
  logs.preset = &preset;
  PresetMetrics out;
  for (const auto& column : report_columns({}, settings, logs))
    out.supported.emplace_back(column.metric->name);
  for (const auto& m : kMetrics)
    if (const auto reason = unsupported_reason(preset, m.name)) out.unsupported.emplace_back(m.name, *reason);
  return out;
}

std::string render_json() {
  auto list = nlohmann::ordered_json::array();
  for (const auto& p : presets()) {
    const auto metrics = metrics_of(p);
    nlohmann::ordered_json doc{{"name", p.name}, {"export", p.export_name}, {"document", p.document}};
    doc["signature"] = std::vector<std::string>(p.signature.begin(), p.signature.end());
    doc["maps"] = std::vector<std::string>(p.maps.begin(), p.maps.end());
    if (!p.where.empty()) doc["where"] = p.where;
    doc["notes"] = p.notes;
    doc["metrics"] = metrics.supported;
    doc["unavailable"] = nlohmann::ordered_json::object();
    for (const auto& [metric, why] : metrics.unsupported)
      doc["unavailable"][metric] = why;
    list.push_back(std::move(doc));
  }
  return dump_json(list) + "\n";
}

std::string render_text() {
  auto t = label_table({"preset", "export", "document", "metrics", "not available"});
  for (const auto& p : presets()) {
    const auto metrics = metrics_of(p);
    std::vector<std::string> refused;
    for (const auto& [metric, why] : metrics.unsupported)
      refused.push_back(metric);
    t.rows.push_back({std::string(p.name), std::string(p.export_name), std::string(p.document),
                      fmt::format("{}", fmt::join(metrics.supported, ", ")),
                      fmt::format("{}", fmt::join(refused, ", "))});
  }
  return render_aligned(t, false);
}

class PresetsCommand final : public Command {
 public:
  explicit PresetsCommand(CLI::App& parent)
      : app_(parent.add_subcommand("presets", "list the platform exports --preset reads, with their documents")) {
    app_->add_option("--format", format_, "table (default) or json")
        ->transform(CLI::IsMember({"table", "json"}, CLI::ignore_case));
    app_->add_flag("--json", json_, "same as --format json");
    app_->footer(
        "\nA preset is applied when an input's header has its columns (cxkpi columns FILE says which);\n"
        "--preset NAME names one, --preset none turns the detection off.\n"
        "Why a metric is not available:  cxkpi presets --format json");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override {
    write_output(json_ || format_ == "json" ? render_json() : render_text(), "");
    return 0;
  }

 private:
  CLI::App* app_;
  std::string format_ = "table";
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_presets_command(CLI::App& parent) {
  return std::make_unique<PresetsCommand>(parent);
}

}  // namespace cxkpi::cli
