#include "records/field_sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "errors.hpp"
#include "records/record_columns.hpp"

namespace cxkpi::cli {
namespace {

// Fields that no one record column supplies alone: totals given as flags, and fields of
// two columns together. Any other field comes from the column whose presence adds it to
// supplied_fields, or else is named as itself.
struct FieldSource {
  Field field;
  std::string_view columns;
};

constexpr std::array kFieldSources{
    FieldSource{Field::orders, "orders (give --orders N)"},
    FieldSource{Field::customers, "customers (give --customers N)"},
    FieldSource{Field::contacts, "contacts (give --contacts N or --base-file)"},
    FieldSource{Field::first_responses, "opened_at and first_response_at (or first_response_s)"},
    FieldSource{Field::timed_resolutions, "opened_at and resolved_at"},
    FieldSource{Field::window_handled, "customer_id and opened_at"},
    FieldSource{Field::customer_contacts, "customer_id and opened_at"},
    FieldSource{Field::views, "article views (viewed_at, article_id or read_s)"},
    FieldSource{Field::cases_resolved, "case_id (or customer_id and opened_at with --case-by customer)"},
};

// The column that adds `f` to what a log that tells answered from abandoned supplies, under
// rules that let every column supply all it can (every scale point, short abandons).
std::optional<RecordField> column_supplying(Field f) {
  RecordRules rules;
  rules.short_abandon_raw = 1;
  rules.csat_scale = kMaxCsatScale;
  rules.ces_scale = kMaxCesScale;
  const auto without = supplied_fields({RecordField::answered}, rules);
  if (without.has(f)) return std::nullopt;  // every such contact log counts it: no column to name
  for (const auto& column : record_columns())
    if (supplied_fields({column.field, RecordField::answered}, rules).has(f)) return column.field;
  return std::nullopt;
}

// Whether the plan needs to know which contacts were answered and the log cannot tell.
bool lacks_evidence(const Plan& plan, const FieldSet& supplied) {
  const auto needs_outcome = [](Field f) {
    return std::find(kOutcomeFields.begin(), kOutcomeFields.end(), f) != kOutcomeFields.end();
  };
  return !supplied.has(Field::handled) && std::any_of(plan.required.begin(), plan.required.end(), needs_outcome);
}

}  // namespace

std::string_view record_source_of(Field f) {
  for (const auto& s : kFieldSources)
    if (s.field == f) return s.columns;
  if (const auto column = column_supplying(f)) return record_field_name(*column);
  return name_of(f);
}

std::string no_outcome_evidence(std::string_view metric) {
  return fmt::format(
      "{} needs to know which contacts were answered: the log has none of answered, abandoned, agent, talk_s or "
      "wait_s",
      metric);
}

void require_fields(const MetricSpec& metric, const Plan& plan, const FieldSet& supplied, const std::string& source,
                    const Preset* preset) {
  if (const auto reason = preset != nullptr ? unsupported_reason(*preset, metric.name) : std::nullopt)
    throw Error::data(
        fmt::format("{}: {} is not available from the {} export: {}", source, metric.name, preset->name, *reason));
  if (!plan.problem.empty()) throw Error::data(fmt::format("{}: {}", source, plan.problem));
  if (lacks_evidence(plan, supplied))
    throw Error::data(fmt::format("{}: {}", source, no_outcome_evidence(metric.name)));
  std::vector<std::string_view> missing;
  for (const Field f : plan.required) {
    const auto column = record_source_of(f);
    if (!supplied.has(f) && std::find(missing.begin(), missing.end(), column) == missing.end())
      missing.push_back(column);
  }
  if (!missing.empty())
    throw Error::data(fmt::format("{}: {} needs {} in the log", source, metric.name, fmt::join(missing, ", ")));
}

}  // namespace cxkpi::cli
