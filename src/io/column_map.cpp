#include "io/column_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>

#include "errors.hpp"
#include "io/cell_format.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// A header name and what it means: a canonical field of period tables and logs, or an input
// of a table of intervals (erlang-c).
struct Alias {
  constexpr Alias(std::string_view n, Field f) : name(n), field(f) {}
  constexpr Alias(std::string_view n, StaffingColumn s) : name(n), staffing(s) {}
  std::string_view name;  // normalised header
  std::optional<Field> field;
  StaffingColumn staffing = StaffingColumn::none;
};

// Names that exports and period tables use for the canonical fields (canonical field names
// themselves always match and are not repeated here), and the names tables of intervals
// use for erlang-c's inputs, their own names included.
constexpr std::array kAliases{
    Alias{"total_contacts", Field::contacts},
    Alias{"contact_volume", Field::contacts},
    Alias{"interactions", Field::contacts},
    Alias{"order_count", Field::orders},
    Alias{"total_orders", Field::orders},
    Alias{"active_customers", Field::customers},
    Alias{"customer_count", Field::customers},
    Alias{"cost", Field::total_cost},
    Alias{"costs", Field::total_cost},
    Alias{"total_costs", Field::total_cost},
    Alias{"nps_promoters", Field::promoters},
    Alias{"nps_passives", Field::passives},
    Alias{"nps_detractors", Field::detractors},
    Alias{"responses", Field::csat_responses},
    Alias{"survey_responses", Field::csat_responses},
    Alias{"csat_count", Field::csat_responses},
    Alias{"satisfied", Field::csat_satisfied},
    Alias{"satisfied_responses", Field::csat_satisfied},
    Alias{"calls_offered", Field::offered},
    Alias{"contacts_offered", Field::offered},
    Alias{"calls_abandoned", Field::abandoned},
    Alias{"contacts_abandoned", Field::abandoned},
    Alias{"abandons", Field::abandoned},
    Alias{"short_abandons", Field::short_abandoned},
    Alias{"contacts_queued", Field::queued},
    Alias{"answered", Field::handled},
    Alias{"calls_handled", Field::handled},
    Alias{"calls_answered", Field::handled},
    Alias{"contacts_handled", Field::handled},
    Alias{"talk", Field::talk_s},
    Alias{"talk_time", Field::talk_s},
    Alias{"talk_time_s", Field::talk_s},
    Alias{"talk_seconds", Field::talk_s},
    Alias{"total_talk_time", Field::talk_s},
    Alias{"hold", Field::hold_s},
    Alias{"hold_time", Field::hold_s},
    Alias{"hold_time_s", Field::hold_s},
    Alias{"hold_seconds", Field::hold_s},
    Alias{"total_hold_time", Field::hold_s},
    Alias{"wrap", Field::wrap_s},
    Alias{"wrap_time", Field::wrap_s},
    Alias{"wrap_time_s", Field::wrap_s},
    Alias{"wrap_up_time", Field::wrap_s},
    Alias{"acw", Field::wrap_s},
    Alias{"acw_s", Field::wrap_s},
    Alias{"after_call_work", Field::wrap_s},
    Alias{"total_wrap_time", Field::wrap_s},
    Alias{"fcr_count", Field::resolved_first_contact},
    Alias{"first_contact_resolutions", Field::resolved_first_contact},
    Alias{"resolved_first_call", Field::resolved_first_contact},
    Alias{"resolved_count", Field::resolved},
    Alias{"sessions", Field::visits},
    Alias{"site_visits", Field::visits},
    Alias{"web_visits", Field::visits},
    Alias{"emails_delivered", Field::delivered},
    Alias{"messages_delivered", Field::delivered},
    Alias{"opens", Field::opened},
    Alias{"unique_opens", Field::opened},
    Alias{"clicks", Field::clicked},
    Alias{"unique_clicks", Field::clicked},
    Alias{"article_views", Field::views},
    Alias{"kb_views", Field::views},
    Alias{"page_views", Field::views},
    Alias{"read_time_s", Field::read_s},
    Alias{"total_read_time", Field::read_s},
    Alias{"time_on_page_s", Field::read_s},
    Alias{"enps_promoter", Field::enps_promoters},
    Alias{"enps_passive", Field::enps_passives},
    Alias{"enps_detractor", Field::enps_detractors},
    Alias{"calls", StaffingColumn::calls},
    Alias{"call_volume", StaffingColumn::calls},
    Alias{"calls_forecast", StaffingColumn::calls},
    Alias{"forecast_calls", StaffingColumn::calls},
    Alias{"forecast", StaffingColumn::calls},
    Alias{"volume", StaffingColumn::calls},
    Alias{"arrivals", StaffingColumn::calls},
    Alias{"aht", StaffingColumn::aht},
    Alias{"aht_s", StaffingColumn::aht},
    Alias{"aht_seconds", StaffingColumn::aht},
    Alias{"average_handle_time", StaffingColumn::aht},
    Alias{"avg_handle_time", StaffingColumn::aht},
    Alias{"handle_time", StaffingColumn::aht},
    Alias{"average_handle_time_s", StaffingColumn::aht},
    Alias{"interval_s", StaffingColumn::interval_s},
    Alias{"interval_seconds", StaffingColumn::interval_s},
    Alias{"interval_length", StaffingColumn::interval_s},
    Alias{"interval_length_s", StaffingColumn::interval_s},
    Alias{"length_s", StaffingColumn::interval_s},
    Alias{"interval_len", StaffingColumn::interval_s},
};

constexpr std::array<std::string_view, 14> kPeriodNames{
    "period",       "date",           "day",        "week",       "month",       "quarter",  "year", "interval",
    "period_start", "interval_start", "start_date", "week_start", "month_start", "date_time"};

std::vector<std::string> canonical_names() {
  std::vector<std::string> names{"period"};
  for (const auto& f : kFields)
    names.emplace_back(f.name);
  return names;
}

// Where a --map's SPEC starts: at the colon before "hh:mm:ss" when that unit ends the text or
// is followed by more of the SPEC (":hh:mm:ss,0=blank"), else after the last colon.
std::size_t spec_colon(std::string_view header) {
  constexpr std::string_view kClock = ":hh:mm:ss";
  for (auto at = header.size(); at-- > 0;) {
    if (header.size() - at < kClock.size() || !equals_ignoring_case(header.substr(at, kClock.size()), kClock)) continue;
    const auto after = at + kClock.size();
    if (after == header.size() || header[after] == ',') return at;
  }
  return header.rfind(':');
}

// The field a normalised name is, by its own name or an alias.
std::optional<Field> field_of_name(std::string_view name) {
  if (const auto f = field_named(name)) return f;
  for (const auto& a : kAliases)
    if (a.field && a.name == name) return a.field;
  return std::nullopt;
}

bool is_duration(Field f) {
  return info(f).kind == FieldKind::seconds;
}

// The column a --map names and the role it gives it, in the unit its SPEC or the header says.
std::pair<std::size_t, ColumnRole> mapped_role(const std::vector<std::string>& header, const ColumnOverride& o,
                                               const std::string& source) {
  const auto canonical = normalize_header(o.canonical);
  const auto f = field_named(canonical);
  if (!f && canonical != "period") throw Error::unknown("--map: unknown field", o.canonical, canonical_names());
  const auto mapped = find_mapped_column(header, o);
  if (!mapped) throw no_such_column(header, o.header, source, "--map");
  const auto kind = f && is_duration(*f) ? CellKind::duration : CellKind::other;
  const auto format = cell_format(header[mapped->column], mapped->spec, kind, f ? name_of(*f) : "period", o.text());
  if (format.has_conventions())
    throw Error::usage(
        fmt::format("--map {}: a table of period totals takes a unit only; words for yes, blank=0, "
                    "0=blank and present read the cells of a per-contact log",
                    o.text()));
  if (!f) return {mapped->column, {ColumnRole::Kind::period, {}}};
  return {mapped->column, {ColumnRole::Kind::field, *f, format.unit}};
}

}  // namespace

ColumnRole role_of_header(std::string_view header) {
  const auto name = normalize_header(header);
  if (names_a_rate(header) && !names_a_rate(name)) return {};  // "Abandoned %" is no count of abandons
  if (const auto f = field_of_name(name)) return {ColumnRole::Kind::field, *f};
  if (const auto f = find_without_unit(name, field_of_name, is_duration))
    return {ColumnRole::Kind::field, *f, split_unit_suffix(name)->second};
  if (std::find(kPeriodNames.begin(), kPeriodNames.end(), name) != kPeriodNames.end())
    return {ColumnRole::Kind::period, {}};
  return {};
}

std::string field_reading(const ColumnRole& role) {
  CellFormat format;
  format.unit = role.unit;
  return describe_reading(name_of(role.field), is_duration(role.field) ? CellKind::duration : CellKind::other, format);
}

const std::vector<std::string_view>& period_header_names() {
  static const auto names = [] {
    std::vector<std::string_view> out;
    out.reserve(kFields.size() + kAliases.size() + kPeriodNames.size());
    for (const auto& f : kFields)
      out.push_back(f.name);
    for (const auto& a : kAliases)
      if (a.field) out.push_back(a.name);
    out.insert(out.end(), kPeriodNames.begin(), kPeriodNames.end());
    return out;
  }();
  return names;
}

StaffingColumn staffing_column_of_header(std::string_view header) {
  const auto name = normalize_header(header);
  for (const auto& a : kAliases)
    if (a.staffing != StaffingColumn::none && a.name == name) return a.staffing;
  return StaffingColumn::none;
}

std::optional<std::size_t> find_column(const std::vector<std::string>& header, std::string_view name) {
  // A name written exactly as a header is that header, even when another normalises alike
  // (a flattened "agent.name" beside an "Agent.Name" object).
  if (const auto exact = std::find(header.begin(), header.end(), name); exact != header.end())
    return static_cast<std::size_t>(exact - header.begin());
  const auto wanted = normalize_header(name);
  for (std::size_t c = 0; c < header.size(); ++c)
    if (normalize_header(header[c]) == wanted) return c;
  return std::nullopt;
}

std::string ColumnOverride::text() const {
  return spec.empty() ? fmt::format("{}={}", canonical, header) : fmt::format("{}={}:{}", canonical, header, spec);
}

ColumnOverride parse_column_override(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
    throw Error::usage(fmt::format("--map takes field=Header, not {}", quote_value(text)));
  ColumnOverride o{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)), {}};
  const auto colon = spec_colon(o.header);
  if (colon != std::string::npos && colon > 0 && colon + 1 < o.header.size()) {
    o.spec = o.header.substr(colon + 1);
    o.header.resize(colon);
  }
  return o;
}

std::optional<MappedColumn> find_mapped_column(const std::vector<std::string>& header, const ColumnOverride& o) {
  if (const auto column = find_column(header, o.header)) return MappedColumn{*column, o.spec};
  if (o.spec.empty()) return std::nullopt;
  if (const auto whole = find_column(header, o.header + ":" + o.spec)) return MappedColumn{*whole, {}};
  return std::nullopt;
}

Error no_such_column(const std::vector<std::string>& header, std::string_view name, std::string_view source,
                     std::string_view flag) {
  return Error::unknown(fmt::format("{}: {} has no column", flag, source), name, header, {}, HintStyle::quoted);
}

ColumnMap::ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                     const std::string& source) {
  roles_.reserve(header.size());
  for (const auto& h : header)
    roles_.push_back(role_of_header(h));
  for (const auto& o : overrides) {
    const auto [column, role] = mapped_role(header, o, source);
    // The override wins: any other column that claimed the same role goes back to a label.
    for (auto& r : roles_)
      if (r.kind == role.kind && (role.kind == ColumnRole::Kind::period || r.field == role.field)) r = {};
    roles_[column] = role;
  }
  for (std::size_t c = 0; c < roles_.size(); ++c) {
    const auto& r = roles_[c];
    if (r.kind == ColumnRole::Kind::label) {
      if (!normalize_header(header[c]).empty()) labels_.push_back(c);  // an unnamed column labels nothing
    } else if (r.kind == ColumnRole::Kind::period) {
      if (!period_)
        period_ = c;
      else
        labels_.push_back(c);  // a second date-like column (e.g. week beside month) labels rows
    } else if (const auto first = column_of(r.field); first && *first != c) {
      throw Error::data(fmt::format("{}: columns {} and {} both mean {} (use --map {}=HEADER to pick one)", source,
                                    quote_value(header[*first]), quote_value(header[c]), name_of(r.field),
                                    name_of(r.field)));
    }
  }
}

std::optional<std::size_t> ColumnMap::column_of(Field f) const {
  for (std::size_t c = 0; c < roles_.size(); ++c)
    if (roles_[c].kind == ColumnRole::Kind::field && roles_[c].field == f) return c;
  return std::nullopt;
}

FieldSet ColumnMap::fields() const {
  FieldSet set;
  for (const auto& r : roles_)
    if (r.kind == ColumnRole::Kind::field) set.add(r.field);
  return set;
}

}  // namespace cxkpi::cli
