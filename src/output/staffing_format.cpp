// Staffing rows share the grid, JSON and CSV writers of the metrics; shares are printed in
// percent like every rate of cxkpi (the library keeps fractions).
#include "output/staffing_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/json.hpp"
#include "text/numbers.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kNoTotal = "no total: staffing does not add up over intervals";

std::optional<double> percent(std::optional<double> share) {
  if (share) return *share * 100.0;
  return std::nullopt;
}

std::optional<double> as_number(std::optional<std::int64_t> n) {
  if (n) return static_cast<double>(*n);
  return std::nullopt;
}

// The row's reason: a missing cell, no staffing found, or why Pw, SL or ASA are null.
std::string reason_of(const StaffingRow& row) {
  if (!row.reason.empty()) return row.reason;
  if (!row.staffing.reason.empty()) return row.staffing.reason;
  return row.figures ? row.figures->reason : std::string();
}

struct Column {
  std::string key;
  std::string header;  // for people
};

const std::vector<Column>& figure_columns() {
  static const std::vector<Column> columns{
      {"calls", "calls"},
      {"interval_s", "interval (s)"},
      {"aht_s", "aht (s)"},
      {"traffic", "traffic (Erlangs)"},
      {"agents_required", "agents required"},
      {"scheduled_agents", "scheduled agents"},
      {"agents", "agents"},
      {"erlang_b", "erlang-b"},
      {"pw", "probability of waiting (%)"},
      {"abandon", "abandoned (%)"},
      {"service_level", "service level (%)"},
      {"asa", "asa (s)"},
      {"occupancy", "occupancy (%)"},
  };
  return columns;
}

// The figures of one staffing level in figure_columns() order from "agents" on.
std::vector<std::optional<double>> level_figures(const ErlangFigures& f) {
  return {static_cast<double>(f.agents), f.erlang_b, percent(f.pw),       percent(f.abandon),
          percent(f.service_level),      f.asa_s,    percent(f.occupancy)};
}

// The figures of a row in figure_columns() order (null where there is none).
std::vector<std::optional<double>> figures_of(const StaffingRow& row) {
  std::vector<std::optional<double>> v(figure_columns().size());
  if (!row.input) return v;
  v = {row.input->calls,     row.input->interval_s,          row.input->aht_s,
       row.staffing.traffic, as_number(row.staffing.agents), as_number(row.staffing.scheduled)};
  if (const auto& f = row.figures) {
    const auto level = level_figures(*f);
    v.insert(v.end(), level.begin(), level.end());
  }
  v.resize(figure_columns().size());
  return v;
}

// The abandoned share is Erlang A's alone: without --patience the column is not there.
bool shows(const StaffingTable& t, std::string_view key) {
  return key != "abandon" || t.patience_s.has_value();
}

// Inputs and counts print as they are; computed figures round for people.
bool rounds(std::string_view key) {
  return key == "traffic" || key == "erlang_b" || key == "pw" || key == "abandon" || key == "service_level" ||
         key == "asa" || key == "occupancy";
}

TextTable staffing_grid(const StaffingTable& t, bool for_people, int precision) {
  TextTable g;
  g.add_column("period", "period", ColumnKind::label);
  for (const auto& name : t.label_names)
    g.add_column(name, name, ColumnKind::label);
  for (const auto& c : figure_columns())
    if (shows(t, c.key)) g.add_column(c.key, for_people ? c.header : c.key, ColumnKind::number);
  g.add_column("reason", for_people ? "note" : "reason", ColumnKind::note);
  const auto cell = [&](std::string_view key, std::optional<double> v) {
    if (!v) return std::string(for_people ? "n/a" : "");
    return for_people && rounds(key) ? format_fixed(*v, precision) : format_exact(*v);
  };
  for (const auto& row : t.rows) {
    std::vector<std::string> cells{row.period};
    for (const auto& label : row.labels)
      cells.push_back(for_people && label.empty() ? "(empty)" : label);
    cells.resize(1 + t.label_names.size());
    const auto values = figures_of(row);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (shows(t, figure_columns()[i].key)) cells.push_back(cell(figure_columns()[i].key, values[i]));
    cells.push_back(reason_of(row));
    g.rows.push_back(std::move(cells));
  }
  return g;
}

}  // namespace

std::string_view model_text(const StaffingTable& t) {
  return t.patience_s ? kErlangAModel : kErlangModel;
}

std::string_view definition_text(const StaffingTable& t) {
  return t.patience_s ? kErlangADefinition : kErlangDefinition;
}

// The interval needing the most agents (the first, on a tie), if any row has a staffing.
const StaffingRow* peak_row(const StaffingTable& t) {
  const StaffingRow* peak = nullptr;
  for (const auto& row : t.rows)
    if (row.staffing.agents && (peak == nullptr || *row.staffing.agents > *peak->staffing.agents)) peak = &row;
  return peak;
}

namespace {

void add_peak(TextTable& g, const StaffingTable& t, bool for_people) {
  if (!t.from_table) return;
  const auto* peak = peak_row(t);
  std::vector<std::string> cells(g.header.size());
  cells[0] = "peak";
  const auto at = [&](std::string_view key) {
    return static_cast<std::size_t>(std::find(g.keys.begin(), g.keys.end(), key) - g.keys.begin());
  };
  if (peak != nullptr) {
    cells[at("agents_required")] = format_exact(static_cast<double>(*peak->staffing.agents));
    cells[at("scheduled_agents")] = format_exact(static_cast<double>(*peak->staffing.scheduled));
    cells.back() = for_people ? fmt::format("the most agents, at {}; {}", peak->period, kNoTotal) : peak->period;
  } else {
    cells.back() = "no interval has a staffing";
  }
  g.rows.push_back(std::move(cells));
}

}  // namespace

std::string targets_text(const StaffingTable& t) {
  std::string text =
      fmt::format("{} % answered in {} s", format_exact(t.targets.service_level * 100.0), format_exact(t.target_s));
  if (t.targets.max_asa_s) text += fmt::format(", ASA ≤ {} s", format_exact(*t.targets.max_asa_s));
  if (t.targets.max_occupancy)
    text += fmt::format(", occupancy ≤ {} %", format_exact(*t.targets.max_occupancy * 100.0));
  return text;
}

TextTable around_grid(const StaffingTable& t, int precision) {
  TextTable g;
  // The figures at one agent count: the figure columns from "agents" on.
  const auto& columns = figure_columns();
  const auto agents = std::find_if(columns.begin(), columns.end(), [](const Column& c) { return c.key == "agents"; });
  for (auto c = agents; c != columns.end(); ++c)
    if (shows(t, c->key)) g.add_column(c->key, c->header, ColumnKind::number);
  g.add_column("reason", "note", ColumnKind::note);
  const auto number = [&](std::optional<double> v) { return v ? format_fixed(*v, precision) : std::string("n/a"); };
  const auto& row = t.rows.front();
  for (const auto& f : t.around) {
    std::string note = f.reason;
    if (row.staffing.agents && f.agents == *row.staffing.agents) note = "← required for " + targets_text(t);
    if (t.agents_given && f.agents == *t.agents_given && f.agents != row.staffing.agents.value_or(-1))
      note += note.empty() ? "← given" : " (given)";
    std::vector<std::string> cells;
    const auto values = level_figures(f);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (shows(t, (agents + static_cast<std::ptrdiff_t>(i))->key))
        cells.push_back(i == 0 ? std::to_string(f.agents) : number(values[i]));
    cells.push_back(note);
    g.rows.push_back(std::move(cells));
  }
  return g;
}

namespace {

// Numbers given as flags: one "name  value" line per figure, then the agent counts around it.
std::string render_vertical(const StaffingTable& t, const FormatOptions& options) {
  const auto g = staffing_grid(t, true, options.precision);
  const auto& cells = g.rows.front();
  LabelledLines lines;
  for (std::size_t c = 1 + t.label_names.size(); c + 1 < g.header.size(); ++c)
    if (g.keys[c] != "erlang_b" && (g.keys[c] != "agents" || t.agents_given)) lines.emplace_back(g.header[c], cells[c]);
  if (!cells.back().empty()) lines.emplace_back("note", cells.back());
  lines.emplace_back("targets", targets_text(t));
  if (t.capacity_calls)
    lines.emplace_back("capacity (calls)",
                       fmt::format("{} per interval: the most {} agents take within the targets",
                                   format_fixed(*t.capacity_calls, options.precision), *t.agents_given));
  if (t.concurrency > 1)
    lines.emplace_back("concurrency",
                       fmt::format("{} contacts per agent: N agents are {} × N servers", t.concurrency, t.concurrency));
  lines.emplace_back("model", std::string(model_text(t)));
  lines.emplace_back("formula", std::string(definition_text(t)));
  std::string out = render_labelled(lines);
  if (t.around.empty()) return out;
  return out + "\n" + render_grid(around_grid(t, options.precision), FormatOptions{});
}

ordered_json number_or_null(std::optional<double> v) {
  return v ? json_number(*v) : ordered_json(nullptr);
}

ordered_json figures_json(const StaffingTable& t, const ErlangFigures& f) {
  ordered_json o;
  o["agents"] = f.agents;
  o["erlang_b"] = number_or_null(f.erlang_b);
  o["pw"] = number_or_null(percent(f.pw));
  if (shows(t, "abandon")) o["abandon"] = number_or_null(percent(f.abandon));
  o["service_level"] = number_or_null(percent(f.service_level));
  o["asa"] = number_or_null(f.asa_s);
  o["occupancy"] = number_or_null(percent(f.occupancy));
  if (!f.reason.empty()) o["reason"] = f.reason;
  return o;
}

ordered_json row_json(const StaffingTable& t, const StaffingRow& row) {
  ordered_json o;
  o["period"] = row.period;
  o["group"] = group_json(t.label_names, row.labels);
  const auto values = figures_of(row);
  for (std::size_t i = 0; i < values.size(); ++i)
    if (shows(t, figure_columns()[i].key)) o[figure_columns()[i].key] = number_or_null(values[i]);
  if (const auto why = reason_of(row); !why.empty()) o["reason"] = why;
  return o;
}

ordered_json peak_json(const StaffingTable& t) {
  const auto* peak = peak_row(t);
  if (peak == nullptr) return nullptr;
  return {{"period", peak->period},
          {"agents_required", *peak->staffing.agents},
          {"scheduled_agents", *peak->staffing.scheduled}};
}

ordered_json document(const StaffingTable& t) {
  ordered_json doc;
  doc["schema"] = kSchemaVersion;
  doc["metric"] = "erlang-c";
  doc["units"] = {{"calls", "count"},  {"interval_s", "seconds"},   {"aht_s", "seconds"}, {"traffic", "erlangs"},
                  {"agents", "count"}, {"erlang_b", "probability"}, {"pw", "percent"},    {"service_level", "percent"},
                  {"asa", "seconds"},  {"occupancy", "percent"}};
  if (t.patience_s) doc["units"]["abandon"] = "percent";
  doc["definition"] = definition_text(t);
  doc["model"] = model_text(t);
  doc["targets"] = {{"target_time", json_number(t.target_s)},
                    {"service_level", json_number(t.targets.service_level * 100.0)},
                    {"max_occupancy", number_or_null(percent(t.targets.max_occupancy))},
                    {"asa", number_or_null(t.targets.max_asa_s)},
                    {"shrinkage", json_number(t.targets.shrinkage * 100.0)}};
  if (t.patience_s) doc["targets"]["patience"] = json_number(*t.patience_s);
  if (t.concurrency > 1) doc["targets"]["concurrency"] = t.concurrency;
  doc["rows"] = ordered_json::array();
  for (const auto& row : t.rows)
    doc["rows"].push_back(row_json(t, row));
  if (t.from_table) doc["peak"] = peak_json(t);
  if (t.capacity_calls) doc["capacity"] = {{"agents", *t.agents_given}, {"calls", json_number(*t.capacity_calls)}};
  if (!t.from_table) {
    doc["around"] = ordered_json::array();
    for (const auto& f : t.around)
      doc["around"].push_back(figures_json(t, f));
  }
  doc["warnings"] = t.warnings;
  return doc;
}

std::string ndjson(const StaffingTable& t) {
  std::string out;
  for (const auto& row : t.rows) {
    ordered_json line{{"metric", "erlang-c"}};
    line.update(row_json(t, row));
    out += ndjson_line(line);
  }
  if (t.from_table) {
    ordered_json line{{"metric", "erlang-c"}, {"period", "peak"}};
    if (const auto peak = peak_json(t); !peak.is_null()) {
      line["interval"] = peak["period"];
      line["agents_required"] = peak["agents_required"];
      line["scheduled_agents"] = peak["scheduled_agents"];
    }
    out += ndjson_line(line);
  }
  return out;
}

// Tables for people leave out B(N), and the agents evaluated when they are the agents
// required; --fields brings any column back.
TextTable people_view(const TextTable& g, const StaffingTable& t) {
  std::vector<std::string> keep;
  for (const auto& key : g.keys)
    if (key != "erlang_b" && (key != "agents" || t.agents_given)) keep.push_back(key);
  return select_columns(g, keep);
}

}  // namespace

TextTable interval_grid(const StaffingTable& t, int precision) {
  auto g = staffing_grid(t, true, precision);
  add_peak(g, t, true);
  return people_view(g, t);
}

void sort_rows(StaffingTable& t, const SortOptions& options) {
  std::vector<std::string> names{"period"};
  names.insert(names.end(), t.label_names.begin(), t.label_names.end());
  const auto first_figure = names.size();
  for (const auto& c : figure_columns())
    names.push_back(c.key);
  const auto key = [&](std::size_t row, std::size_t column) -> SortKey {
    const auto& r = t.rows[row];
    if (column == 0) return {std::nullopt, r.period};
    if (column < first_figure) return {std::nullopt, r.labels[column - 1]};
    return {figures_of(r)[column - first_figure], {}};
  };
  sort_rows(t.rows, {names, key}, options);
}

std::string render_staffing(const StaffingTable& t, const FormatOptions& options) {
  if (options.format == OutputFormat::json) return dump_json(document(t)) + "\n";
  if (options.format == OutputFormat::ndjson) return ndjson(t);
  if (!t.from_table && options.format == OutputFormat::table && options.fields.empty())
    return render_vertical(t, options);
  auto g = staffing_grid(t, for_people(options), options.precision);
  add_peak(g, t, for_people(options));
  return render_grid(for_people(options) && options.fields.empty() ? people_view(g, t) : g, options);
}

}  // namespace cxkpi::cli
