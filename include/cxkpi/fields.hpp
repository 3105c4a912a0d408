#pragma once
/// The canonical additive quantities every cxkpi metric is computed from.
///
/// Period tables name them as columns, record logs derive them per row, and numbers mode
/// takes them as flags; all three fill the same `Sums`, so every metric has one code path.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cxkpi {

/// How a field's values are read and stored.
enum class FieldKind : std::uint8_t {
  count,    ///< a whole number of things (contacts, responses)
  seconds,  ///< a duration, stored exactly in 1/10000 s
  money,    ///< an amount in the input currency, stored exactly in 1/10000 units
};

enum class Field : std::uint8_t {
  contacts,
  orders,
  customers,
  total_cost,
  promoters,
  passives,
  detractors,
  csat_responses,
  csat_satisfied,
  csat_1,
  csat_2,
  csat_3,
  csat_4,
  csat_5,
  csat_6,
  csat_7,
  csat_8,
  csat_9,
  csat_10,
  offered,
  abandoned,
  short_abandoned,
  queued,
  handled,
  talk_s,
  hold_s,
  wrap_s,
  resolved_first_contact,
  resolved,
  answered_in_t,
  abandoned_in_t,
  answer_wait_s,
  abandon_wait_s,
  held,
  customers_start,
  customers_end,
  customers_new,
  transfers,
  idle_s,
  paid_s,
  logged_in_s,
  ces_1,
  ces_2,
  ces_3,
  ces_4,
  ces_5,
  ces_6,
  ces_7,
  first_responses,
  timed_resolutions,
  window_handled,
  window_followed,
  window_immature,
  customer_contacts,
  repeat_contacts,
  no_customer,
  no_issue,
  agents_handled,
  resolved_handled,
  awaiting_first_response,
  awaiting_age_s,
  awaiting_oldest_s,
  awaiting_as_of,
  cases_resolved,
  case_contacts,
  cases_one_contact,
  cases_open,
  no_case,
  visits,
  delivered,
  opened,
  clicked,
  views,
  timed_views,
  bounces,
  read_s,
  agent_responses,
  agent_score_total,
  enps_promoters,
  enps_passives,
  enps_detractors,
  nps_0,
  nps_1,
  nps_2,
  nps_3,
  nps_4,
  nps_5,
  nps_6,
  nps_7,
  nps_8,
  nps_9,
  nps_10,
  handle_s_squared,
  answer_wait_s_squared,
  // Rows of a record log that leave a figure because an input it needs is blank on them
  // (METRICS.md §0): each figure takes its counters back out of its denominator (and what
  // those rows added to its numerator) and reports how many it left out. Period tables and
  // numbers leave them 0.
  outcome_unknown,
  outcome_unknown_costed,
  outcome_unknown_cost,
  answered_untimed,
  abandoned_untimed,
  queue_unknown,
  handle_unknown,
  handle_unknown_talk_s,
  handle_unknown_hold_s,
  handle_unknown_wrap_s,
  hold_unknown,
  transfer_unknown,
  fcr_unknown,
  resolved_fcr_unknown,
  resolution_unknown,
  resolution_unknown_costed,
  resolution_unknown_cost,
  handled_resolution_unknown,
  cost_unknown,
  handled_cost_unknown,
  resolved_cost_unknown,
  // Survey answers weighed by --weight (record logs only): each answer adds its weight, in
  // 1/10000 units, to the twin of the field that counts it (weighted_twin), so a weighted
  // figure is the unweighted formula over these sums. The squares of the weights (raw units
  // squared: 1/10^8) give the effective sample size; the unknown counters count answers
  // whose weight cell is blank.
  weighted_promoters,
  weighted_passives,
  weighted_detractors,
  weighted_csat_1,
  weighted_csat_2,
  weighted_csat_3,
  weighted_csat_4,
  weighted_csat_5,
  weighted_csat_6,
  weighted_csat_7,
  weighted_csat_8,
  weighted_csat_9,
  weighted_csat_10,
  weighted_ces_1,
  weighted_ces_2,
  weighted_ces_3,
  weighted_ces_4,
  weighted_ces_5,
  weighted_ces_6,
  weighted_ces_7,
  csat_weight_squared,
  nps_weight_squared,
  ces_weight_squared,
  csat_weight_unknown,
  nps_weight_unknown,
  ces_weight_unknown,
};

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::ces_weight_unknown) + 1;

struct FieldInfo {
  Field field;
  std::string_view name;  ///< canonical column name (METRICS.md)
  FieldKind kind;
  std::string_view description;
};

inline constexpr std::array<FieldInfo, kFieldCount> kFields{{
    {Field::contacts, "contacts", FieldKind::count, "contacts received"},
    {Field::orders, "orders", FieldKind::count, "orders placed"},
    {Field::customers, "customers", FieldKind::count, "active customers"},
    {Field::total_cost, "total_cost", FieldKind::money, "cost of running the contact centre"},
    {Field::promoters, "promoters", FieldKind::count, "NPS answers 9-10"},
    {Field::passives, "passives", FieldKind::count, "NPS answers 7-8"},
    {Field::detractors, "detractors", FieldKind::count, "NPS answers 0-6"},
    {Field::csat_responses, "csat_responses", FieldKind::count, "CSAT survey responses"},
    {Field::csat_satisfied, "csat_satisfied", FieldKind::count, "CSAT responses in the top two boxes"},
    {Field::csat_1, "csat_1", FieldKind::count, "CSAT responses scoring 1"},
    {Field::csat_2, "csat_2", FieldKind::count, "CSAT responses scoring 2"},
    {Field::csat_3, "csat_3", FieldKind::count, "CSAT responses scoring 3"},
    {Field::csat_4, "csat_4", FieldKind::count, "CSAT responses scoring 4"},
    {Field::csat_5, "csat_5", FieldKind::count, "CSAT responses scoring 5"},
    {Field::csat_6, "csat_6", FieldKind::count, "CSAT responses scoring 6"},
    {Field::csat_7, "csat_7", FieldKind::count, "CSAT responses scoring 7"},
    {Field::csat_8, "csat_8", FieldKind::count, "CSAT responses scoring 8"},
    {Field::csat_9, "csat_9", FieldKind::count, "CSAT responses scoring 9"},
    {Field::csat_10, "csat_10", FieldKind::count, "CSAT responses scoring 10"},
    {Field::offered, "offered", FieldKind::count, "contacts offered to the queue"},
    {Field::abandoned, "abandoned", FieldKind::count, "contacts the customer ended before an agent answered"},
    {Field::short_abandoned, "short_abandoned", FieldKind::count, "abandons shorter than the short-abandon threshold"},
    {Field::queued, "queued", FieldKind::count, "contacts that waited in queue"},
    {Field::handled, "handled", FieldKind::count, "contacts answered by an agent"},
    {Field::talk_s, "talk_s", FieldKind::seconds, "talk time in seconds"},
    {Field::hold_s, "hold_s", FieldKind::seconds, "hold time in seconds"},
    {Field::wrap_s, "wrap_s", FieldKind::seconds, "after-contact work in seconds"},
    {Field::resolved_first_contact, "resolved_first_contact", FieldKind::count,
     "contacts resolved at the first contact"},
    {Field::resolved, "resolved", FieldKind::count, "contacts resolved"},
    {Field::answered_in_t, "answered_in_t", FieldKind::count, "contacts answered within the service-level threshold"},
    {Field::abandoned_in_t, "abandoned_in_t", FieldKind::count, "contacts abandoned within the threshold"},
    {Field::answer_wait_s, "answer_wait_s", FieldKind::seconds, "queue wait of answered contacts, in seconds"},
    {Field::abandon_wait_s, "abandon_wait_s", FieldKind::seconds, "queue wait of abandoned contacts, in seconds"},
    {Field::held, "held", FieldKind::count, "handled contacts put on hold"},
    {Field::customers_start, "customers_start", FieldKind::count, "customers at the start of the period"},
    {Field::customers_end, "customers_end", FieldKind::count, "customers at the end of the period"},
    {Field::customers_new, "customers_new", FieldKind::count, "customers won during the period"},
    {Field::transfers, "transfers", FieldKind::count, "handled contacts transferred to another agent or queue"},
    {Field::idle_s, "idle_s", FieldKind::seconds, "agent time available with no contact, in seconds"},
    {Field::paid_s, "paid_s", FieldKind::seconds, "paid agent time, in seconds"},
    {Field::logged_in_s, "logged_in_s", FieldKind::seconds, "logged-in agent time, in seconds"},
    {Field::ces_1, "ces_1", FieldKind::count, "CES answers scoring 1"},
    {Field::ces_2, "ces_2", FieldKind::count, "CES answers scoring 2"},
    {Field::ces_3, "ces_3", FieldKind::count, "CES answers scoring 3"},
    {Field::ces_4, "ces_4", FieldKind::count, "CES answers scoring 4"},
    {Field::ces_5, "ces_5", FieldKind::count, "CES answers scoring 5"},
    {Field::ces_6, "ces_6", FieldKind::count, "CES answers scoring 6"},
    {Field::ces_7, "ces_7", FieldKind::count, "CES answers scoring 7"},
    {Field::first_responses, "first_responses", FieldKind::count, "contacts with a first response time"},
    {Field::timed_resolutions, "timed_resolutions", FieldKind::count, "resolved contacts with a resolution time"},
    {Field::window_handled, "window_handled", FieldKind::count,
     "handled contacts of known customers judged by the FCR window"},
    {Field::window_followed, "window_followed", FieldKind::count,
     "of those, contacts the same customer followed within the window"},
    {Field::window_immature, "window_immature", FieldKind::count,
     "handled contacts whose window had not ended by --as-of (--censor)"},
    {Field::customer_contacts, "customer_contacts", FieldKind::count, "contacts with a customer id"},
    {Field::repeat_contacts, "repeat_contacts", FieldKind::count,
     "contacts repeating one by the same customer within the window"},
    {Field::no_customer, "no_customer", FieldKind::count, "contacts without a customer id (skipped by window rules)"},
    {Field::no_issue, "no_issue", FieldKind::count,
     "contacts of a known customer with a blank --issue-key cell (skipped by window rules)"},
    {Field::agents_handled, "agents_handled", FieldKind::count,
     "distinct named agents with at least one handled contact"},
    {Field::resolved_handled, "resolved_handled", FieldKind::count, "handled contacts with resolved = 1"},
    {Field::awaiting_first_response, "awaiting_first_response", FieldKind::count,
     "contacts with no first response yet, not resolved"},
    {Field::awaiting_age_s, "awaiting_age_s", FieldKind::seconds,
     "the ages of those contacts at the reference time, added up"},
    {Field::awaiting_oldest_s, "awaiting_oldest_s", FieldKind::seconds, "the oldest of those ages"},
    {Field::awaiting_as_of, "awaiting_as_of", FieldKind::seconds,
     "the reference time of those ages, seconds since 1970-01-01T00:00:00Z (--as-of, or the latest opened_at)"},
    {Field::cases_resolved, "cases_resolved", FieldKind::count, "cases whose last contact was resolved"},
    {Field::case_contacts, "case_contacts", FieldKind::count, "contacts of the resolved cases"},
    {Field::cases_one_contact, "cases_one_contact", FieldKind::count, "resolved cases with a single contact"},
    {Field::cases_open, "cases_open", FieldKind::count, "cases whose last contact was not resolved"},
    {Field::no_case, "no_case", FieldKind::count, "contacts without a case id (skipped by contacts-to-resolution)"},
    {Field::visits, "visits", FieldKind::count, "visits (web or shop sessions) that could convert"},
    {Field::delivered, "delivered", FieldKind::count, "campaign messages delivered"},
    {Field::opened, "opened", FieldKind::count, "delivered messages opened"},
    {Field::clicked, "clicked", FieldKind::count, "delivered messages with a click"},
    {Field::views, "views", FieldKind::count, "knowledge-base article views"},
    {Field::timed_views, "timed_views", FieldKind::count, "article views with a read time (read_s)"},
    {Field::bounces, "bounces", FieldKind::count, "article views read for less than the bounce time"},
    {Field::read_s, "read_s", FieldKind::seconds, "seconds spent reading articles (the sum over timed views)"},
    {Field::agent_responses, "agent_responses", FieldKind::count, "agent survey answers on the score question"},
    {Field::agent_score_total, "agent_score_total", FieldKind::count, "sum of those agent survey scores"},
    {Field::enps_promoters, "enps_promoters", FieldKind::count, "agent eNPS answers 9-10"},
    {Field::enps_passives, "enps_passives", FieldKind::count, "agent eNPS answers 7-8"},
    {Field::enps_detractors, "enps_detractors", FieldKind::count, "agent eNPS answers 0-6"},
    {Field::nps_0, "nps_0", FieldKind::count, "NPS answers scoring 0"},
    {Field::nps_1, "nps_1", FieldKind::count, "NPS answers scoring 1"},
    {Field::nps_2, "nps_2", FieldKind::count, "NPS answers scoring 2"},
    {Field::nps_3, "nps_3", FieldKind::count, "NPS answers scoring 3"},
    {Field::nps_4, "nps_4", FieldKind::count, "NPS answers scoring 4"},
    {Field::nps_5, "nps_5", FieldKind::count, "NPS answers scoring 5"},
    {Field::nps_6, "nps_6", FieldKind::count, "NPS answers scoring 6"},
    {Field::nps_7, "nps_7", FieldKind::count, "NPS answers scoring 7"},
    {Field::nps_8, "nps_8", FieldKind::count, "NPS answers scoring 8"},
    {Field::nps_9, "nps_9", FieldKind::count, "NPS answers scoring 9"},
    {Field::nps_10, "nps_10", FieldKind::count, "NPS answers scoring 10"},
    {Field::handle_s_squared, "handle_s_squared", FieldKind::count,
     "sum of the squared handle times of handled contacts, in whole s² (the spread of AHT)"},
    {Field::answer_wait_s_squared, "answer_wait_s_squared", FieldKind::count,
     "sum of the squared waits of answered contacts, in whole s² (the spread of ASA)"},
    // Left-out counters: the description names the rows, as a warning counts them.
    {Field::outcome_unknown, "outcome_unknown", FieldKind::count,
     "contacts with no answered or abandoned value (blank, and no agent or talk time to tell)"},
    {Field::outcome_unknown_costed, "outcome_unknown_costed", FieldKind::count,
     "contacts with no answered or abandoned value (blank, and no agent or talk time to tell)"},
    {Field::outcome_unknown_cost, "outcome_unknown_cost", FieldKind::money, "cost of contacts with an unknown outcome"},
    {Field::answered_untimed, "answered_untimed", FieldKind::count, "answered contacts with a blank wait_s"},
    {Field::abandoned_untimed, "abandoned_untimed", FieldKind::count, "abandoned contacts with a blank wait_s"},
    {Field::queue_unknown, "queue_unknown", FieldKind::count,
     "contacts not abandoned with a blank wait_s (queued or not is unknown)"},
    {Field::handle_unknown, "handle_unknown", FieldKind::count, "answered contacts with a blank handle-time component"},
    {Field::handle_unknown_talk_s, "handle_unknown_talk_s", FieldKind::seconds,
     "talk time of answered contacts with a blank handle-time component"},
    {Field::handle_unknown_hold_s, "handle_unknown_hold_s", FieldKind::seconds,
     "hold time of answered contacts with a blank handle-time component"},
    {Field::handle_unknown_wrap_s, "handle_unknown_wrap_s", FieldKind::seconds,
     "wrap time of answered contacts with a blank handle-time component"},
    {Field::hold_unknown, "hold_unknown", FieldKind::count, "answered contacts with a blank hold_s"},
    {Field::transfer_unknown, "transfer_unknown", FieldKind::count, "answered contacts with a blank transferred"},
    {Field::fcr_unknown, "fcr_unknown", FieldKind::count, "answered contacts with a blank first_contact_resolved"},
    {Field::resolved_fcr_unknown, "resolved_fcr_unknown", FieldKind::count,
     "resolved contacts with a blank first_contact_resolved or outcome"},
    {Field::resolution_unknown, "resolution_unknown", FieldKind::count, "contacts with a blank resolved"},
    {Field::resolution_unknown_costed, "resolution_unknown_costed", FieldKind::count, "contacts with a blank resolved"},
    {Field::resolution_unknown_cost, "resolution_unknown_cost", FieldKind::money,
     "cost of contacts with a blank resolved"},
    {Field::handled_resolution_unknown, "handled_resolution_unknown", FieldKind::count,
     "answered contacts with a blank resolved"},
    {Field::cost_unknown, "cost_unknown", FieldKind::count, "contacts with a blank cost"},
    {Field::handled_cost_unknown, "handled_cost_unknown", FieldKind::count, "answered contacts with a blank cost"},
    {Field::resolved_cost_unknown, "resolved_cost_unknown", FieldKind::count, "resolved contacts with a blank cost"},
    {Field::weighted_promoters, "weighted_promoters", FieldKind::money, "weights of the promoters' NPS answers"},
    {Field::weighted_passives, "weighted_passives", FieldKind::money, "weights of the passives' NPS answers"},
    {Field::weighted_detractors, "weighted_detractors", FieldKind::money, "weights of the detractors' NPS answers"},
    {Field::weighted_csat_1, "weighted_csat_1", FieldKind::money, "weights of the CSAT answers scoring 1"},
    {Field::weighted_csat_2, "weighted_csat_2", FieldKind::money, "weights of the CSAT answers scoring 2"},
    {Field::weighted_csat_3, "weighted_csat_3", FieldKind::money, "weights of the CSAT answers scoring 3"},
    {Field::weighted_csat_4, "weighted_csat_4", FieldKind::money, "weights of the CSAT answers scoring 4"},
    {Field::weighted_csat_5, "weighted_csat_5", FieldKind::money, "weights of the CSAT answers scoring 5"},
    {Field::weighted_csat_6, "weighted_csat_6", FieldKind::money, "weights of the CSAT answers scoring 6"},
    {Field::weighted_csat_7, "weighted_csat_7", FieldKind::money, "weights of the CSAT answers scoring 7"},
    {Field::weighted_csat_8, "weighted_csat_8", FieldKind::money, "weights of the CSAT answers scoring 8"},
    {Field::weighted_csat_9, "weighted_csat_9", FieldKind::money, "weights of the CSAT answers scoring 9"},
    {Field::weighted_csat_10, "weighted_csat_10", FieldKind::money, "weights of the CSAT answers scoring 10"},
    {Field::weighted_ces_1, "weighted_ces_1", FieldKind::money, "weights of the CES answers scoring 1"},
    {Field::weighted_ces_2, "weighted_ces_2", FieldKind::money, "weights of the CES answers scoring 2"},
    {Field::weighted_ces_3, "weighted_ces_3", FieldKind::money, "weights of the CES answers scoring 3"},
    {Field::weighted_ces_4, "weighted_ces_4", FieldKind::money, "weights of the CES answers scoring 4"},
    {Field::weighted_ces_5, "weighted_ces_5", FieldKind::money, "weights of the CES answers scoring 5"},
    {Field::weighted_ces_6, "weighted_ces_6", FieldKind::money, "weights of the CES answers scoring 6"},
    {Field::weighted_ces_7, "weighted_ces_7", FieldKind::money, "weights of the CES answers scoring 7"},
    {Field::csat_weight_squared, "csat_weight_squared", FieldKind::count,
     "squares of the weights of the CSAT answers, in 1/10^8"},
    {Field::nps_weight_squared, "nps_weight_squared", FieldKind::count,
     "squares of the weights of the NPS answers, in 1/10^8"},
    {Field::ces_weight_squared, "ces_weight_squared", FieldKind::count,
     "squares of the weights of the CES answers, in 1/10^8"},
    {Field::csat_weight_unknown, "csat_weight_unknown", FieldKind::count, "CSAT answers with a blank weight"},
    {Field::nps_weight_unknown, "nps_weight_unknown", FieldKind::count, "NPS answers with a blank weight"},
    {Field::ces_weight_unknown, "ces_weight_unknown", FieldKind::count, "CES answers with a blank weight"},
}};

constexpr std::size_t index_of(Field f) {
  return static_cast<std::size_t>(f);
}
constexpr const FieldInfo& info(Field f) {
  return kFields[index_of(f)];
}
constexpr std::string_view name_of(Field f) {
  return info(f).name;
}

namespace detail {
/// Whether row i of `table` describes enumerator i, so that the enum indexes the table.
template <typename Table, typename Member>
constexpr bool follows_enum_order(const Table& table, Member member) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].*member) != i) return false;
  return true;
}
}  // namespace detail

static_assert(detail::follows_enum_order(kFields, &FieldInfo::field), "kFields must list the fields in enum order");

/// The field with this canonical name, if any.
constexpr std::optional<Field> field_named(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return f.field;
  return std::nullopt;
}

inline constexpr int kMaxCsatScale = 10;

inline constexpr int kMaxCesScale = 7;

/// The histogram field that counts CES answers with `score` (1 … 7).
constexpr Field ces_score_field(int score) {
  return static_cast<Field>(index_of(Field::ces_1) + static_cast<std::size_t>(score - 1));
}

inline constexpr int kMaxNpsScore = 10;

/// The histogram field that counts NPS answers with `score` (0 … 10).
constexpr Field nps_score_field(int score) {
  return static_cast<Field>(index_of(Field::nps_0) + static_cast<std::size_t>(score));
}

/// The histogram field that counts CSAT answers with `score` (1 … 10).
constexpr Field csat_score_field(int score) {
  return static_cast<Field>(index_of(Field::csat_1) + static_cast<std::size_t>(score - 1));
}

/// The field that sums the weights of the answers `f` counts (csat_4 → weighted_csat_4,
/// promoters → weighted_promoters), for the survey answers a record log weighs (--weight);
/// nullopt for every other field.
constexpr std::optional<Field> weighted_twin(Field f) {
  const auto in = [f](Field first, Field last) {
    return index_of(f) >= index_of(first) && index_of(f) <= index_of(last);
  };
  const auto shifted = [f](Field from, Field to) {
    return static_cast<Field>(index_of(to) + index_of(f) - index_of(from));
  };
  if (in(Field::promoters, Field::detractors)) return shifted(Field::promoters, Field::weighted_promoters);
  if (in(Field::csat_1, Field::csat_10)) return shifted(Field::csat_1, Field::weighted_csat_1);
  if (in(Field::ces_1, Field::ces_7)) return shifted(Field::ces_1, Field::weighted_ces_1);
  return std::nullopt;
}

}  // namespace cxkpi
