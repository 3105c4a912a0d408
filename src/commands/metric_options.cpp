#include "commands/metric_options.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "commands/choice.hpp"
#include "commands/definitions.hpp"
#include "commands/number_flags.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "records/holidays.hpp"
#include "records/timestamps.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

void add_contact_rate(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<ContactBase>(
      app, "--per", {{"orders", ContactBase::orders}, {"customers", ContactBase::customers}},
      [&s](ContactBase b) { s.contact_rate.per = b; }, "base: contacts per 100 orders (default) or per 100 customers");
}

void add_cost_per_contact(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<CostBase>(
      app, "--per", {{"contact", CostBase::contacts}, {"handled", CostBase::handled}},
      [&s](CostBase b) { s.cost_per_contact.per = b; }, "divide by all contacts (default) or by handled contacts");
}

// The most seconds a threshold, a short abandon or a bounce may be: a day.
constexpr double kMaxSecondsFlag = 86400;

// A level strictly between 0 and 1 (CLI::Range would accept the ends, where z is infinite).
const CLI::Validator kOpenUnitInterval(
    [](const std::string& text) {
      const auto level = parse_finite(text);
      const bool ok = level && *level > 0 && *level < 1;
      return ok ? std::string() : "a confidence level is strictly between 0 and 1 (e.g. 0.95), not " + text;
    },
    "LEVEL in (0,1)");

// --confidence and --ci: the sampling interval of a survey score, whose level --compare's
// tests take too.
void add_confidence(CLI::App& app, MetricExtras& extras, double& level, std::string_view formula) {
  app.add_option_function<double>(
         "--confidence", [&level, &extras](double l) { level = extras.confidence = l; },
         fmt::format("confidence level of the interval and of --compare's tests, in (0,1) (default 0.95; always in "
                     "JSON as ci_low, ci_high; {})",
                     formula))
      ->check(kOpenUnitInterval);
  app.add_flag("--ci", extras.intervals, "show the confidence interval in tables and CSV too")->group("Output");
}

// --scores: the count of each answer, checked against `scale` once the flags are read.
void add_scores(CLI::App& app, MetricExtras& extras, Field (*field)(int), const int& scale, std::string_view example) {
  app.add_option("--scores", extras.scores, fmt::format("answers per score, e.g. {}", example))->group("Numbers");
  extras.score_field = field;
  extras.score_scale = &scale;
}

// --weight COLUMN: the survey answers of a record log weighed by a column's decimals. A log
// setting (not an input flag): a state records it, and merge weighs the merged sums too.
void add_weight(CLI::App& app, Settings& s) {
  app.add_option("--weight", s.weight_column,
                 "record logs: weigh each survey answer by this column's number (a decimal >= 0, at most 4 "
                 "decimals; blank leaves the answer out); the unweighted figure and n_eff (Kish) are shown beside")
      ->type_name("COLUMN")
      ->group("Record logs");
}

void add_csat(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_weight(app, s);
  app.add_option("--scale", s.csat.scale, "answers run from 1 to this (5, 7 or 10)")
      ->check(CLI::IsMember({5, 7, 10}))
      ->default_val(5);
  add_choice<CsatMethod>(
      app, "--method", {{"top2", CsatMethod::top2}, {"top1", CsatMethod::top1}, {"mean", CsatMethod::mean}},
      [&s](CsatMethod m) { s.csat.method = m; },
      "top2 (default): % scoring scale-1 or more; top1: % scoring the top; mean: average score");
  app.add_option_function<int>(
      "--satisfied-min", [&s](int k) { s.csat.satisfied_min = k; }, "lowest score that counts as satisfied");
  add_scores(app, extras, csat_score_field, s.csat.scale, "1=10,2=10,3=30,4=80,5=120");
  add_confidence(app, extras, s.csat.confidence,
                 "top-box shares: Wilson score interval; mean: mean ± t·s/√n, Student's t with n − 1 degrees of "
                 "freedom, s from Σscore²");
}

// NPS answers run 0 … 10 whatever the options: the scale --scores checks them against.
constexpr int kNpsScale = kMaxNpsScore;

void add_nps(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_weight(app, s);
  add_scores(app, extras, nps_score_field, kNpsScale, "0=10,5=10,7=20,9=40,10=60");
  extras.score_low = 0;
  add_confidence(app, extras, s.nps.confidence,
                 "margin_of_error = z·sqrt((P + D − (P − D)²)/n)·100 points, P and D the shares of "
                 "promoters and detractors");
}

void add_short_abandon(CLI::App& app, Settings& s) {
  app.add_option_function<double>(
         "--short-abandon",
         [&s](double seconds) { s.records.short_abandon_raw = std::llround(seconds * kAmountScale); },
         "record logs: abandons after waiting less than this many seconds are short and left out")
      ->check(decimal_in(0, kMaxSecondsFlag));
}

void add_threshold(CLI::App& app, Settings& s) {
  app.add_option_function<double>(
         "--threshold", [&s](double seconds) { s.records.threshold_raw = std::llround(seconds * kAmountScale); },
         "record logs: answered within this many seconds counts (default 20)")
      ->check(decimal_in(0, kMaxSecondsFlag));
  app.add_flag_callback(
      "--strict", [&s] { s.records.strict = true; }, "within the threshold means strictly less than it");
}

void add_abandonment(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_short_abandon(app, s);
  auto* den = add_choice<AbandonBase>(
      app, "--den", {{"offered", AbandonBase::offered}, {"queued", AbandonBase::queued}},
      [&s](AbandonBase b) { s.abandonment.den = b; }, "divide by offered (default) or by queued contacts");
  add_definitions_flag(app, extras.definitions)->excludes(den);
}

void add_aht(CLI::App& app, Settings& s, MetricExtras&) {
  app.add_option_function<std::vector<std::string>>(
         "--components",
         [&s](const std::vector<std::string>& names) {
           s.aht.components = {false, false, false};
           for (const auto& n : names) {
             if (n == "talk") s.aht.components.talk = true;
             if (n == "hold") s.aht.components.hold = true;
             if (n == "wrap") s.aht.components.wrap = true;
           }
         },
         "handle-time parts to add up (default talk,hold,wrap)")
      ->delimiter(',')
      ->transform(CLI::IsMember({"talk", "hold", "wrap"}, CLI::ignore_case));
}

void add_window(CLI::App& app, MetricExtras& extras, std::string_view what) {
  app.add_option("--window", extras.window, fmt::format("{} (default 7d; e.g. 24h, 30d)", what));
}

// --issue-key: customer windows keyed by customer and issue.
void add_issue_key(CLI::App& app, MetricExtras& extras) {
  app.add_option("--issue-key", extras.issue_key,
                 "a column naming the contact's issue (e.g. topic): a contact repeats (or follows) another only on "
                 "the same issue; a blank cell leaves the contact out (no_issue)");
}

void add_fcr(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_choice<FcrBase>(
      app, "--den", {{"handled", FcrBase::handled}, {"resolved", FcrBase::resolved}},
      [&s](FcrBase b) { s.fcr.den = b; }, "divide by handled (default) or by resolved contacts");
  add_choice<FcrMethod>(
      app, "--method", {{"flag", FcrMethod::flag}, {"window", FcrMethod::window}},
      [&s](FcrMethod m) { s.fcr.method = m; },
      "flag (default): the first_contact_resolved column; window: resolved unless the same customer_id "
      "comes back within --window (--window and --issue-key imply it)");
  add_window(app, extras, "window method: a contact followed by the same customer within this is not resolved");
  add_issue_key(app, extras);
  app.add_flag("--censor", extras.censor, "window method: leave out contacts whose window ends after --as-of");
  app.add_option("--as-of", extras.as_of, "window method: when the data ends (default the latest opened_at)");
}

void add_repeat_contact(CLI::App& app, Settings&, MetricExtras& extras) {
  add_window(app, extras, "a contact within this after the same customer's previous one is a repeat");
  add_issue_key(app, extras);
  app.add_option_function<std::string>(
         "--scope", [&extras](const std::string& scope) { extras.handled_only = scope == "handled"; },
         "all (default: every contact, an abandoned try too) or handled contacts only")
      ->check(CLI::IsMember({"all", "handled"}));
}

void add_contacts_to_resolution(CLI::App& app, Settings&, MetricExtras& extras) {
  app.add_option_function<std::string>(
         "--case-by", [&extras](const std::string& by) { extras.case_by_customer = by == "customer"; },
         "case (default): rows sharing case_id are one case; customer: a customer's contacts each within "
         "--window of the one before are one case. A case is resolved when its last contact (by opened_at, then "
         "id; input order without times) has resolved = 1, else open (counted apart); it belongs to the period "
         "and groups of its first contact")
      ->check(CLI::IsMember({"case", "customer"}));
  add_window(app, extras,
             "with --case-by customer: a contact within this after the customer's previous one continues its case");
}

void add_resolved_per_agent(CLI::App& app, Settings&, MetricExtras& extras) {
  app.add_option("--per-hour", extras.per_hour,
                 "a table of agent, logged_in_s (and period, to match --by): adds per_hour, resolved contacts per "
                 "logged-in hour");
}

void add_avg_wait(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<WaitScope>(
      app, "--scope", {{"all", WaitScope::all}, {"answered", WaitScope::answered}, {"abandoned", WaitScope::abandoned}},
      [&s](WaitScope w) { s.avg_wait.scope = w; },
      "all offered contacts (default), answered ones (ASA) or abandoned ones");
}

void add_service_level(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_threshold(app, s);
  add_short_abandon(app, s);
  auto* mode = add_choice<ServiceLevelMode>(
      app, "--mode",
      {{"offered", ServiceLevelMode::offered},
       {"answered", ServiceLevelMode::answered},
       {"offered-minus-short", ServiceLevelMode::offered_minus_short},
       {"answered-plus-abandoned", ServiceLevelMode::answered_plus_abandoned},
       {"abandons-positive", ServiceLevelMode::abandons_positive},
       {"abandons-ignored", ServiceLevelMode::abandons_ignored}},
      [&s](ServiceLevelMode m) { s.service_level.mode = m; },
      "denominator: offered (default), answered, offered-minus-short, answered-plus-abandoned, "
      "abandons-positive or abandons-ignored");
  add_definitions_flag(app, extras.definitions)->excludes(mode);
}

void add_conversion(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<ConversionBase>(
      app, "--den",
      {{"contacts", ConversionBase::contacts},
       {"handled", ConversionBase::handled},
       {"visits", ConversionBase::visits}},
      [&s](ConversionBase b) { s.conversion.den = b; },
      "divide by all contacts (default), by handled contacts or by visits");
  app.add_flag_callback(
      "--allow-multi-orders", [&s] { s.conversion.allow_multi_orders = true; },
      "accept more orders than contacts (a contact may bring several orders)");
}

void add_ces(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_weight(app, s);
  app.add_option("--scale", s.ces.scale, "answers run from 1 to this (7 or 5)")->check(CLI::IsMember({7, 5}));
  add_choice<EffortDirection>(
      app, "--direction", {{"easy-high", EffortDirection::easy_high}, {"effort-high", EffortDirection::effort_high}},
      [&s](EffortDirection d) { s.ces.direction = d; },
      "easy-high (default): high answers mean little effort; effort-high: the reverse");
  app.add_option_function<int>(
      "--low-effort-cut", [&s](int k) { s.ces.low_effort_cut = k; }, "the score where low effort starts");
  add_scores(app, extras, ces_score_field, s.ces.scale, "2=1,3=1,4=2,6=2,7=2");
}

void add_utilisation(CLI::App& app, Settings& s, MetricExtras&) {
  add_choice<UtilisationBase>(
      app, "--base", {{"paid", UtilisationBase::paid}, {"logged-in", UtilisationBase::logged_in}},
      [&s](UtilisationBase b) { s.utilisation.base = b; }, "divide by paid time (default) or by logged-in time");
}

// --percentiles, --percentile-method, and --approx with its --exact-limit, for any per-row
// duration. Percentiles are exact at any size unless --approx asks for the bounded sketch.
void add_percentiles(CLI::App& app, DurationOptions& d, RecordRules& rules, std::string_view defaults) {
  app.add_option("--percentiles", d.percentiles,
                 fmt::format("percentiles to report, in percent (default {})", defaults))
      ->delimiter(',')
      ->check(decimal_in(0, 100));
  add_choice<PercentileMethod>(
      app, "--percentile-method",
      {{"linear", PercentileMethod::linear}, {"nearest-rank", PercentileMethod::nearest_rank}},
      [&d](PercentileMethod m) { d.method = m; },
      "linear (default; NumPy, Excel PERCENTILE.INC) or nearest-rank (the value at rank ceil(p*n))");
  auto* approx = app.add_flag_callback(
      "--approx",
      [&rules] {
        if (rules.exact_limit == kExactAtAnySize) rules.exact_limit = kApproxExactLimit;
      },
      fmt::format("past --exact-limit distinct durations per bucket, percentiles come from a sketch in bounded "
                  "memory, each within {:g} % of the exact value and marked so (default: exact at any size)",
                  kSketchRelativeError * 100));
  app.add_option(
         "--exact-limit", rules.exact_limit,
         fmt::format("with --approx: distinct durations kept exactly per bucket (default {})", kApproxExactLimit))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->needs(approx);
}

void add_durations(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_percentiles(app, s.durations, s.records, "50,90,95");
  add_business_hours(app, s, extras);
}

}  // namespace

void add_business_hours(CLI::App& app, Settings& s, MetricExtras& extras) {
  app.add_option_function<std::string>(
      "--business-hours",
      [&s](const std::string& spec) {
        std::string error;
        s.records.business_hours = BusinessCalendar::parse(spec, error);
        if (!s.records.business_hours) throw CLI::ValidationError("--business-hours", error);
        s.durations.business_hours = true;
      },
      "count only seconds inside opening hours in --tz, e.g. \"Mon-Fri 09:00-18:00; Sat 10:00-14:00\"");
  app.add_option("--holidays", extras.holidays,
                 "with --business-hours: a file of closed dates (YYYY-MM-DD, one a line)");
}

namespace {

void add_first_response(CLI::App& app, Settings& s, MetricExtras& extras) {
  add_durations(app, s, extras);
  app.add_flag("--awaiting", extras.awaiting,
               "also count the contacts still waiting for a first response (blank first_response_at, not resolved "
               "or abandoned), with their oldest and mean age at --as-of");
  app.add_option("--as-of", extras.as_of,
                 "with --awaiting: the time the ages are measured at (default the latest opened_at; either is stated)");
}

void add_read_time(CLI::App& app, Settings& s, MetricExtras&) {
  add_percentiles(app, s.read_time, s.records, "50,90");
  app.add_option_function<double>(
         "--bounce", [&s](double seconds) { s.records.bounce_raw = std::llround(seconds * kAmountScale); },
         fmt::format("a view read for less than this many seconds is a bounce (default {})", kDefaultBounceSeconds))
      ->check(decimal_in(0, kMaxSecondsFlag));
}

void add_agent_satisfaction(CLI::App& app, Settings& s, MetricExtras&) {
  app.add_option("--scale", s.records.agent_scale, "record logs: agent_score answers run from 1 to this (default 5)")
      ->check(CLI::Range(2, 10));
}

std::int64_t window_seconds(const std::string& text) {
  const auto w = parse_duration(text);
  if (!w.ok()) throw Error::usage("--window: " + w.error);
  return (w.raw + kAmountScale - 1) / kAmountScale;
}

// --as-of TIME in UTC seconds (a time without zone is in --tz); nullopt when not given.
std::optional<std::int64_t> as_of_seconds(const MetricExtras& extras, const std::string& tz) {
  if (extras.as_of.empty()) return std::nullopt;
  std::string error;
  const auto t = parse_timestamp(extras.as_of, error);
  if (!t) throw Error::usage("--as-of: " + error);
  return LocalClock(tz).utc_seconds(*t);
}

// --window, --censor, --as-of and --issue-key as the window rules the reader applies.
WindowRules window_rules(const MetricExtras& extras, const std::string& tz) {
  WindowRules rules;
  if (!extras.window.empty()) rules.window_s = window_seconds(extras.window);
  rules.censor = extras.censor;
  rules.repeat_handled_only = extras.handled_only;
  rules.as_of = as_of_seconds(extras, tz);
  rules.issue_key = extras.issue_key;
  return rules;
}

// fcr judges contacts by customer windows with --method window (which --window implies).
void validate_fcr(Settings& s, const MetricExtras& extras, const std::string& tz) {
  if (!extras.window.empty() || !extras.issue_key.empty()) s.fcr.method = FcrMethod::window;
  if (s.fcr.method == FcrMethod::window) s.records.window = window_rules(extras, tz);
}

void validate_service_level(Settings& s, const MetricExtras& extras, const std::string&) {
  apply_definitions(extras.definitions, s, true);
}

void validate_abandonment(Settings& s, const MetricExtras& extras, const std::string&) {
  apply_definitions(extras.definitions, s, false);
}

void validate_first_response(Settings& s, const MetricExtras& extras, const std::string& tz) {
  if (!extras.awaiting) {
    if (!extras.as_of.empty()) throw Error::usage("--as-of measures the ages of --awaiting: give --awaiting");
    return;
  }
  s.records.awaiting = AwaitingRules{as_of_seconds(extras, tz)};
}

void validate_repeat_contact(Settings& s, const MetricExtras& extras, const std::string& tz) {
  s.records.window = window_rules(extras, tz);
}

void validate_csat(Settings& s, const MetricExtras&, const std::string&) {
  const auto& c = s.csat;
  if (c.satisfied_min && (*c.satisfied_min < 1 || *c.satisfied_min > c.scale))
    throw Error::usage(fmt::format("--satisfied-min {} is outside the 1-{} scale", *c.satisfied_min, c.scale));
}

// The catalogue's entry for `name`; a name it lacks gives nullptr, which metric_options_test
// refuses. (Not consteval: GCC 12 cannot evaluate the catalogue lookup at compile time under
// -fsanitize=undefined, which instruments every member access with a null check.)
const MetricSpec* catalog(std::string_view name) {
  return find_metric(name);
}

const std::array kMetricOptions{
    MetricOptions{catalog("contact-rate"), add_contact_rate},
    MetricOptions{catalog("cost-per-contact"), add_cost_per_contact},
    MetricOptions{catalog("csat"), add_csat, validate_csat},
    MetricOptions{catalog("nps"), add_nps},
    MetricOptions{catalog("abandonment"), add_abandonment, validate_abandonment},
    MetricOptions{catalog("aht"), add_aht},
    MetricOptions{catalog("fcr"), add_fcr, validate_fcr},
    MetricOptions{catalog("avg-wait"), add_avg_wait},
    MetricOptions{catalog("service-level"), add_service_level, validate_service_level},
    MetricOptions{catalog("conversion-rate"), add_conversion},
    MetricOptions{catalog("ces"), add_ces},
    MetricOptions{catalog("utilisation"), add_utilisation},
    MetricOptions{catalog("repeat-contact-rate"), add_repeat_contact, validate_repeat_contact},
    MetricOptions{catalog("contacts-to-resolution"), add_contacts_to_resolution},
    MetricOptions{catalog("resolved-per-agent"), add_resolved_per_agent},
    MetricOptions{catalog("first-response-time"), add_first_response, validate_first_response},
    MetricOptions{catalog("resolution-time"), add_durations},
    MetricOptions{catalog("article-read-time"), add_read_time},
    MetricOptions{catalog("agent-satisfaction"), add_agent_satisfaction},
};

const MetricOptions* options_of(const MetricSpec& metric) {
  for (const auto& m : kMetricOptions)
    if (m.metric == &metric) return &m;
  return nullptr;
}

// --case-by and --window become the case rules; a metric that counts agents asks for them.
void set_case_and_agent_rules(const MetricSpec& metric, Settings& settings, const MetricExtras& extras) {
  const auto plan = metric.plan(settings, {});
  settings.records.count_agents = needs_agents(plan);
  if (!needs_cases(plan)) return;
  CaseRules cases;
  cases.by_customer = extras.case_by_customer;
  if (!extras.window.empty()) {
    if (!cases.by_customer) throw Error::usage("--window chains a customer's contacts: it needs --case-by customer");
    cases.window_s = window_seconds(extras.window);
  }
  settings.records.cases = cases;
}

}  // namespace

std::span<const MetricOptions> metric_options() {
  return kMetricOptions;
}

void add_report_options(CLI::App& app, Settings& settings) {
  add_weight(app, settings);
  add_threshold(app, settings);
  add_short_abandon(app, settings);
  app.add_option("--scale", settings.csat.scale, "CSAT answers run from 1 to this (5, 7 or 10)")
      ->check(CLI::IsMember({5, 7, 10}));
  app.add_option_function<double>(
         "--confidence", [&settings](double level) { settings.csat.confidence = settings.nps.confidence = level; },
         "confidence level of the CSAT and NPS intervals in JSON and of --compare's tests, in (0,1) (default 0.95)")
      ->check(kOpenUnitInterval);
}

void add_metric_options(const MetricSpec& metric, CLI::App& app, Settings& settings, MetricExtras& extras) {
  if (const auto* m = options_of(metric)) m->add(app, settings, extras);
  if (app.get_option_no_throw("--confidence") == nullptr)
    app.add_option("--confidence", extras.confidence,
                   "with --compare: the level a change is tested at, in (0,1) (default 0.95): significant when the "
                   "two-sided p-value is below 1 - LEVEL")
        ->check(kOpenUnitInterval)
        ->group("Output");
}

void validate_settings(const MetricSpec& metric, Settings& settings, const MetricExtras& extras,
                       const std::string& tz) {
  const auto* options = options_of(metric);
  if (options != nullptr && options->validate != nullptr) options->validate(settings, extras, tz);
  set_case_and_agent_rules(metric, settings, extras);
  if ((extras.censor || !extras.as_of.empty()) && !settings.records.window && !settings.records.awaiting)
    throw Error::usage("--censor and --as-of need --method window");
  if (!extras.holidays.empty()) {
    if (!settings.records.business_hours) throw Error::usage("--holidays needs --business-hours");
    load_holidays(extras.holidays, *settings.records.business_hours);
  }
}

void apply_weight(const Settings& settings, FileInputOptions& input, bool compare, bool intervals) {
  if (settings.weight_column.empty()) return;
  if (compare)
    throw Error::usage(
        "--compare with --weight: the tests compare unweighted answers, and no weighted test is implemented; "
        "compare the weighted figures without --compare, or drop --weight");
  if (intervals)
    throw Error::usage(
        "--ci with --weight: the intervals are those of unweighted answers; no weighted interval is "
        "computed (n_eff is shown instead)");
  input.overrides.push_back({"weight", settings.weight_column});
}

void refuse_weight_in_sql(const Settings& settings) {
  if (!settings.weight_column.empty())
    throw Error::usage(
        "--weight is not rendered as SQL yet: weigh the answers with a local run, or with --emit-state and cxkpi "
        "merge");
}

}  // namespace cxkpi::cli
