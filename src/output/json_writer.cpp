#include <cmath>
#include <nlohmann/json.hpp>

#include "output/format.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

// Whole numbers print as integers (841, not 841.0); others keep every digit.
ordered_json number(double v) {
  constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53
  if (std::fabs(v) < kExactIntegerLimit && std::trunc(v) <= v && std::trunc(v) >= v)
    return static_cast<std::int64_t>(v);
  return v + 0.0;
}

ordered_json result_object(const Result& r) {
  ordered_json o;
  o["value"] = r.value ? number(*r.value) : ordered_json(nullptr);
  o["numerator"] = number(r.numerator);
  o["denominator"] = number(r.denominator);
  o["n"] = r.n;
  if (!r.value) o["reason"] = r.reason;
  for (const auto& d : r.details)
    o[std::string(d.name)] = d.value ? number(*d.value) : ordered_json(nullptr);
  return o;
}

ordered_json row_object(const ResultTable& t, const ResultRow& row) {
  ordered_json o;
  o["period"] = row.period;
  ordered_json group = ordered_json::object();
  for (std::size_t i = 0; i < t.label_names.size(); ++i)
    group[t.label_names[i]] = row.labels[i];
  o["group"] = std::move(group);
  o.update(result_object(row.result));
  return o;
}

}  // namespace

std::string render_json(const ResultTable& t) {
  ordered_json doc;
  doc["schema"] = 1;
  doc["metric"] = t.metric->name;
  doc["unit"] = t.plan.unit;
  doc["definition"] = t.plan.definition;
  doc["rows"] = ordered_json::array();
  for (const auto& row : t.rows)
    doc["rows"].push_back(row_object(t, row));
  doc["total"] = result_object(t.total);
  doc["warnings"] = t.warnings;
  return doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_ndjson(const ResultTable& t) {
  std::string out;
  const auto emit = [&](ordered_json o) {
    ordered_json line;
    line["metric"] = t.metric->name;
    line["unit"] = t.plan.unit;
    line.update(o);
    out += line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  };
  for (const auto& row : t.rows)
    emit(row_object(t, row));
  ordered_json total;
  total["period"] = "total";
  total.update(result_object(t.total));
  emit(std::move(total));
  return out;
}

}  // namespace cxkpi::cli
