#include "output/report_format.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/json.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

std::string unit_suffix(std::string_view unit) {
  if (unit == "percent") return " (%)";
  if (unit == "seconds") return " (s)";
  if (unit == "points") return " (points)";
  return "";
}

TextTable report_grid(const ReportTable& r, bool for_people, int precision) {
  const bool comparing = !r.compare.empty();
  const auto number = [&](std::optional<double> v) {
    if (!v) return std::string(for_people ? "n/a" : "");
    return for_people ? format_fixed(*v, precision) : format_exact(*v);
  };
  TextTable g;
  g.header.emplace_back("period");
  g.header.insert(g.header.end(), r.group_names.begin(), r.group_names.end());
  g.text_columns = g.header.size();
  g.header.emplace_back("contacts");
  g.keys = g.header;
  for (const auto& c : r.columns) {
    const auto key = report_key(c.metric->name);
    g.header.push_back(for_people ? std::string(c.metric->name) + unit_suffix(c.plan.unit) : key);
    g.keys.push_back(key);
    if (!comparing) continue;
    g.header.push_back(for_people ? std::string(c.metric->name) + " Δ" : key + "_change");
    g.keys.push_back(key + "_change");
    if (!for_people) {
      g.header.push_back(key + "_significant");
      g.keys.push_back(key + "_significant");
    }
  }
  const auto add = [&](const ReportRow& row) {
    std::vector<std::string> cells{row.period};
    for (const auto& label : row.groups)
      cells.push_back(for_people && label.empty() ? "(empty)" : label);
    cells.resize(g.text_columns);
    cells.push_back(std::to_string(row.contacts));
    for (std::size_t i = 0; i < row.results.size(); ++i) {
      const auto& v = row.results[i].value;
      cells.push_back(v && r.columns[i].plan.unit == "count" && std::fabs(*v - std::round(*v)) < 1e-9
                          ? format_exact(*v)
                          : number(v));  // whole counts
      if (!comparing) continue;
      const auto& c = i < row.comparisons.size() ? row.comparisons[i] : std::nullopt;
      const bool significant = c && c->significant.value_or(false);
      // In tables a * marks a change beyond sampling noise (CSAT, NPS).
      cells.push_back(c ? number(c->change) + (for_people && significant ? "*" : "") : "");
      if (!for_people) cells.push_back(!c || !c->significant ? "" : *c->significant ? "true" : "false");
    }
    g.rows.push_back(std::move(cells));
  };
  for (const auto& row : r.rows)
    add(row);
  add(r.total);
  return g;
}

TextTable selected(TextTable g, const FormatOptions& options) {
  if (!options.fields.empty()) select_columns(g, options.fields);
  return g;
}

ordered_json row_json(const ReportTable& r, const ReportRow& row, bool with_group) {
  ordered_json o;
  o["period"] = row.period;
  if (with_group) {
    o["group"] = group_json(r.group_names, row.groups);
  }
  o["contacts"] = row.contacts;
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    auto& metric = o[report_key(r.columns[i].metric->name)] = result_json(row.results[i]);
    if (i < row.comparisons.size() && row.comparisons[i]) metric["baseline"] = comparison_json(*row.comparisons[i]);
  }
  return o;
}

std::string report_json(const ReportTable& r) {
  ordered_json doc;
  doc["schema"] = 1;
  doc["by"] = r.by;
  doc["tz"] = r.tz;
  doc["metrics"] = ordered_json::array();
  for (const auto& c : r.columns)
    doc["metrics"].push_back(report_key(c.metric->name));
  doc["units"] = ordered_json::object();
  for (const auto& c : r.columns)
    doc["units"][report_key(c.metric->name)] = c.plan.unit;
  doc["rows"] = ordered_json::array();
  for (const auto& row : r.rows)
    doc["rows"].push_back(row_json(r, row, true));
  auto total = row_json(r, r.total, false);
  total.erase("period");
  doc["total"] = std::move(total);
  if (!r.compare.empty()) doc["compare"] = r.compare;
  doc["warnings"] = r.warnings;
  return dump_json(doc) + "\n";
}

std::string report_ndjson(const ReportTable& r) {
  std::string out;
  for (const auto& row : r.rows)
    out += dump_json(row_json(r, row, true)) + "\n";
  return out + dump_json(row_json(r, r.total, false)) + "\n";
}

}  // namespace

std::string render_report_ndjson_row(const ReportTable& report, const ReportRow& row) {
  return dump_json(row_json(report, row, true)) + "\n";
}
std::string render_report_ndjson_total(const ReportTable& report) {
  return dump_json(row_json(report, report.total, false)) + "\n";
}

std::string render_report(const ReportTable& report, const FormatOptions& options) {
  switch (options.format) {
    case OutputFormat::json:
      return report_json(report);
    case OutputFormat::ndjson:
      return report_ndjson(report);
    case OutputFormat::csv:
      return render_csv(selected(report_grid(report, false, 0), options), options.safe_csv, options.header);
    case OutputFormat::markdown:
      return render_aligned(selected(report_grid(report, true, options.precision), options), true);
    case OutputFormat::table:
      break;
  }
  return render_aligned(selected(report_grid(report, true, options.precision), options), false);
}

}  // namespace cxkpi::cli
