#pragma once
/// The metric catalogue: one row per metric, shared by every input shape and every output.
/// The CLI builds its subcommands, help and numbers-mode flags from this table, so a new
/// metric is one more row here plus its family header.

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "cxkpi/agents.hpp"
#include "cxkpi/engagement.hpp"
#include "cxkpi/handling.hpp"
#include "cxkpi/queue.hpp"
#include "cxkpi/record.hpp"
#include "cxkpi/resolution.hpp"
#include "cxkpi/self_service.hpp"
#include "cxkpi/significance.hpp"
#include "cxkpi/survey.hpp"
#include "cxkpi/timing.hpp"
#include "cxkpi/volume.hpp"
#include "cxkpi/weights.hpp"

namespace cxkpi {

/// Every metric's options in one place, so that one run can finalise several metrics.
struct Settings {
  ContactRateOptions contact_rate;
  CostPerContactOptions cost_per_contact;
  CsatOptions csat;
  NpsOptions nps;
  AbandonmentOptions abandonment;
  AhtOptions aht;
  FcrOptions fcr;
  AvgWaitOptions avg_wait;
  ServiceLevelOptions service_level;
  RecordRules records;  ///< thresholds applied when reading record logs; read them through record_rules()
  ConversionOptions conversion;
  CesOptions ces;
  UtilisationOptions utilisation;
  DurationOptions durations;
  /// article-read-time: median and p90 unless --percentiles says otherwise.
  DurationOptions read_time = [] {
    DurationOptions o;
    o.percentiles = {50, 90};
    return o;
  }();
  /// --weight: the log column holding each survey answer's weight; empty: CSAT, NPS and CES
  /// count every answer once (weights.hpp).
  std::string weight_column;

  /// The rules for reading a record log: `records`, with the survey scales the CSAT and CES
  /// options hold (--scale sets those, and a log's answers are checked against them) and the
  /// handle-time components AHT counts (a contact with one of them blank leaves AHT).
  [[nodiscard]] RecordRules record_rules() const {
    auto rules = records;
    rules.csat_scale = csat.scale;
    rules.ces_scale = ces.scale;
    rules.handle = aht.components;
    return rules;
  }
};

struct MetricSpec {
  std::string_view name;          ///< subcommand name
  std::string_view title;         ///< one-line description
  std::string_view example;       ///< a numbers-mode example with its answer
  std::span<const Field> inputs;  ///< aggregate fields it reads, in flag order
  Plan (*plan)(const Settings&, const FieldSet& present);
  Result (*finalize)(const Sums&, const Settings&);
  /// A metric's own check of one input row beyond part-of-whole (nullptr: none).
  std::optional<Violation> (*check)(const Sums&, const Settings&) = nullptr;
  /// For metrics only a record log can give (no numbers mode): the log columns it reads.
  std::string_view log_columns = {};
  /// The two-sided p-value of the change from `then` to `now` (--compare): a share's
  /// two-proportion test, a mean's Welch test (significance.hpp); nullptr for figures no test
  /// fits (costs, ratios of sums that are no share or mean of contacts).
  std::optional<double> (*p_value)(const Plan&, const Result& now, const Result& then) = nullptr;
};

namespace detail {
inline constexpr std::array kContactRateInputs{Field::contacts, Field::orders, Field::customers};
inline constexpr std::array kCostPerContactInputs{Field::total_cost, Field::contacts, Field::handled};
inline constexpr std::array kCsatInputs{Field::csat_satisfied, Field::csat_responses, Field::csat_1, Field::csat_2,
                                        Field::csat_3,         Field::csat_4,         Field::csat_5, Field::csat_6,
                                        Field::csat_7,         Field::csat_8,         Field::csat_9, Field::csat_10};
inline constexpr std::array kNpsInputs{Field::promoters, Field::passives, Field::detractors, Field::nps_0, Field::nps_1,
                                       Field::nps_2,     Field::nps_3,    Field::nps_4,      Field::nps_5, Field::nps_6,
                                       Field::nps_7,     Field::nps_8,    Field::nps_9,      Field::nps_10};
inline constexpr std::array kAbandonmentInputs{Field::offered, Field::abandoned, Field::short_abandoned, Field::queued};
inline constexpr std::array kAhtInputs{Field::talk_s, Field::hold_s, Field::wrap_s, Field::handled};
inline constexpr std::array kAsaInputs{Field::answer_wait_s, Field::handled};
inline constexpr std::array kAvgWaitInputs{Field::answer_wait_s, Field::abandon_wait_s, Field::handled,
                                           Field::abandoned};
inline constexpr std::array kServiceLevelInputs{Field::answered_in_t, Field::abandoned_in_t, Field::offered,
                                                Field::handled,       Field::abandoned,      Field::short_abandoned};
inline constexpr std::array kHoldInputs{Field::hold_s, Field::handled, Field::held};
inline constexpr std::array kCostPerResolutionInputs{Field::total_cost, Field::resolved};
inline constexpr std::array kConversionInputs{Field::orders, Field::contacts, Field::handled, Field::visits};
inline constexpr std::array kRetentionInputs{Field::customers_start, Field::customers_end, Field::customers_new};
inline constexpr std::array kCesInputs{Field::ces_1, Field::ces_2, Field::ces_3, Field::ces_4,
                                       Field::ces_5, Field::ces_6, Field::ces_7};
inline constexpr std::array kTransferInputs{Field::transfers, Field::handled};
inline constexpr std::array kOccupancyInputs{Field::talk_s, Field::hold_s, Field::wrap_s, Field::idle_s,
                                             Field::handled};
inline constexpr std::array kUtilisationInputs{Field::talk_s, Field::hold_s,      Field::wrap_s,
                                               Field::paid_s, Field::logged_in_s, Field::handled};
inline constexpr std::array kFcrInputs{Field::resolved_first_contact, Field::handled, Field::resolved};
inline constexpr std::array kEngagementInputs{Field::delivered, Field::opened, Field::clicked};
inline constexpr std::array kArticleReadsInputs{Field::views};
inline constexpr std::array kSelfServiceInputs{Field::views, Field::contacts};
inline constexpr std::array kReadTimeInputs{Field::read_s, Field::timed_views, Field::views, Field::bounces};
inline constexpr std::array kAgentSatisfactionInputs{Field::agent_responses, Field::agent_score_total,
                                                     Field::enps_promoters, Field::enps_passives,
                                                     Field::enps_detractors};
}  // namespace detail

inline constexpr auto kMetrics = std::to_array<MetricSpec>({
    {"contact-rate", "contacts per 100 orders (or per 100 customers)",
     "cxkpi contact-rate --contacts 450 --orders 15000  # 3.0", detail::kContactRateInputs,
     [](const Settings& o, const FieldSet& p) { return plan_contact_rate(o.contact_rate, p); },
     [](const Sums& s, const Settings& o) { return contact_rate(s, o.contact_rate); }},
    {"cost-per-contact", "average cost of one contact",
     "cxkpi cost-per-contact --total-cost 71600 --contacts 10000  # 7.16", detail::kCostPerContactInputs,
     [](const Settings& o, const FieldSet& p) { return plan_cost_per_contact(o.cost_per_contact, p); },
     [](const Sums& s, const Settings& o) { return cost_per_contact(s, o.cost_per_contact); }},
    {"csat",
     "customer satisfaction: share of top-2-box answers (or top-1, or mean score)",
     "cxkpi csat --satisfied 200 --responses 250  # 80.0",
     detail::kCsatInputs,
     [](const Settings& o, const FieldSet& p) { return plan_csat(o.csat, p); },
     [](const Sums& s, const Settings& o) {
       return weighed(!o.weight_column.empty(), s, kCsatWeighting, csat_unit(o.csat),
                      [&o](const Sums& v) { return csat(v, o.csat); });
     },
     nullptr,
     {},
     csat_p_value},
    {"nps",
     "Net Promoter Score: % promoters (9-10) minus % detractors (0-6), in points",
     "cxkpi nps --promoters 120 --passives 50 --detractors 30  # 45",
     detail::kNpsInputs,
     [](const Settings&, const FieldSet& p) { return plan_nps(p); },
     [](const Sums& s, const Settings& o) {
       return weighed(!o.weight_column.empty(), s, kNpsWeighting, Unit::points,
                      [&o](const Sums& v) { return nps(v, o.nps); });
     },
     nullptr,
     {},
     nps_p_value},
    {"abandonment",
     "share of offered contacts the customer ended before an agent answered",
     "cxkpi abandonment --offered 1000 --abandoned 90 --short-abandoned 30  # 6.19",
     detail::kAbandonmentInputs,
     [](const Settings& o, const FieldSet& p) { return plan_abandonment(o.abandonment, p); },
     [](const Sums& s, const Settings& o) { return abandonment(s, o.abandonment); },
     nullptr,
     {},
     proportion_p_value},
    {"aht",
     "average handle time: (talk + hold + wrap) / handled, in seconds",
     "cxkpi aht --talk 36000 --hold 3600 --wrap 7200 --handled 200  # 234 s",
     detail::kAhtInputs,
     [](const Settings& o, const FieldSet& p) { return plan_aht(o.aht, p); },
     [](const Sums& s, const Settings& o) { return aht(s, o.aht); },
     nullptr,
     {},
     mean_p_value},
    {"fcr",
     "first-contact resolution: share of handled contacts resolved at the first contact",
     "cxkpi fcr --resolved-first-contact 720 --handled 1000  # 72.0",
     detail::kFcrInputs,
     [](const Settings& o, const FieldSet& p) { return plan_fcr(o.fcr, p); },
     [](const Sums& s, const Settings& o) { return fcr(s, o.fcr); },
     nullptr,
     {},
     proportion_p_value},
    {"asa",
     "average speed of answer: mean queue wait of answered contacts, in seconds",
     "cxkpi asa --answer-wait 137 --handled 8  # 17.125 s",
     detail::kAsaInputs,
     [](const Settings&, const FieldSet& p) { return plan_asa(p); },
     [](const Sums& s, const Settings&) { return asa(s); },
     nullptr,
     {},
     mean_p_value},
    {"avg-wait",
     "average time in queue of all (or answered, or abandoned) contacts, in seconds",
     "cxkpi avg-wait --answer-wait 137 --abandon-wait 55 --handled 8 --abandoned 3  # 17.45 s",
     detail::kAvgWaitInputs,
     [](const Settings& o, const FieldSet& p) { return plan_avg_wait(o.avg_wait, p); },
     [](const Sums& s, const Settings& o) { return avg_wait(s, o.avg_wait); },
     nullptr,
     {},
     mean_p_value},
    {"service-level",
     "share of offered contacts answered within the threshold (default 20 s)",
     "cxkpi service-level --answered-in-t 6 --offered 11  # 54.55",
     detail::kServiceLevelInputs,
     [](const Settings& o, const FieldSet& p) { return plan_service_level(o.service_level, p); },
     [](const Sums& s, const Settings& o) { return service_level(s, o.service_level); },
     nullptr,
     {},
     proportion_p_value},
    {"hold", "average hold time per handled contact, with the share of contacts put on hold",
     "cxkpi hold --hold 250 --handled 8 --held 4  # 31.25 s, 50 % held", detail::kHoldInputs,
     [](const Settings&, const FieldSet& p) { return plan_hold(p); },
     [](const Sums& s, const Settings&) { return hold(s); }},
    {"cost-per-resolution", "cost of producing one resolved contact: all costs / resolved",
     "cxkpi cost-per-resolution --total-cost 44 --resolved 7  # 6.29", detail::kCostPerResolutionInputs,
     [](const Settings&, const FieldSet& p) { return plan_cost_per_resolution(p); },
     [](const Sums& s, const Settings&) { return cost_per_resolution(s); }},
    {"conversion-rate",
     "share of (sales) contacts that produced an order",
     "cxkpi conversion-rate --orders 60 --contacts 500  # 12.0",
     detail::kConversionInputs,
     [](const Settings& o, const FieldSet& p) { return plan_conversion_rate(o.conversion, p); },
     [](const Sums& s, const Settings& o) { return conversion_rate(s, o.conversion); },
     [](const Sums& s, const Settings& o) { return check_conversion(s, o.conversion); },
     {},
     proportion_p_value},
    {"retention-rate", "customers kept: (customers at the end - new ones) / customers at the start",
     "cxkpi retention-rate --customers-start 2000 --customers-end 2100 --customers-new 300  # 90.0",
     detail::kRetentionInputs, [](const Settings&, const FieldSet& p) { return plan_retention_rate(p); },
     [](const Sums& s, const Settings&) { return retention_rate(s); }},
    {"ces", "Customer Effort Score: mean answer (1-7, 7 = easy) and share of low-effort answers",
     "cxkpi ces --scores 2=1,3=1,4=2,6=2,7=2  # 4.875, 50 % low effort", detail::kCesInputs,
     [](const Settings& o, const FieldSet& p) { return plan_ces(o.ces, p); },
     [](const Sums& s, const Settings& o) {
       return weighed(!o.weight_column.empty(), s, kCesWeighting, Unit::score,
                      [&o](const Sums& v) { return ces(v, o.ces); });
     }},
    {"transfer-rate",
     "share of handled contacts transferred to another agent or queue",
     "cxkpi transfer-rate --transfers 1 --handled 8  # 12.5",
     detail::kTransferInputs,
     [](const Settings&, const FieldSet& p) { return plan_transfer_rate(p); },
     [](const Sums& s, const Settings&) { return transfer_rate(s); },
     nullptr,
     {},
     proportion_p_value},
    {"occupancy", "share of staffed, available agent time spent on contacts",
     "cxkpi occupancy --talk 2800 --hold 250 --wrap 540 --idle-s 1410  # 71.8", detail::kOccupancyInputs,
     [](const Settings&, const FieldSet& p) { return plan_occupancy(p); },
     [](const Sums& s, const Settings&) { return occupancy(s); }},
    {"utilisation", "share of paid (or logged-in) agent time spent on contacts",
     "cxkpi utilisation --talk 2800 --hold 250 --wrap 540 --paid-s 7200  # 49.86", detail::kUtilisationInputs,
     [](const Settings& o, const FieldSet& p) { return plan_utilisation(o.utilisation, p); },
     [](const Sums& s, const Settings& o) { return utilisation(s, o.utilisation); }},
    {"first-response-time",
     "time from opening to the first response: mean, percentiles and maximum, in seconds",
     "cxkpi first-response-time tickets.csv --business-hours 'Mon-Fri 09:00-18:00'",
     {},
     [](const Settings& o, const FieldSet&) { return plan_first_response_time(o.durations); },
     [](const Sums& s, const Settings& o) { return first_response_time(s, o.durations); },
     nullptr,
     "opened_at, first_response_at (or first_response_s)"},
    {"resolution-time",
     "time from opening to resolution of resolved contacts: mean, percentiles and maximum",
     "cxkpi resolution-time tickets.csv --by week",
     {},
     [](const Settings& o, const FieldSet&) { return plan_resolution_time(o.durations); },
     [](const Sums& s, const Settings& o) { return resolution_time(s, o.durations); },
     nullptr,
     "opened_at, resolved_at (and resolved)"},
    {"repeat-contact-rate",
     "share of contacts that repeat one by the same customer within the window (default 7 days)",
     "cxkpi repeat-contact-rate calls.csv --window 7d --by week",
     {},
     [](const Settings&, const FieldSet& p) { return plan_repeat_contact_rate(p); },
     [](const Sums& s, const Settings&) { return repeat_contact_rate(s); },
     nullptr,
     "customer_id, opened_at",
     proportion_p_value},
    {"resolved-per-agent",
     "resolved contacts of each agent, with handled, AHT, CSAT and FCR; the total is the mean per agent",
     "cxkpi resolved-per-agent calls.csv --sort value --desc --top 10",
     {},
     [](const Settings&, const FieldSet& p) { return plan_resolved_per_agent(p); },
     [](const Sums& s, const Settings& o) { return resolved_per_agent(s, o.aht, o.csat); },
     nullptr,
     "agent, resolved (and answered, talk_s, hold_s, wrap_s, csat, first_contact_resolved)"},
    {"contacts-to-resolution",
     "contacts per resolved case (mean), with the share of cases resolved in one contact",
     "cxkpi contacts-to-resolution calls.csv --case-by customer --window 7d --by week",
     {},
     [](const Settings&, const FieldSet& p) { return plan_contacts_to_resolution(p); },
     [](const Sums& s, const Settings&) { return contacts_to_resolution(s); },
     nullptr,
     "case_id, or customer_id and opened_at (--case-by customer); resolved"},
    {"engagement", "campaign open rate, with click rate and click-to-open",
     "cxkpi engagement --delivered 400 --opened 200 --clicked 50  # 50.0, clicks 12.5, click-to-open 25.0",
     detail::kEngagementInputs, [](const Settings&, const FieldSet& p) { return plan_engagement(p); },
     [](const Sums& s, const Settings&) { return engagement(s); }},
    {"article-reads", "knowledge-base article views (per article with --group article_id)",
     "cxkpi article-reads views.csv --by week --group article_id", detail::kArticleReadsInputs,
     [](const Settings&, const FieldSet& p) { return plan_article_reads(p); },
     [](const Sums& s, const Settings&) { return article_reads(s); }},
    {"article-read-time",
     "seconds read per article view: mean, median and p90, with the share of bounces (--bounce 10 s)",
     "cxkpi article-read-time views.csv --group article_id", detail::kReadTimeInputs,
     [](const Settings& o, const FieldSet& p) { return plan_article_read_time(o.read_time, o.records.bounce_raw, p); },
     [](const Sums& s, const Settings& o) { return article_read_time(s, o.read_time); }},
    {"self-service-ratio", "knowledge-base views per contact in the same period",
     "cxkpi self-service-ratio --views 12000 --contacts 3000  # 4.0", detail::kSelfServiceInputs,
     [](const Settings&, const FieldSet& p) { return plan_self_service_ratio(p); },
     [](const Sums& s, const Settings&) { return self_service_ratio(s); }},
    {"agent-satisfaction", "agent survey: mean score (1 to --scale) with eNPS (% 9-10 minus % 0-6, in points)",
     "cxkpi agent-satisfaction --agent-responses 3 --agent-score-total 12  # 4.0", detail::kAgentSatisfactionInputs,
     [](const Settings&, const FieldSet& p) { return plan_agent_satisfaction(p); },
     [](const Sums& s, const Settings&) { return agent_satisfaction(s); }},
});

/// Whether a plan needs customer windows (FCR's window method, repeat-contact-rate): rules
/// that keep a record per contact, so that a report includes such metrics only on request.
inline bool needs_customer_windows(const Plan& plan) {
  return std::any_of(plan.required.begin(), plan.required.end(),
                     [](Field f) { return f == Field::customer_contacts || f == Field::window_handled; });
}

/// Whether a plan folds contacts into cases (contacts-to-resolution): a record per contact.
inline bool needs_cases(const Plan& plan) {
  return std::find(plan.required.begin(), plan.required.end(), Field::cases_resolved) != plan.required.end();
}

/// Whether a plan counts distinct agents (resolved-per-agent): a set of agents per bucket.
inline bool needs_agents(const Plan& plan) {
  return std::find(plan.required.begin(), plan.required.end(), Field::agents_handled) != plan.required.end();
}

/// The metric with this subcommand name, or nullptr.
constexpr const MetricSpec* find_metric(std::string_view name) {
  for (const auto& m : kMetrics)
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace cxkpi
