#include "records/field_sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "errors.hpp"

namespace cxkpi::cli {
namespace {

// Which record columns a missing aggregate field would come from, for messages.
struct FieldSource {
  Field field;
  std::string_view columns;
};
constexpr std::array kFieldSources{
    FieldSource{Field::answer_wait_s, "wait_s"},
    FieldSource{Field::abandon_wait_s, "wait_s"},
    FieldSource{Field::answered_in_t, "wait_s"},
    FieldSource{Field::abandoned_in_t, "wait_s"},
    FieldSource{Field::queued, "wait_s"},
    FieldSource{Field::short_abandoned, "wait_s"},
    FieldSource{Field::held, "hold_s"},
    FieldSource{Field::transfers, "transferred"},
    FieldSource{Field::resolved_first_contact, "first_contact_resolved"},
    FieldSource{Field::total_cost, "cost"},
    FieldSource{Field::promoters, "nps"},
    FieldSource{Field::passives, "nps"},
    FieldSource{Field::detractors, "nps"},
    FieldSource{Field::orders, "orders (give --orders N)"},
    FieldSource{Field::customers, "customers (give --customers N)"},
    FieldSource{Field::first_responses, "opened_at and first_response_at"},
    FieldSource{Field::timed_resolutions, "opened_at and resolved_at"},
    FieldSource{Field::window_handled, "customer_id and opened_at"},
    FieldSource{Field::customer_contacts, "customer_id and opened_at"},
    FieldSource{Field::contacts, "contacts (give --contacts N or --base-file)"},
    FieldSource{Field::views, "article views (viewed_at, article_id or read_s)"},
    FieldSource{Field::timed_views, "read_s"},
    FieldSource{Field::bounces, "read_s"},
    FieldSource{Field::agent_responses, "agent_score"},
    FieldSource{Field::agent_score_total, "agent_score"},
    FieldSource{Field::enps_promoters, "enps_score"},
    FieldSource{Field::enps_passives, "enps_score"},
    FieldSource{Field::enps_detractors, "enps_score"},
    FieldSource{Field::cases_resolved, "case_id (or customer_id and opened_at with --case-by customer)"},
    FieldSource{Field::agents_handled, "agent"},
};

}  // namespace

std::string_view record_source_of(Field f) {
  for (const auto& s : kFieldSources)
    if (s.field == f) return s.columns;
  if (index_of(f) >= index_of(Field::csat_1) && index_of(f) <= index_of(Field::csat_10)) return "csat";
  return name_of(f);
}

void require_fields(const MetricSpec& metric, const Plan& plan, const FieldSet& supplied, const std::string& source) {
  if (!plan.problem.empty()) throw Error::data(fmt::format("{}: {}", source, plan.problem));
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
