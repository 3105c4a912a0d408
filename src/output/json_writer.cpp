#include <cmath>
#include <nlohmann/json.hpp>

#include "output/format.hpp"
#include "output/json_values.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

ordered_json row_object(const ResultTable& t, const ResultRow& row) {
  ordered_json o;
  o["period"] = row.period;
  o["group"] = group_json(t.label_names, row.labels);
  o.update(result_json(row.result));
  if (row.comparison) o["baseline"] = comparison_json(*row.comparison);
  return o;
}

// Which figures came from the --approx sketch, and how far each may be from the exact one.
ordered_json approximate_json(const Result& r) {
  ordered_json figures = ordered_json::array();
  for (const auto& d : r.details)
    if (d.approximate) figures.push_back(d.name);
  return {{"figures", std::move(figures)}, {"relative_error", json_number(*r.relative_error)}};
}

}  // namespace

ordered_json comparison_json(const Comparison& c) {
  ordered_json o;
  o["period"] = c.baseline_period;
  o["value"] = c.baseline ? json_number(*c.baseline) : ordered_json(nullptr);
  o["change"] = c.change ? json_number(*c.change) : ordered_json(nullptr);
  o["relative_change"] = c.relative_change ? json_number(*c.relative_change) : ordered_json(nullptr);
  o["significant"] = c.significant ? ordered_json(*c.significant) : ordered_json(nullptr);
  o["p_value"] = c.p_value ? json_number(*c.p_value) : ordered_json(nullptr);
  if (c.small_sample) o["small_n"] = true;
  if (!c.reason.empty()) o["reason"] = c.reason;
  return o;
}

ordered_json group_json(const std::vector<std::string>& names, const std::vector<std::string>& values) {
  ordered_json group = ordered_json::object();
  for (std::size_t i = 0; i < names.size(); ++i)
    group[names[i]] = values[i];
  return group;
}

ordered_json result_json(const Result& r) {
  ordered_json o;
  o["value"] = r.value ? json_number(*r.value) : ordered_json(nullptr);
  // Whole counts as JSON integers, exact past 2^53 where a double is not.
  o["numerator"] = r.whole_numerator ? ordered_json(*r.whole_numerator) : json_number(r.numerator);
  o["denominator"] = r.whole_denominator ? ordered_json(*r.whole_denominator) : json_number(r.denominator);
  o["n"] = r.n;
  if (r.small_n) o["small_n"] = true;
  if (const auto left_out = left_out_count(r); left_out > 0) o["left_out"] = left_out;
  if (!r.value) o["reason"] = r.reason;
  for (const auto& d : r.details)
    o[std::string(d.name)] = d.value ? json_number(*d.value) : ordered_json(nullptr);
  if (r.relative_error) o["approximate"] = approximate_json(r);
  return o;
}

std::string ndjson_line(const ordered_json& fields) {
  ordered_json line{{"schema", kSchemaVersion}};
  line.update(fields);
  return dump_json(line) + "\n";
}

std::string render_json(const ResultTable& t) {
  ordered_json doc;
  doc["schema"] = kSchemaVersion;
  doc["metric"] = t.metric->name;
  doc["unit"] = unit_name(t.plan.unit);
  doc["definition"] = t.plan.definition;
  if (!t.definitions.empty()) doc["definitions"] = t.definitions;
  ordered_json after;
  after["total"] = result_json(t.total);
  if (t.total_comparison) after["total"]["baseline"] = comparison_json(*t.total_comparison);
  if (!t.compare.empty()) {
    after["compare"] = t.compare;
    after["confidence"] = json_number(t.confidence);
  }
  after["warnings"] = t.warnings;
  return object_with_rows(
             doc, t.rows, [&](const ResultRow& row) { return row_object(t, row); }, after) +
         "\n";
}

std::string render_ndjson_row(const ResultTable& t, const ResultRow& row) {
  ordered_json line;
  line["metric"] = t.metric->name;
  line["unit"] = unit_name(t.plan.unit);
  line.update(row_object(t, row));
  return ndjson_line(line);
}

std::string render_ndjson_total(const ResultTable& t) {
  ordered_json line;
  line["metric"] = t.metric->name;
  line["unit"] = unit_name(t.plan.unit);
  line["period"] = "total";
  line.update(result_json(t.total));
  if (t.total_comparison) line["baseline"] = comparison_json(*t.total_comparison);
  return ndjson_line(line);
}

std::string render_ndjson(const ResultTable& t) {
  std::string out;
  for (const auto& row : t.rows)
    out += render_ndjson_row(t, row);
  return out + render_ndjson_total(t);
}

}  // namespace cxkpi::cli
