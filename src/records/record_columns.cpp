#include "records/record_columns.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

using Shape = CellReading::Shape;

constexpr CellReading flag(std::optional<bool> Contact::*member) {
  return {Shape::flag, FieldKind::count, member};
}
constexpr CellReading seconds(std::optional<std::int64_t> Contact::*member) {
  return {Shape::amount, FieldKind::seconds, nullptr, member};
}
constexpr CellReading money(std::optional<std::int64_t> Contact::*member) {
  return {Shape::amount, FieldKind::money, nullptr, member};
}
constexpr CellReading score(std::optional<int> Contact::*member) {
  return {Shape::score, FieldKind::count, nullptr, nullptr, member};
}
constexpr CellReading presence(std::optional<bool> Contact::*member) {
  return {Shape::presence, FieldKind::count, nullptr, nullptr, nullptr, member};
}
constexpr CellReading kUnread{};

using enum Evidence;
using F = RecordField;

// The record columns, in RecordField order. Aliases are header names seen in telephony,
// ticketing and survey exports, normalised (lower case, '_' between words).
constexpr std::array<RecordColumn, kRecordFieldCount> kRecordColumns{{
    {F::id, "id", kUnread, log_only, "call_id contact_id ticket_id interaction_id"},
    {F::opened_at, "opened_at", kUnread, log_only,
     "created_at created opened start_time started_at call_start timestamp datetime date_time"},
    {F::date, "date", kUnread, any_table, "call_date"},
    {F::time, "time", kUnread, log_only, "call_time"},
    {F::first_response_at, "first_response_at", kUnread, log_only, "first_reply_at"},
    {F::resolved_at, "resolved_at", kUnread, log_only, "closed_at solved_at"},
    {F::channel, "channel", kUnread, any_table, "media_type media"},
    {F::queue, "queue", kUnread, any_table, "skill"},
    {F::agent, "agent", presence(&Contact::has_agent), log_only, "agent_name agent_id"},
    {F::customer_id, "customer_id", kUnread, log_only, "customer caller_id requester_id"},
    {F::offered, "offered", flag(&Contact::offered), any_table, ""},
    {F::answered, "answered", flag(&Contact::answered), log_only, "answered_y_n is_answered"},
    {F::abandoned, "abandoned", flag(&Contact::abandoned), any_table, "is_abandoned"},
    {F::wait_s, "wait_s", seconds(&Contact::wait), log_only,
     "wait wait_time queue_time time_to_answer speed_of_answer speed_of_answer_in_seconds"},
    {F::talk_s, "talk_s", seconds(&Contact::talk), any_table,
     "talk talk_time talk_duration avgtalkduration avg_talk_duration"},
    {F::hold_s, "hold_s", seconds(&Contact::hold), any_table, "hold hold_time"},
    {F::wrap_s, "wrap_s", seconds(&Contact::wrap), any_table, "wrap wrap_time wrap_up_time acw after_call_work"},
    {F::resolved, "resolved", flag(&Contact::resolved), any_table, "is_resolved solved"},
    {F::first_contact_resolved, "first_contact_resolved", flag(&Contact::first_contact_resolved), log_only, "fcr"},
    {F::csat, "csat", score(&Contact::csat), log_only, "satisfaction_rating satisfaction csat_score"},
    {F::nps, "nps", score(&Contact::nps), log_only, "nps_score likelihood_to_recommend"},
    {F::ces, "ces", score(&Contact::ces), log_only, "effort_score ces_score customer_effort"},
    {F::cost, "cost", money(&Contact::cost), any_table, "contact_cost"},
    {F::transferred, "transferred", flag(&Contact::transferred), any_table, "was_transferred transfer"},
    // A case (issue) spans contacts; "ticket id" names the contact row itself (id above).
    {F::case_id, "case_id", kUnread, log_only, "case case_number case_no issue_id"},
    {F::viewed_at, "viewed_at", kUnread, log_only, "viewed view_time"},
    {F::article_id, "article_id", kUnread, log_only, "article kb_article_id"},
    {F::read_s, "read_s", seconds(&Contact::read), log_only, "read_time read_seconds time_on_page"},
    {F::agent_score, "agent_score", score(&Contact::agent_score), log_only, ""},
    {F::enps_score, "enps_score", score(&Contact::enps), log_only, "enps employee_nps"},
    // Ticket metrics exports give the first reply as minutes (Zendesk's reply_time_in_minutes,
    // dbt_zendesk's first_reply_time_calendar_minutes), with no reply time to measure from.
    {F::first_response_s, "first_response_s", seconds(&Contact::first_response), log_only, "first_reply_time"},
    // Read only from the column --weight (or --map weight=HEADER) names: a column that happens
    // to be called "weight" (a parcel's, a priority's) never weighs the answers unasked.
    {F::weight, "weight", money(&Contact::weight), log_only, ""},
}};

constexpr bool in_field_order() {
  for (std::size_t i = 0; i < kRecordColumns.size(); ++i)
    if (kRecordColumns[i].field != static_cast<RecordField>(i)) return false;
  return true;
}
static_assert(in_field_order(), "kRecordColumns lists every RecordField at its index");

constexpr const RecordColumn& row_of(RecordField f) {
  return kRecordColumns[static_cast<std::size_t>(f)];
}

// Calls `on_name(column, name)` for every name a header may have: canonical names first,
// then aliases; stops when it returns true.
template <class OnName>
constexpr bool find_name(OnName on_name) {
  for (const auto& column : kRecordColumns)
    if (on_name(column, column.name)) return true;
  for (const auto& column : kRecordColumns)
    for (std::string_view rest = column.aliases; !rest.empty();) {
      const auto end = rest.find(' ');
      if (on_name(column, rest.substr(0, end))) return true;
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
  return false;
}

// Headers are compared after normalize_header, so names must be in its form.
constexpr bool is_normalised(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Every header name (canonical or alias) is normalised and means one column.
constexpr bool names_are_valid() {
  bool valid = true;
  find_name([&](const RecordColumn&, std::string_view name) {
    std::size_t seen = 0;
    find_name([&](const RecordColumn&, std::string_view other) { return name == other && ++seen > 1; });
    valid = valid && seen == 1 && is_normalised(name);
    return false;
  });
  return valid;
}
static_assert(names_are_valid(), "a record column's names are normalised headers, each meaning one column");

// The column a normalised name means, by its canonical name or an alias (never the weight,
// which only --weight names).
std::optional<RecordField> field_of_name(std::string_view name) {
  std::optional<RecordField> out;
  find_name([&](const RecordColumn& column, std::string_view candidate) {
    if (candidate == name && column.field != RecordField::weight) out = column.field;
    return out.has_value();
  });
  return out;
}

// Whether --label or the preset says the column is a label, whatever its header looks like.
bool labelled(const std::vector<std::string>& labels, const std::string& header) {
  const auto name = normalize_header(header);
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) { return normalize_header(l) == name; });
}

bool overridden(const std::vector<ColumnOverride>& overrides, RecordField f) {
  for (const auto& o : overrides)
    if (normalize_header(o.canonical) == record_field_name(f)) return true;
  return false;
}

std::vector<std::string> all_names() {
  std::vector<std::string> names;
  names.reserve(kRecordColumns.size());
  for (const auto& column : kRecordColumns)
    names.emplace_back(column.name);
  return names;
}

}  // namespace

std::span<const RecordColumn, kRecordFieldCount> record_columns() {
  return kRecordColumns;
}

std::string_view record_field_name(RecordField f) {
  return row_of(f).name;
}

std::optional<RecordField> record_field_named(std::string_view canonical) {
  for (const auto& column : kRecordColumns)
    if (column.name == canonical) return column.field;
  return std::nullopt;
}

const std::vector<std::string_view>& record_header_names() {
  static const auto names = [] {
    std::vector<std::string_view> out;
    find_name([&](const RecordColumn& column, std::string_view name) {
      if (column.field != RecordField::weight) out.push_back(name);  // no header means it by itself
      return false;
    });
    return out;
  }();
  return names;
}

std::optional<RecordField> record_role_of_header(std::string_view header) {
  const auto name = normalize_header(header);
  // "Answered %" is no answered flag; AvgTalkDuration, an alias, says its rate word itself.
  if (names_a_rate(header) && !names_a_rate(name)) return std::nullopt;
  if (const auto f = field_of_name(name)) return f;
  return find_without_unit(name, field_of_name, [](RecordField f) { return cell_kind_of(f) == CellKind::duration; });
}

CellKind cell_kind_of(RecordField f) {
  const auto& reading = row_of(f).reading;
  if (reading.shape == CellReading::Shape::flag) return CellKind::flag;
  if (reading.shape == CellReading::Shape::score) return CellKind::score;
  const bool duration = reading.shape == CellReading::Shape::amount && reading.unit == FieldKind::seconds;
  return duration ? CellKind::duration : CellKind::other;
}

RecordColumnMap::RecordColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                                 const std::string& source, const std::vector<std::string>& labels) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto f = record_role_of_header(header[c]);
    if (!f || labelled(labels, header[c])) continue;
    if (const auto first = columns_[index(*f)]; first && !overridden(overrides, *f))
      throw Error::data(fmt::format("{}: columns {} and {} both mean {} (use --map {}=HEADER to pick one)", source,
                                    quote_value(header[*first]), quote_value(header[c]), record_field_name(*f),
                                    record_field_name(*f)));
    if (columns_[index(*f)]) continue;
    columns_[index(*f)] = c;
    formats_[index(*f)] = cell_format(header[c], {}, cell_kind_of(*f), record_field_name(*f), {});
  }
  for (const auto& o : overrides)
    map_override(header, o, source);
}

void RecordColumnMap::map_override(const std::vector<std::string>& header, const ColumnOverride& o,
                                   const std::string& source) {
  const auto f = record_field_named(normalize_header(o.canonical));
  if (!f) throw Error::unknown("--map: unknown record field", o.canonical, all_names());
  const auto mapped = find_mapped_column(header, o);
  if (!mapped) throw no_such_column(header, o.header, source, "--map");
  columns_[index(*f)] = mapped->column;
  formats_[index(*f)] =
      cell_format(header[mapped->column], mapped->spec, cell_kind_of(*f), record_field_name(*f), o.text());
}

RecordColumns RecordColumnMap::present() const {
  RecordColumns present;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i]) present.add(static_cast<RecordField>(i));
  return present;
}

std::optional<RecordField> RecordColumnMap::field_at(std::size_t column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == column) return static_cast<RecordField>(i);
  return std::nullopt;
}

std::optional<std::string> RecordColumnMap::reading_at(std::size_t column) const {
  std::vector<std::string> readings;  // one outcome column may be read as answered and as abandoned
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (const auto f = static_cast<RecordField>(i); columns_[i] == column)
      readings.push_back(describe_reading(record_field_name(f), cell_kind_of(f), format_of(f)));
  if (readings.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(readings, ", "));
}

ShapeEvidence shape_evidence(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides) {
  ShapeEvidence e;
  // A column --map (or a preset) reads as a field only a log has (wait_s from "Total Queue")
  // is a log's, whatever its header looks like.
  for (const auto& o : overrides)
    if (const auto f = record_field_named(normalize_header(o.canonical)); f && row_of(*f).evidence == log_only)
      ++e.record_columns;
  for (const auto& h : header) {
    const auto record = record_role_of_header(h);
    if (record && row_of(*record).evidence == Evidence::log_only) ++e.record_columns;
    const auto period = role_of_header(h);
    // "answered", "resolved" and the like mean a count in a period table and a flag in a
    // log; only names a log never uses count for the period shape.
    if (period.kind == ColumnRole::Kind::field && !record) ++e.period_columns;
  }
  return e;
}

}  // namespace cxkpi::cli
