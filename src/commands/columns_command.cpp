// `cxkpi columns FILE`: how each header is read, and which metrics the file supports.
#include "commands/columns_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "commands/flags.hpp"
#include "compute/compute.hpp"
#include "compute/input_columns.hpp"
#include "compute/report.hpp"
#include "compute/staffing.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "records/field_sources.hpp"
#include "records/header_check.hpp"
#include "records/record_columns.hpp"
#include "records/row_filter.hpp"
#include "text/json.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

struct ColumnReport {
  std::string source;
  std::string detected;  // "csv, delimiter ','"
  Shape shape = Shape::periods;
  RowKind rows = RowKind::contact;                           // what a row of a record log is
  std::string preset;                                        // "preset amazon-connect (found by …)"
  std::string_view preset_notes;                             // how its definitions differ from cxkpi's
  std::vector<std::pair<std::string, std::string>> columns;  // header → how it is read
  std::vector<std::string> supported;
  std::vector<std::pair<std::string, std::string>> unsupported;  // metric → what it lacks
};

// A label column, or why the metric commands refuse one unless --label names it: its header
// looks like a known name misspelt, or counts answers of a score no scale has (csat_0).
std::string label_text(const std::string& header, Shape shape, const FileInputOptions& input, std::string label) {
  const bool labelled = std::any_of(input.labels.begin(), input.labels.end(), [&](const std::string& l) {
    return normalize_header(l) == normalize_header(header);
  });
  const auto names = shape == Shape::records ? HeaderNames::records : HeaderNames::periods;
  if (const auto refusal = header_refusal(header, names); refusal && !labelled) return "refused: " + *refusal;
  return label;
}

std::string role_text(const TableReader& reader, const ColumnMap& periods, const RecordColumnMap& records, Shape shape,
                      std::size_t column, const InputColumns& in, const FileInputOptions& input) {
  const auto& header = reader.header()[column];
  if (shape == Shape::records) {
    if (auto reading = records.reading_at(column)) return std::move(*reading);
    if (const auto why = preset_label_reason(in, header)) return "label: " + *why;
    return label_text(header, shape, input, "label (--group " + header + ")");
  }
  const auto& role = periods.role(column);
  if (role.kind == ColumnRole::Kind::field) return field_reading(role);
  if (periods.period_column() == column) return "period";
  return label_text(header, shape, input, "label");
}

FieldSet supplied_by(const ColumnMap& periods, const RecordColumnMap& records, Shape shape, const Settings& s) {
  return shape == Shape::records ? supplied_fields(records.present(), s.record_rules()) : periods.fields();
}

// Why a catalogue metric cannot be computed from this file ("" when it can).
std::string catalogue_gap(const MetricSpec& m, const FieldSet& supplied, Shape shape, const std::string& source,
                          const Preset* preset) {
  const Settings settings;
  const auto plan = m.plan(settings, supplied);
  if (shape == Shape::records) {
    try {
      require_fields(m, plan, supplied, source, preset);
    } catch (const Error& e) {
      const std::string what = e.what();  // "SOURCE: why"
      const auto prefix = source + ": ";
      return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
    }
    return "";
  }
  if (m.inputs.empty()) return fmt::format("needs a record log with {}", m.log_columns);
  if (!plan.problem.empty()) return plan.problem;  // e.g. CES with no answer counts
  std::vector<std::string_view> missing;
  for (const Field f : plan.required)
    if (!supplied.has(f)) missing.push_back(name_of(f));
  return missing.empty() ? "" : fmt::format("needs column {}", fmt::join(missing, ", "));
}

// best-time-to-call reads a contact log's opening times and whether each contact was answered.
std::string best_time_gap(const RecordColumnMap& records, const FieldSet& supplied, Shape shape) {
  if (shape != Shape::records) return "needs a record log with opened_at (or date and time), offered, answered";
  if (!records.has(RecordField::opened_at) && !records.has(RecordField::date))
    return "best-time-to-call needs opened_at (or date and time) in the log";
  if (!supplied.has(Field::handled)) return no_outcome_evidence("best-time-to-call");
  return "";
}

// erlang-c reads a table of intervals: calls and aht per row (the length may be --interval).
std::string erlang_gap(const TableReader& reader, const FileInputOptions& input, Shape shape) {
  if (shape == Shape::records) return "erlang-c needs a table of intervals (calls, aht), not a record log";
  const auto missing = missing_interval_columns(reader.header(), input.overrides, reader.source_name());
  return missing.empty() ? "" : fmt::format("needs column {}", fmt::join(missing, ", "));
}

void add_metric(ColumnReport& r, std::string_view name, const std::string& gap) {
  if (gap.empty())
    r.supported.emplace_back(name);
  else
    r.unsupported.emplace_back(name, gap);
}

ColumnReport inspect(TableReader& reader, const FileInputOptions& input, Shape shape) {
  const auto in = shape == Shape::records ? input_columns(reader.header(), input) : InputColumns{};
  const ColumnMap periods(reader.header(), shape == Shape::periods ? input.overrides : std::vector<ColumnOverride>{},
                          reader.source_name());
  const RecordColumnMap records(reader.header(), in.overrides, reader.source_name(), in.labels);
  const RowFilter where(input.where.get(), reader, input.missing,
                        shape == Shape::records ? &records : nullptr);  // names columns?
  ColumnReport r{reader.source_name(), reader.describe(), shape, records.present().row_kind(), in.note, {}, {}, {}, {}};
  const Preset* preset = in.preset ? in.preset->preset : nullptr;
  if (preset != nullptr) r.preset_notes = preset->notes;
  for (std::size_t c = 0; c < reader.header().size(); ++c)
    r.columns.emplace_back(reader.header()[c], role_text(reader, periods, records, shape, c, in, input));
  const Settings defaults;  // a named object: GCC 12 at -O3 mistakes a temporary's vector for uninitialised
  const auto supplied = supplied_by(periods, records, shape, defaults);
  for (const auto& m : kMetrics)
    add_metric(r, m.name, catalogue_gap(m, supplied, shape, reader.source_name(), preset));
  // The two metrics that are commands of their own, outside the catalogue.
  add_metric(r, "best-time-to-call", best_time_gap(records, supplied, shape));
  add_metric(r, "erlang-c", erlang_gap(reader, input, shape));
  return r;
}

std::string render_text(const ColumnReport& r) {
  auto t = label_table({"column", "read as"});
  for (const auto& [h, role] : r.columns)
    t.rows.push_back({h, role});
  const std::string_view shape = r.shape == Shape::periods         ? "a table of period totals"
                                 : r.rows == RowKind::view         ? "a log of knowledge-base article views"
                                 : r.rows == RowKind::agent_survey ? "an agent survey log"
                                                                   : "a per-contact log";
  std::string out = fmt::format("{}: {}, {}\n", r.source, r.detected, shape);
  if (!r.preset.empty()) out += r.preset + "\n";
  if (!r.preset_notes.empty()) out += fmt::format("{}\n", r.preset_notes);
  out += "\n" + render_aligned(t, false);
  out += r.supported.empty() ? "\nmetrics: none\n" : fmt::format("\nmetrics: {}\n", fmt::join(r.supported, ", "));
  for (const auto& [metric, why] : r.unsupported)
    out += fmt::format("not available: {} ({})\n", metric, why);
  return out;
}

std::string render_json(const ColumnReport& r) {
  nlohmann::ordered_json doc;
  doc["schema"] = kSchemaVersion;
  doc["file"] = r.source;
  doc["detected"] = r.detected;
  doc["shape"] = r.shape == Shape::records ? "records" : "periods";
  if (!r.preset.empty()) doc["preset"] = r.preset;
  doc["columns"] = nlohmann::ordered_json::array();
  for (const auto& [h, role] : r.columns)
    doc["columns"].push_back({{"header", h}, {"read_as", role}});
  doc["metrics"] = r.supported;
  doc["unavailable"] = nlohmann::ordered_json::object();
  for (const auto& [metric, why] : r.unsupported)
    doc["unavailable"][metric] = why;
  return dump_json(doc) + "\n";
}

class ColumnsCommand final : public Command {
 public:
  explicit ColumnsCommand(CLI::App& parent)
      : app_(parent.add_subcommand("columns", "how each column of a file is read, and which metrics it supports")) {
    add_input_flags(*app_, input_);
    app_->add_option("--shape", records_.shape, "read the input as period totals or per-contact records")
        ->check(CLI::IsMember({"auto", "periods", "records"}));
    app_->add_flag("--json", output_.json, "JSON output");
    app_->footer("\nExample:  cxkpi columns data/calls.csv");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    const auto input = file_input(input_, output_.output);
    auto readers = open_inputs(input, input_);
    std::string out;
    for (auto& reader : readers) {
      const Readers one_file = [&] {
        Readers r;
        r.push_back(std::move(reader));
        return r;
      }();
      const auto report = inspect(*one_file.front(), input, input_shape(*app_, records_, one_file, input));
      out += output_.json ? render_json(report) : render_text(report);
    }
    write_output(out, output_.output);
    return 0;
  }

 private:
  CLI::App* app_;
  InputFlags input_;
  RecordFlags records_;
  OutputFlags output_;
};

}  // namespace

std::unique_ptr<Command> make_columns_command(CLI::App& parent) {
  return std::make_unique<ColumnsCommand>(parent);
}

}  // namespace cxkpi::cli
