#include "records/record_columns.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::array<std::string_view, kRecordFieldCount> kNames{
    "id",
    "opened_at",
    "date",
    "time",
    "first_response_at",
    "resolved_at",
    "channel",
    "queue",
    "agent",
    "customer_id",
    "offered",
    "answered",
    "abandoned",
    "wait_s",
    "talk_s",
    "hold_s",
    "wrap_s",
    "resolved",
    "first_contact_resolved",
    "csat",
    "nps",
    "ces",
    "cost",
    "transferred",
    "case_id",
    "viewed_at",
    "article_id",
    "read_s",
    "agent_score",
    "enps_score",
};

struct Alias {
  std::string_view name;  // normalised header
  RecordField field;
};

// Header names seen in telephony, ticketing and survey exports.
constexpr std::array kAliases{
    Alias{"call_id", RecordField::id},
    Alias{"contact_id", RecordField::id},
    Alias{"ticket_id", RecordField::id},
    Alias{"interaction_id", RecordField::id},
    Alias{"created_at", RecordField::opened_at},
    Alias{"created", RecordField::opened_at},
    Alias{"opened", RecordField::opened_at},
    Alias{"start_time", RecordField::opened_at},
    Alias{"started_at", RecordField::opened_at},
    Alias{"call_start", RecordField::opened_at},
    Alias{"timestamp", RecordField::opened_at},
    Alias{"datetime", RecordField::opened_at},
    Alias{"date_time", RecordField::opened_at},
    Alias{"call_date", RecordField::date},
    Alias{"call_time", RecordField::time},
    Alias{"first_reply_at", RecordField::first_response_at},
    Alias{"closed_at", RecordField::resolved_at},
    Alias{"solved_at", RecordField::resolved_at},
    Alias{"media_type", RecordField::channel},
    Alias{"media", RecordField::channel},
    Alias{"skill", RecordField::queue},
    Alias{"agent_name", RecordField::agent},
    Alias{"agent_id", RecordField::agent},
    Alias{"customer", RecordField::customer_id},
    Alias{"caller_id", RecordField::customer_id},
    Alias{"requester_id", RecordField::customer_id},
    Alias{"answered_y_n", RecordField::answered},
    Alias{"is_answered", RecordField::answered},
    Alias{"is_abandoned", RecordField::abandoned},
    Alias{"wait", RecordField::wait_s},
    Alias{"wait_time", RecordField::wait_s},
    Alias{"queue_time", RecordField::wait_s},
    Alias{"time_to_answer", RecordField::wait_s},
    Alias{"speed_of_answer", RecordField::wait_s},
    Alias{"speed_of_answer_in_seconds", RecordField::wait_s},
    Alias{"talk", RecordField::talk_s},
    Alias{"talk_time", RecordField::talk_s},
    Alias{"talk_duration", RecordField::talk_s},
    Alias{"avgtalkduration", RecordField::talk_s},
    Alias{"avg_talk_duration", RecordField::talk_s},
    Alias{"hold", RecordField::hold_s},
    Alias{"hold_time", RecordField::hold_s},
    Alias{"wrap", RecordField::wrap_s},
    Alias{"wrap_time", RecordField::wrap_s},
    Alias{"wrap_up_time", RecordField::wrap_s},
    Alias{"acw", RecordField::wrap_s},
    Alias{"after_call_work", RecordField::wrap_s},
    Alias{"is_resolved", RecordField::resolved},
    Alias{"solved", RecordField::resolved},
    Alias{"fcr", RecordField::first_contact_resolved},
    Alias{"satisfaction_rating", RecordField::csat},
    Alias{"satisfaction", RecordField::csat},
    Alias{"csat_score", RecordField::csat},
    Alias{"nps_score", RecordField::nps},
    Alias{"likelihood_to_recommend", RecordField::nps},
    Alias{"effort_score", RecordField::ces},
    Alias{"contact_cost", RecordField::cost},
    Alias{"was_transferred", RecordField::transferred},
    Alias{"transfer", RecordField::transferred},
    Alias{"ces_score", RecordField::ces},
    Alias{"customer_effort", RecordField::ces},
    // A case (issue) spans contacts; "ticket id" names the contact row itself (id above).
    Alias{"case", RecordField::case_id},
    Alias{"case_number", RecordField::case_id},
    Alias{"case_no", RecordField::case_id},
    Alias{"issue_id", RecordField::case_id},
    Alias{"viewed", RecordField::viewed_at},
    Alias{"view_time", RecordField::viewed_at},
    Alias{"article", RecordField::article_id},
    Alias{"kb_article_id", RecordField::article_id},
    Alias{"read_time", RecordField::read_s},
    Alias{"read_seconds", RecordField::read_s},
    Alias{"time_on_page", RecordField::read_s},
    Alias{"enps", RecordField::enps_score},
    Alias{"employee_nps", RecordField::enps_score},
};

// Record fields that only a record log has (a period table never names them).
bool is_record_evidence(RecordField f) {
  switch (f) {
    case RecordField::id:
    case RecordField::opened_at:
    case RecordField::time:
    case RecordField::first_response_at:
    case RecordField::resolved_at:
    case RecordField::agent:
    case RecordField::customer_id:
    case RecordField::case_id:
    case RecordField::answered:
    case RecordField::wait_s:
    case RecordField::first_contact_resolved:
    case RecordField::csat:
    case RecordField::nps:
    case RecordField::ces:
    case RecordField::viewed_at:
    case RecordField::article_id:
    case RecordField::read_s:
    case RecordField::agent_score:
    case RecordField::enps_score:
      return true;
    default:
      return false;
  }
}

bool overridden(const std::vector<ColumnOverride>& overrides, RecordField f) {
  for (const auto& o : overrides)
    if (normalize_header(o.canonical) == record_field_name(f)) return true;
  return false;
}

std::vector<std::string> all_names() {
  return {kNames.begin(), kNames.end()};
}

}  // namespace

std::string_view record_field_name(RecordField f) {
  return kNames[static_cast<std::size_t>(f)];
}

std::optional<RecordField> record_field_named(std::string_view canonical) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == canonical) return static_cast<RecordField>(i);
  return std::nullopt;
}

std::optional<RecordField> record_role_of_header(std::string_view header) {
  const auto name = normalize_header(header);
  if (const auto f = record_field_named(name)) return f;
  for (const auto& a : kAliases)
    if (a.name == name) return a.field;
  return std::nullopt;
}

RecordColumnMap::RecordColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                                 const std::string& source) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto f = record_role_of_header(header[c]);
    if (!f) continue;
    if (const auto first = columns_[index(*f)]; first && !overridden(overrides, *f))
      throw Error::data(fmt::format("{}: columns {} and {} both mean {} (use --map {}=HEADER to pick one)", source,
                                    quote_value(header[*first]), quote_value(header[c]), record_field_name(*f),
                                    record_field_name(*f)));
    if (!columns_[index(*f)]) columns_[index(*f)] = c;
  }
  for (const auto& o : overrides) {
    const auto f = record_field_named(normalize_header(o.canonical));
    if (!f) {
      const auto hint = did_you_mean(o.canonical, all_names());
      throw Error::usage(fmt::format("--map: unknown record field {}{}", quote_value(o.canonical),
                                     hint ? fmt::format(" (did you mean {}?)", *hint) : ""));
    }
    const auto column = find_column(header, o.header);
    if (!column) throw no_such_column(header, o.header, source, "--map");
    columns_[index(*f)] = *column;
  }
}

RecordColumns RecordColumnMap::measures() const {
  RecordColumns m;
  m.offered = has(RecordField::offered);
  m.answered = has(RecordField::answered);
  m.abandoned = has(RecordField::abandoned);
  m.resolved = has(RecordField::resolved);
  m.first_contact_resolved = has(RecordField::first_contact_resolved);
  m.wait = has(RecordField::wait_s);
  m.talk = has(RecordField::talk_s);
  m.hold = has(RecordField::hold_s);
  m.wrap = has(RecordField::wrap_s);
  m.cost = has(RecordField::cost);
  m.csat = has(RecordField::csat);
  m.nps = has(RecordField::nps);
  m.ces = has(RecordField::ces);
  m.transferred = has(RecordField::transferred);
  m.agent = has(RecordField::agent);
  m.views = has(RecordField::viewed_at) || has(RecordField::article_id) || has(RecordField::read_s);
  m.read = has(RecordField::read_s);
  m.agent_score = has(RecordField::agent_score);
  m.enps = has(RecordField::enps_score);
  const bool opened = has(RecordField::opened_at) || has(RecordField::date);
  m.first_response = opened && has(RecordField::first_response_at);
  m.resolution = opened && has(RecordField::resolved_at);
  m.customer = opened && has(RecordField::customer_id);
  m.case_id = has(RecordField::case_id);
  return m;
}

std::optional<RecordField> RecordColumnMap::field_at(std::size_t column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == column) return static_cast<RecordField>(i);
  return std::nullopt;
}

ShapeEvidence shape_evidence(const std::vector<std::string>& header) {
  ShapeEvidence e;
  for (const auto& h : header) {
    const auto record = record_role_of_header(h);
    if (record && is_record_evidence(*record)) ++e.record_columns;
    const auto period = role_of_header(h);
    // "answered", "resolved" and the like mean a count in a period table and a flag in a
    // log; only names a log never uses count for the period shape.
    if (period.kind == ColumnRole::Kind::field && !record) ++e.period_columns;
  }
  return e;
}

}  // namespace cxkpi::cli
