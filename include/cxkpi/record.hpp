#pragma once
/// One contact from a record-level log, and how it adds to `Sums`.
///
/// Record logs (one row per call, chat, ticket or survey answer) feed the same accumulator
/// as period tables: each contact adds its counts (offered, handled, abandoned, within the
/// service-level threshold, …) and amounts (waits, handle times, cost), so every metric is
/// computed the same way from either shape. Derived flags follow METRICS.md: no `offered`
/// column means each row was offered; no `abandoned` means offered − answered; no
/// `answered` means an agent or talk time says so. A blank cell is missing for its row: the
/// row adds to the left-out counters of the figures that need it (left_out.hpp), never a 0.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "cxkpi/business_hours.hpp"
#include "cxkpi/checks.hpp"
#include "cxkpi/handling.hpp"
#include "cxkpi/self_service.hpp"
#include "cxkpi/sums.hpp"
#include "cxkpi/survey.hpp"
#include "cxkpi/weights.hpp"
#include "cxkpi/windows.hpp"

namespace cxkpi {

/// What one row of a record log is: a contact, an article view or an agent survey answer.
enum class RowKind : std::uint8_t { contact, view, agent_survey };

/// The columns of a record log, by canonical name (METRICS.md). The CLI keeps one table
/// row per column (its name, header aliases and how its cells are read into a Contact).
enum class RecordField : std::uint8_t {
  id,
  opened_at,
  date,
  time,
  first_response_at,
  resolved_at,
  channel,
  queue,
  agent,
  customer_id,
  offered,
  answered,
  abandoned,
  wait_s,
  talk_s,
  hold_s,
  wrap_s,
  resolved,
  first_contact_resolved,
  csat,
  nps,
  ces,
  cost,
  transferred,
  case_id,
  viewed_at,
  article_id,
  read_s,
  agent_score,
  enps_score,
  first_response_s,  ///< the first response as a duration, for exports that give no reply time
  weight,            ///< a survey answer's weight: read only from the column --weight names
};

inline constexpr std::size_t kRecordFieldCount = static_cast<std::size_t>(RecordField::weight) + 1;

/// Which columns a log has; decides which aggregate fields its sums supply.
class RecordColumns {
 public:
  constexpr RecordColumns() = default;
  constexpr RecordColumns(std::initializer_list<RecordField> fields) {
    for (const RecordField f : fields)
      add(f);
  }
  constexpr void add(RecordField f) { bits_ |= bit_of(f); }
  [[nodiscard]] constexpr bool has(RecordField f) const { return (bits_ & bit_of(f)) != 0; }
  [[nodiscard]] constexpr bool empty() const { return bits_ == 0; }
  /// An opened time: opened_at, or date (and time).
  [[nodiscard]] constexpr bool opened() const { return has(RecordField::opened_at) || has(RecordField::date); }
  /// A knowledge-base view log: viewed_at, article_id or read_s.
  [[nodiscard]] constexpr bool views() const {
    return has(RecordField::viewed_at) || has(RecordField::article_id) || has(RecordField::read_s);
  }
  /// Rows are contacts unless the log is a view log or an agent survey.
  [[nodiscard]] constexpr RowKind row_kind() const {
    if (views()) return RowKind::view;
    if (has(RecordField::agent_score) || has(RecordField::enps_score)) return RowKind::agent_survey;
    return RowKind::contact;
  }

 private:
  static_assert(kRecordFieldCount <= 64, "one bit per record field in one word");
  static constexpr std::uint64_t bit_of(RecordField f) { return std::uint64_t{1} << static_cast<unsigned>(f); }
  std::uint64_t bits_ = 0;
};

/// The measures of one contact. Durations and cost are raw 1/10000 units (see Sums);
/// nullopt is a missing cell (or a column the log does not have): `blank` tells the two apart.
struct Contact {
  std::optional<bool> offered;
  std::optional<bool> answered;
  std::optional<bool> abandoned;
  std::optional<bool> resolved;
  std::optional<bool> first_contact_resolved;
  std::optional<std::int64_t> wait;
  std::optional<std::int64_t> talk;
  std::optional<std::int64_t> hold;
  std::optional<std::int64_t> wrap;
  std::optional<std::int64_t> cost;
  std::optional<int> csat;
  std::optional<int> nps;
  std::optional<int> ces;
  std::optional<bool> transferred;
  std::optional<bool> has_agent;  ///< whether the agent cell is filled; nullopt: no agent column
  /// first_response_at − opened_at and resolved_at − opened_at (raw 1/10000 s; business
  /// seconds under RecordRules::business_hours). Negative: the times are out of order. An
  /// export that gives the first response only as a duration (first_response_s) sets it directly.
  std::optional<std::int64_t> first_response;
  std::optional<std::int64_t> resolution;
  /// A row of a view log or an agent survey adds only its own fields, never contacts,
  /// offered or handled.
  RowKind kind = RowKind::contact;
  std::optional<std::int64_t> read;    ///< read_s of an article view (raw 1/10000 s)
  std::optional<int> agent_score;      ///< agent survey answer, 1 … scale
  std::optional<int> enps;             ///< agent eNPS answer, 0 … 10
  std::optional<std::int64_t> weight;  ///< the survey answers' weight (--weight), raw 1/10000 units
  /// Columns the log has whose cell is blank (or a --na word) on this row: missing for this
  /// row, so the figures that need them leave it out (METRICS.md §0).
  RecordColumns blank;
};

/// Contacts still waiting for a first response, and their ages at a reference time.
struct AwaitingRules {
  std::optional<std::int64_t> as_of;  ///< UTC seconds; default the latest opened time
};

/// Thresholds applied while reading, so that any T and S work on records.
struct RecordRules {
  std::int64_t threshold_raw = 20 * kAmountScale;  ///< service-level T
  bool strict = false;                             ///< answered within T means wait < T, not ≤ T
  std::int64_t short_abandon_raw = 0;              ///< abandons with wait < S are short; 0 = none
  int csat_scale = 5;
  int ces_scale = 7;
  std::size_t exact_limit = kExactAtAnySize;       ///< --approx: distinct durations kept exactly per bucket
  std::optional<BusinessCalendar> business_hours;  ///< durations count business seconds only
  std::optional<WindowRules> window;               ///< judge each contact by its customer's other contacts
  std::optional<CaseRules> cases;                  ///< fold contacts into cases (contacts-to-resolution)
  bool count_agents = false;                       ///< count distinct agents per bucket (resolved-per-agent)
  std::optional<AwaitingRules> awaiting;           ///< count contacts waiting for a first response
  std::int64_t bounce_raw = kDefaultBounceSeconds * kAmountScale;  ///< article views shorter than this bounce
  int agent_scale = 5;                                             ///< agent survey scores run 1 … this
  HandleComponents handle;  ///< what AHT counts: a contact with one of these blank leaves it
};

/// The fields a view log or an agent survey supplies: its rows are not contacts.
inline FieldSet supplied_non_contact_fields(const RecordColumns& c) {
  FieldSet s;
  if (c.views()) s.add(Field::views);
  if (c.has(RecordField::read_s))
    for (Field f : {Field::timed_views, Field::bounces, Field::read_s})
      s.add(f);
  if (c.has(RecordField::agent_score))
    for (Field f : {Field::agent_responses, Field::agent_score_total})
      s.add(f);
  if (c.has(RecordField::enps_score))
    for (Field f : {Field::enps_promoters, Field::enps_passives, Field::enps_detractors})
      s.add(f);
  return s;
}

/// Fields that need to know which contacts were answered: handled, abandoned, and those
/// that count answered contacts (first-contact resolution, the FCR window).
inline constexpr std::array kOutcomeFields{Field::handled, Field::abandoned, Field::resolved_first_contact,
                                           Field::window_handled, Field::window_followed};

/// No evidence, no figure (METRICS.md §0): a log with none of answered, abandoned, an agent,
/// talk time or a queue wait (a ticket export, a bare call list) cannot tell answered from
/// abandoned, so it supplies none of kOutcomeFields and has no queue or handling figures.
inline bool has_outcome_evidence(const RecordColumns& c) {
  using R = RecordField;
  return c.has(R::answered) || c.has(R::abandoned) || c.has(R::agent) || c.has(R::talk_s) || c.has(R::wait_s);
}

namespace detail {

/// A log with a weight column weighs the survey answers it has: each supplied answer count
/// brings its weighted twin, and each survey metric its Σw² and blank-weight counters.
inline void add_weight_fields(FieldSet& s) {
  for (std::size_t i = 0; i < kFieldCount; ++i)
    if (const auto twin = weighted_twin(static_cast<Field>(i)); twin && s.has(static_cast<Field>(i))) s.add(*twin);
  for (const auto* w : {&kCsatWeighting, &kNpsWeighting, &kCesWeighting}) {
    s.add(w->squared);
    s.add(w->unknown);
  }
}

/// Adds an answer counted by `counted` to the weighted sums of its metric: its weight to
/// the twin of `counted` and its square to Σw², or, for a blank weight, one to the metric's
/// blank-weight counter. A log without a weight column adds nothing.
inline void weigh_answer(Sums& s, Field counted, const Contact& c, const SurveyWeighting& w) {
  if (c.weight) {
    s.add_raw(*weighted_twin(counted), *c.weight);
    s.add_raw(w.squared, checked_mul(*c.weight, *c.weight, w.squared));
  } else if (c.blank.has(RecordField::weight)) {
    s.add_raw(w.unknown, 1);
  }
}

/// The survey answers' counts a log with these columns supplies, and their weighted twins.
inline void add_survey_fields(FieldSet& s, const RecordColumns& c, const RecordRules& rules) {
  using R = RecordField;
  if (c.has(R::nps))
    for (const Field f : {Field::promoters, Field::passives, Field::detractors})
      s.add(f);
  if (c.has(R::csat))
    for (int k = 1; k <= rules.csat_scale; ++k)
      s.add(csat_score_field(k));
  if (c.has(R::ces))
    for (int k = 1; k <= rules.ces_scale; ++k)
      s.add(ces_score_field(k));
  if (c.has(R::weight)) add_weight_fields(s);
}

/// The fields a contact log with these columns supplies, were it to tell answered from abandoned.
inline FieldSet supplied_contact_fields(const RecordColumns& c, const RecordRules& rules) {
  using R = RecordField;
  FieldSet s{Field::contacts, Field::offered, Field::handled, Field::abandoned};
  const auto add_if = [&s](bool has, std::initializer_list<Field> fields) {
    if (has)
      for (Field f : fields)
        s.add(f);
  };
  add_if(c.has(R::wait_s),
         {Field::queued, Field::answered_in_t, Field::abandoned_in_t, Field::answer_wait_s, Field::abandon_wait_s});
  add_if(c.has(R::wait_s) && rules.short_abandon_raw > 0, {Field::short_abandoned});
  add_if(c.has(R::wait_s), {Field::answer_wait_s_squared});
  add_if(c.has(R::talk_s) || c.has(R::hold_s) || c.has(R::wrap_s), {Field::handle_s_squared});
  add_if(c.has(R::talk_s), {Field::talk_s});
  add_if(c.has(R::hold_s), {Field::hold_s, Field::held});
  add_if(c.has(R::wrap_s), {Field::wrap_s});
  add_if(c.has(R::resolved), {Field::resolved, Field::resolved_handled});
  add_if(c.has(R::first_contact_resolved), {Field::resolved_first_contact});
  add_if(c.has(R::cost), {Field::total_cost});
  add_survey_fields(s, c, rules);
  add_if(c.has(R::transferred), {Field::transfers});
  add_if((c.opened() && c.has(R::first_response_at)) || c.has(R::first_response_s), {Field::first_responses});
  add_if(c.opened() && c.has(R::resolved_at), {Field::timed_resolutions});
  const bool customer = c.opened() && c.has(R::customer_id);
  // Counted only under window rules (which the window metrics always set).
  add_if(customer, {Field::window_handled, Field::window_followed, Field::customer_contacts, Field::repeat_contacts,
                    Field::no_customer});
  add_if(customer && rules.window && rules.window->censor, {Field::window_immature});
  add_if(customer && rules.window && !rules.window->issue_key.empty(), {Field::no_issue});
  add_if(c.has(R::agent), {Field::agents_handled});
  // Cases come from case_id, or from customer_id and opened times under --case-by customer.
  add_if(rules.cases && rules.cases->by_customer ? customer : c.has(R::case_id),
         {Field::cases_resolved, Field::case_contacts, Field::cases_one_contact, Field::cases_open, Field::no_case});
  return s;
}

}  // namespace detail

/// The aggregate fields a log with these columns supplies (for plans and presence).
inline FieldSet supplied_fields(const RecordColumns& c, const RecordRules& rules) {
  if (c.row_kind() != RowKind::contact) return supplied_non_contact_fields(c);
  auto s = detail::supplied_contact_fields(c, rules);
  // Counted under awaiting rules (first-response-time --awaiting), by the reader's state.
  if (rules.awaiting && c.opened() && c.has(RecordField::first_response_at))
    for (const Field f :
         {Field::awaiting_first_response, Field::awaiting_age_s, Field::awaiting_oldest_s, Field::awaiting_as_of})
      s.add(f);
  if (!has_outcome_evidence(c))
    for (const Field f : kOutcomeFields)
      s.remove(f);
  return s;
}

/// Fills the derived fields of `c` in place (METRICS.md §0, "Derived record fields"). A blank
/// cell is missing, never 0: it is derived as an absent column would be, from what else the
/// row says, and stays unknown when the row says nothing.
/// - offered, blank or absent, is 1; a contact not offered was neither answered nor abandoned.
/// - answered follows from abandoned, else from the agent column (a filled cell is an answer)
///   or a known talk time (> 0 is an answer); with none of these its outcome is unknown.
/// - abandoned follows from answered: offered − answered.
/// - a blank resolved is 1 on a contact resolved at first contact or with a resolved_at time;
///   a blank first_contact_resolved is 0 on an unresolved contact.
inline void derive_flags(Contact& c) {
  if (!c.offered) c.offered = true;
  if (!*c.offered) {
    c.answered = c.answered.value_or(false);
    c.abandoned = c.abandoned.value_or(false);
  }
  if (!c.answered) {
    if (c.abandoned)
      c.answered = !*c.abandoned;
    else if (c.has_agent || c.talk)
      c.answered = c.has_agent.value_or(false) || c.talk.value_or(0) > 0;
  }
  if (!c.abandoned && c.answered) c.abandoned = *c.offered && !*c.answered;
  if (c.blank.empty()) [[likely]]
    return;
  if (!c.resolved && c.blank.has(RecordField::resolved) && (c.first_contact_resolved.value_or(false) || c.resolution))
    c.resolved = true;
  if (!c.first_contact_resolved && c.blank.has(RecordField::first_contact_resolved) && c.resolved == false)
    c.first_contact_resolved = false;
}

/// What is wrong with a contact (after derive_flags), naming the column to blame.
struct RecordViolation {
  std::string_view column;  ///< canonical record column: "answered", "csat", …
  std::string message;
};

inline std::optional<RecordViolation> check_contact(const Contact& c, const RecordRules& rules) {
  const bool answered = c.answered.value_or(false);  // unknown: neither, until a cell says so
  const bool abandoned = c.abandoned.value_or(false);
  if (answered && abandoned) return RecordViolation{"abandoned", "answered and abandoned are both 1"};
  if ((answered || abandoned) && !*c.offered)
    return RecordViolation{answered ? "answered" : "abandoned", "is 1 but offered is 0"};
  if (c.first_contact_resolved.value_or(false) && c.resolved && !*c.resolved)
    return RecordViolation{"first_contact_resolved", "is 1 but resolved is 0"};
  if (c.csat && (*c.csat < 1 || *c.csat > rules.csat_scale))
    return RecordViolation{"csat", std::to_string(*c.csat) + " is outside the 1-" + std::to_string(rules.csat_scale) +
                                       " scale (set --scale)"};
  if (c.ces && (*c.ces < 1 || *c.ces > rules.ces_scale))
    return RecordViolation{"ces", std::to_string(*c.ces) + " is outside the 1-" + std::to_string(rules.ces_scale) +
                                      " scale (set --scale)"};
  if (c.transferred.value_or(false) && c.answered == false)
    return RecordViolation{"transferred", "is 1 but the contact was not answered"};
  // A talk time says an agent answered (derive_flags reads it so): on an abandon it contradicts
  // the row, and counted it would raise AHT, whose denominator holds handled contacts only.
  if (c.talk.value_or(0) > 0 && abandoned)
    return RecordViolation{"talk_s", "is more than 0 but the contact was abandoned"};
  if (c.nps && (*c.nps < 0 || *c.nps > 10))
    return RecordViolation{"nps", std::to_string(*c.nps) + " is outside the 0-10 scale"};
  if (c.agent_score && (*c.agent_score < 1 || *c.agent_score > rules.agent_scale))
    return RecordViolation{"agent_score", std::to_string(*c.agent_score) + " is outside the 1-" +
                                              std::to_string(rules.agent_scale) + " scale (set --scale)"};
  if (c.enps && (*c.enps < 0 || *c.enps > 10))
    return RecordViolation{"enps_score", std::to_string(*c.enps) + " is outside the 0-10 scale"};
  if (c.read.value_or(0) < 0) return RecordViolation{"read_s", "is negative"};
  if (c.first_response.value_or(0) < 0) return RecordViolation{"first_response_at", "is earlier than opened_at"};
  if (c.resolution.value_or(0) < 0) return RecordViolation{"resolved_at", "is earlier than opened_at"};
  if (c.resolution && c.resolved && !*c.resolved) return RecordViolation{"resolved_at", "is set but resolved is 0"};
  return std::nullopt;
}

/// Adds one row of a view log or an agent survey (after check_contact) to `s`.
inline void accumulate_non_contact(Sums& s, const Contact& c, const RecordRules& rules) {
  if (c.kind == RowKind::view) s.add_raw(Field::views, 1);
  if (c.read) {
    s.add_raw(Field::timed_views, 1);
    s.add_raw(Field::read_s, *c.read);
    if (*c.read < rules.bounce_raw) s.add_raw(Field::bounces, 1);
    s.add_sample(Sample::read_time, *c.read, rules.exact_limit);
  }
  if (c.agent_score) {
    s.add_raw(Field::agent_responses, 1);
    s.add_raw(Field::agent_score_total, *c.agent_score);
  }
  if (c.enps) s.add_raw(net_score_class(*c.enps, kEnpsFields), 1);
}

namespace detail {

/// (raw / kAmountScale)² in whole s², rounded: squares kept in 1/10000 s units would leave
/// int64 after a few thousand contact-hours, and whole s² lose nothing the spread of a mean
/// (--compare's Welch test) needs.
inline std::int64_t squared_seconds(std::int64_t raw, Field f) {
  const double seconds = static_cast<double>(raw) / static_cast<double>(kAmountScale);
  const double square = std::round(seconds * seconds);
  if (!(square < 9.2233720368547758e18)) sum_overflow(f);  // 2^63: no int64 holds it
  return static_cast<std::int64_t>(square);
}

/// Whether a handle-time component AHT counts is blank on `c`: the contact then leaves AHT.
inline bool handle_blank(const Contact& c, const HandleComponents& h) {
  using R = RecordField;
  return (h.talk && c.blank.has(R::talk_s)) || (h.hold && c.blank.has(R::hold_s)) || (h.wrap && c.blank.has(R::wrap_s));
}

/// The handle time AHT counts of an answered contact (its chosen components), in 1/10000 s.
inline std::int64_t counted_handle_raw(const Contact& c, const HandleComponents& h) {
  return (h.talk ? c.talk.value_or(0) : 0) + (h.hold ? c.hold.value_or(0) : 0) + (h.wrap ? c.wrap.value_or(0) : 0);
}

/// Whether an answered contact counts in AHT: no handle-time component AHT counts is blank
/// on it. accumulate_outcome and --list (evidence.hpp) both ask this, so they agree.
inline bool counts_in_aht(const Contact& c, const HandleComponents& h) {
  return c.blank.empty() || !handle_blank(c, h);
}

/// Whether an abandon is short (wait < S, --short-abandon); shared as counts_in_aht is.
inline bool short_abandon(const Contact& c, const RecordRules& rules) {
  return c.wait && *c.wait < rules.short_abandon_raw;
}

/// Whether an answered contact was answered within the service-level threshold T.
inline bool answered_within_t(const Contact& c, const RecordRules& rules) {
  return c.wait && (rules.strict ? *c.wait < rules.threshold_raw : *c.wait <= rules.threshold_raw);
}

/// The queue and handling sums of a contact whose outcome is known. A blank wait adds to no
/// wait sum and to no count that needs the wait (within T, short, queued).
inline void accumulate_outcome(Sums& s, const Contact& c, const RecordRules& rules) {
  if (*c.answered) {
    s.add_raw(Field::handled, 1);
    if (c.wait) {
      s.add_raw(Field::answer_wait_s, *c.wait);
      s.add_raw(Field::answer_wait_s_squared, squared_seconds(*c.wait, Field::answer_wait_s_squared));
      if (answered_within_t(c, rules)) s.add_raw(Field::answered_in_t, 1);
    }
    if (c.first_contact_resolved.value_or(false)) s.add_raw(Field::resolved_first_contact, 1);
    if (c.hold.value_or(0) > 0) s.add_raw(Field::held, 1);
    if (c.transferred.value_or(false)) s.add_raw(Field::transfers, 1);
  }
  if (*c.abandoned) {
    s.add_raw(Field::abandoned, 1);
    if (c.wait) {
      s.add_raw(Field::abandon_wait_s, *c.wait);
      if (*c.wait <= rules.threshold_raw) s.add_raw(Field::abandoned_in_t, 1);
      if (short_abandon(c, rules)) s.add_raw(Field::short_abandoned, 1);
    }
  }
  if (*c.offered && (c.wait.value_or(0) > 0 || *c.abandoned)) s.add_raw(Field::queued, 1);
  if (!*c.answered) return;  // AHT is handle time over handled: a contact never offered (outbound) adds to neither
  s.add_raw(Field::talk_s, c.talk.value_or(0));
  s.add_raw(Field::hold_s, c.hold.value_or(0));
  s.add_raw(Field::wrap_s, c.wrap.value_or(0));
  if (counts_in_aht(c, rules.handle))
    s.add_raw(Field::handle_s_squared, squared_seconds(counted_handle_raw(c, rules.handle), Field::handle_s_squared));
}

/// Counts a contact of known outcome that queue and handling figures leave out for a blank
/// wait, handle-time component, transferred or first_contact_resolved.
inline void count_left_out_of_outcome(Sums& s, const Contact& c, const RecordRules& rules) {
  using R = RecordField;
  if (c.blank.has(R::wait_s)) {
    if (*c.answered) s.add_raw(Field::answered_untimed, 1);
    if (*c.abandoned)
      s.add_raw(Field::abandoned_untimed, 1);
    else if (*c.offered)
      s.add_raw(Field::queue_unknown, 1);
  }
  if (!*c.answered) return;
  if (handle_blank(c, rules.handle)) {
    s.add_raw(Field::handle_unknown, 1);  // it leaves AHT with the components it has
    s.add_raw(Field::handle_unknown_talk_s, c.talk.value_or(0));
    s.add_raw(Field::handle_unknown_hold_s, c.hold.value_or(0));
    s.add_raw(Field::handle_unknown_wrap_s, c.wrap.value_or(0));
  }
  if (c.blank.has(R::hold_s)) s.add_raw(Field::hold_unknown, 1);
  if (c.blank.has(R::transferred)) s.add_raw(Field::transfer_unknown, 1);
  if (!c.first_contact_resolved && c.blank.has(R::first_contact_resolved)) {
    s.add_raw(Field::fcr_unknown, 1);
    if (c.resolved.value_or(false)) s.add_raw(Field::resolved_fcr_unknown, 1);
  }
}

/// Counts a contact that figures leave out for a blank input (the left-out fields of Field).
inline void count_left_out(Sums& s, const Contact& c, const RecordRules& rules) {
  if (c.answered) {
    count_left_out_of_outcome(s, c, rules);
  } else {
    s.add_raw(Field::outcome_unknown, 1);
    if (c.resolved.value_or(false)) s.add_raw(Field::resolved_fcr_unknown, 1);
    if (c.cost) {
      s.add_raw(Field::outcome_unknown_costed, 1);
      s.add_raw(Field::outcome_unknown_cost, *c.cost);
    }
  }
  if (!c.resolved && c.blank.has(RecordField::resolved)) {
    s.add_raw(Field::resolution_unknown, 1);
    if (c.answered.value_or(false)) s.add_raw(Field::handled_resolution_unknown, 1);
    if (c.cost) {
      s.add_raw(Field::resolution_unknown_costed, 1);
      s.add_raw(Field::resolution_unknown_cost, *c.cost);
    }
  }
  if (c.blank.has(RecordField::cost)) {
    s.add_raw(Field::cost_unknown, 1);
    if (c.answered == true) s.add_raw(Field::handled_cost_unknown, 1);
    if (c.resolved == true) s.add_raw(Field::resolved_cost_unknown, 1);
  }
}

}  // namespace detail

/// Adds one contact (after derive_flags and check_contact) to `s`.
inline void accumulate_contact(Sums& s, const Contact& c, const RecordRules& rules) {
  s.add_raw(Field::contacts, 1);
  if (*c.offered) s.add_raw(Field::offered, 1);
  if (c.answered) [[likely]]
    detail::accumulate_outcome(s, c, rules);
  if (!c.answered || !c.blank.empty()) [[unlikely]]
    detail::count_left_out(s, c, rules);
  if (c.resolved.value_or(false)) {
    s.add_raw(Field::resolved, 1);
    if (c.answered.value_or(false)) s.add_raw(Field::resolved_handled, 1);
  }
  s.add_raw(Field::total_cost, c.cost.value_or(0));
  if (c.csat) {
    s.add_raw(csat_score_field(*c.csat), 1);
    detail::weigh_answer(s, csat_score_field(*c.csat), c, kCsatWeighting);
  }
  if (c.ces) {
    s.add_raw(ces_score_field(*c.ces), 1);
    detail::weigh_answer(s, ces_score_field(*c.ces), c, kCesWeighting);
  }
  if (c.nps) {
    s.add_raw(net_score_class(*c.nps, kNpsFields), 1);
    detail::weigh_answer(s, net_score_class(*c.nps, kNpsFields), c, kNpsWeighting);
  }
  if (c.first_response) {
    s.add_raw(Field::first_responses, 1);
    s.add_sample(Sample::first_response, *c.first_response, rules.exact_limit);
  }
  if (c.resolution) {  // check_contact refused resolved_at on an unresolved contact
    s.add_raw(Field::timed_resolutions, 1);
    s.add_sample(Sample::resolution, *c.resolution, rules.exact_limit);
  }
}

/// Adds one row (after derive_flags and check_contact) to `s`. Presence is the caller's to
/// declare, once per sum: `s.set_present(supplied_fields(columns, rules))`.
inline void accumulate(Sums& s, const Contact& c, const RecordRules& rules) {
  if (c.kind == RowKind::contact)
    accumulate_contact(s, c, rules);
  else
    accumulate_non_contact(s, c, rules);
}

}  // namespace cxkpi
