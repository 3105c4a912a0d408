// The state SQL of `cxkpi sql`: every sum of accumulate_contact (cxkpi/record.hpp) as one
// SUM(CASE …) per field over rows derived as derive_flags derives them, the rules of
// check_contact as counts with an example id, and the dimension tables of sql/calendar.
#include "sql/state_sql.hpp"

#include <fmt/format.h>

#include <array>
#include <functional>

#include "compute/buckets.hpp"
#include "compute/state.hpp"

namespace cxkpi::cli {
namespace {

using R = RecordField;

// The raw integer columns of `r`, each from one canonical field, and how the field is typed.
enum class Typed : unsigned char { flag, score, amount, time };
struct RawColumn {
  R field;
  std::string_view name;
  Typed typed;
};
constexpr std::array kRawColumns{
    RawColumn{R::offered, "offered", Typed::flag},
    RawColumn{R::answered, "answered", Typed::flag},
    RawColumn{R::abandoned, "abandoned", Typed::flag},
    RawColumn{R::resolved, "resolved", Typed::flag},
    RawColumn{R::first_contact_resolved, "fcr", Typed::flag},
    RawColumn{R::transferred, "transferred", Typed::flag},
    RawColumn{R::wait_s, "wait", Typed::amount},
    RawColumn{R::talk_s, "talk", Typed::amount},
    RawColumn{R::hold_s, "hold", Typed::amount},
    RawColumn{R::wrap_s, "wrap", Typed::amount},
    RawColumn{R::cost, "cost", Typed::amount},
    RawColumn{R::csat, "csat", Typed::score},
    RawColumn{R::nps, "nps", Typed::score},
    RawColumn{R::ces, "ces", Typed::score},
    RawColumn{R::opened_at, "opened_u", Typed::time},
    RawColumn{R::first_response_at, "fr_at_u", Typed::time},
    RawColumn{R::resolved_at, "res_at_u", Typed::time},
};

// Columns a contact log may have that the state SQL does not read yet.
constexpr std::array kUnread{std::pair{R::first_response_s, "first_response_s"}, std::pair{R::date, "date"},
                             std::pair{R::time, "time"}};

class Renderer {
 public:
  Renderer(const Dialect& d, const StateSqlPlan& plan) : d_(d), plan_(plan) {}

  std::string render() const {
    std::string sql = fmt::format(
        "-- cxkpi sql --dialect {}: a partial state (format v1) for cxkpi merge; its sums are those of a local\n"
        "-- run with --emit-state and the settings below.\nWITH\n",
        d_.name);
    sql += dimension("cx_tz", {"utc_day", "off_a", "switch_u", "off_b"}, tz_rows()) + ",\n";
    sql += dimension("cx_period", {"local_day", "period_order", "period"}, period_rows()) + ",\n";
    sql += plan_.input.table.empty() ? fmt::format("src AS (\n{}\n),\n", plan_.input.source_sql)
                                     : fmt::format("src AS (SELECT * FROM {}),\n", plan_.input.table);
    sql += typed() + derived() + placed() + aggregated() + state();
    sql += fmt::format(
        "SELECT t AS {}, sha AS {}, period_order AS {}, period AS {}{}, field AS {}, k AS {}, v AS {}\n"
        "FROM state\n",
        q("t"), q("sha"), q("period_order"), q("period"), group_outputs(), q("field"), q("key"), q("value"));
    return sql;
  }

 private:
  [[nodiscard]] std::string q(std::string_view name) const { return quoted_identifier(d_, name); }
  [[nodiscard]] bool has(R f) const { return plan_.input.fields.contains(f); }
  [[nodiscard]] std::string text(std::string_view s) const {
    std::string out = "'";
    for (const char c : s) {
      if (c == '\'')
        out += d_.quote == "`" ? "\\'" : "''";
      else if (c == '\\' && d_.quote == "`")
        out += "\\\\";  // Spark and BigQuery read backslash escapes
      else
        out += c;
    }
    return out + "'";
  }
  [[nodiscard]] std::string cast_int(const std::string& e) const {
    return fmt::format("CAST({} AS {})", e, d_.int_type);
  }
  [[nodiscard]] std::string cast_text(const std::string& e) const {
    return fmt::format("CAST({} AS {})", e, d_.text_type);
  }
  // blank(f): the input has the column and this row's cell is empty (METRICS.md §0: missing).
  [[nodiscard]] std::string blank(R f, std::string_view column) const {
    return has(f) ? fmt::format("{} IS NULL", column) : "1 = 0";
  }

  // ---- dimension tables ----

  [[nodiscard]] std::string dimension(std::string_view name, const std::vector<std::string_view>& columns,
                                      const std::vector<std::vector<std::string>>& rows) const {
    std::vector<std::string> lines;
    for (const auto& row : rows) {
      if (d_.rows == RowsStyle::unnest_struct) {
        std::vector<std::string> named;
        for (std::size_t i = 0; i < row.size(); ++i)
          named.push_back(fmt::format("{} AS {}", row[i], columns[i]));
        lines.push_back(fmt::format("STRUCT({})", fmt::join(named, ", ")));
      } else {
        lines.push_back(fmt::format("({})", fmt::join(row, ", ")));
      }
    }
    const auto body = fmt::format("{}", fmt::join(lines, ",\n  "));
    switch (d_.rows) {
      case RowsStyle::values:
        return fmt::format("{}({}) AS (VALUES\n  {})", name, fmt::join(columns, ", "), body);
      case RowsStyle::select_values:
        return fmt::format("{} AS (SELECT * FROM VALUES\n  {}\n  AS v({}))", name, body, fmt::join(columns, ", "));
      case RowsStyle::unnest_struct:
        return fmt::format("{} AS (SELECT * FROM UNNEST([\n  {}]))", name, body);
    }
    return {};
  }
  [[nodiscard]] std::vector<std::vector<std::string>> tz_rows() const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& z : plan_.calendar.tz)
      rows.push_back(
          {std::to_string(z.utc_day), std::to_string(z.off_a), std::to_string(z.switch_u), std::to_string(z.off_b)});
    return rows;
  }
  [[nodiscard]] std::vector<std::vector<std::string>> period_rows() const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : plan_.calendar.periods)
      rows.push_back({std::to_string(p.local_day), std::to_string(p.period.order), text(p.period.label)});
    return rows;
  }

  // ---- rows ----

  [[nodiscard]] std::string typed_column(const RawColumn& c) const {
    const auto it = plan_.input.fields.find(c.field);
    if (it == plan_.input.fields.end())
      return fmt::format("CAST(NULL AS {}) AS {}",
                         c.typed == Typed::flag || c.typed == Typed::score ? "INTEGER" : d_.int_type, c.name);
    const auto& e = it->second;
    switch (c.typed) {
      case Typed::flag:
      case Typed::score:
        return fmt::format("CAST({} AS INTEGER) AS {}", e, c.name);
      case Typed::amount:
        return fmt::format("{} AS {}", cast_int(fmt::format("ROUND({} * 10000)", e)), c.name);
      case Typed::time:
        return fmt::format("{} AS {}", fmt::format(fmt::runtime(d_.epoch_raw), e), c.name);
    }
    return {};
  }

  [[nodiscard]] std::string typed() const {
    std::vector<std::string> cols;
    const auto id = plan_.input.fields.find(R::id);
    cols.push_back(id == plan_.input.fields.end() ? fmt::format("CAST(NULL AS {}) AS id", d_.text_type)
                                                  : fmt::format("{} AS id", cast_text(id->second)));
    for (const auto& c : kRawColumns)
      cols.push_back(typed_column(c));
    const auto agent = plan_.input.fields.find(R::agent);
    if (agent != plan_.input.fields.end())
      cols.push_back(fmt::format("CASE WHEN {} IS NULL OR TRIM({}) = '' THEN 0 ELSE 1 END AS has_agent", agent->second,
                                 cast_text(agent->second)));
    for (std::size_t i = 0; i < plan_.input.groups.size(); ++i)
      cols.push_back(fmt::format("COALESCE(TRIM({}), '') AS g{}", cast_text(plan_.input.groups[i].second), i + 1));
    return fmt::format("r AS (SELECT\n  {}\nFROM src),\n", fmt::join(cols, ",\n  "));
  }

  // derive_flags: offered 1 when blank or absent; answered from abandoned, else from the agent
  // cell or a talk time; abandoned = offered − answered; resolved and first_contact_resolved.
  [[nodiscard]] std::string derived() const {
    std::string answered_by_evidence = "NULL";
    if (has(R::agent))
      answered_by_evidence = "CASE WHEN has_agent = 1 OR COALESCE(talk, 0) > 0 THEN 1 ELSE 0 END";
    else if (has(R::talk_s))
      answered_by_evidence = "CASE WHEN talk IS NULL THEN NULL WHEN talk > 0 THEN 1 ELSE 0 END";
    const auto resolved = has(R::resolved)
                              ? "CASE WHEN resolved IS NULL AND (fcr = 1 OR resn IS NOT NULL) THEN 1 ELSE resolved END"
                              : "resolved";
    return fmt::format(
        "d1 AS (SELECT r.*,\n"
        "  COALESCE(offered, 1) AS off,\n"
        "  fr_at_u - opened_u AS fr,\n"
        "  res_at_u - opened_u AS resn,\n"
        "  CASE WHEN COALESCE(offered, 1) = 0 THEN COALESCE(answered, 0) WHEN answered IS NOT NULL THEN answered\n"
        "       WHEN abandoned IS NOT NULL THEN 1 - abandoned ELSE {} END AS ans\n"
        "FROM r),\n"
        "d2 AS (SELECT d1.*,\n"
        "  CASE WHEN off = 0 THEN COALESCE(abandoned, 0) WHEN abandoned IS NOT NULL THEN abandoned\n"
        "       WHEN ans IS NOT NULL THEN 1 - ans ELSE NULL END AS abd,\n"
        "  {} AS res\n"
        "FROM d1),\n",
        answered_by_evidence, resolved);
  }

  // Local time through cx_tz, the period through cx_period; in_range: inside --from/--to.
  [[nodiscard]] std::string placed() const {
    const auto fcr = has(R::first_contact_resolved) ? "CASE WHEN fcr IS NULL AND res = 0 THEN 0 ELSE fcr END" : "fcr";
    return fmt::format(
        "t AS (SELECT d2.*,\n"
        "  {} AS fcr_d,\n"
        "  d2.opened_u + 10000 * CASE WHEN d2.opened_u < z.switch_u THEN z.off_a ELSE z.off_b END AS local_u\n"
        "FROM d2 LEFT JOIN cx_tz z ON z.utc_day = {}),\n"
        "c AS (SELECT t.*, p.period_order, p.period,\n"
        "  CASE WHEN t.local_u >= {} AND t.local_u < {} THEN 1 ELSE 0 END AS in_range\n"
        "FROM t LEFT JOIN cx_period p ON p.local_day = {}),\n",
        fcr, cast_int("FLOOR(d2.opened_u / 864000000.0)"), plan_.calendar.from_local * 10000,
        plan_.calendar.to_local * 10000, cast_int("FLOOR(t.local_u / 864000000.0)"));
  }

  // ---- sums ----

  [[nodiscard]] std::string square(const std::string& raw) const {
    const auto s = fmt::format("(CAST({} AS {}) / 10000)", raw, d_.real_type);
    return cast_int(fmt::format("ROUND({} * {})", s, s));
  }

  // Each field of accumulate_contact with the row's contribution to it.
  // NOLINTNEXTLINE(readability-function-size): a table, one line per field of accumulate_contact
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> sums() const {
    const auto when = [](const std::string& cond, const std::string& value = "1") {
      return fmt::format("CASE WHEN {} THEN {} ELSE 0 END", cond, value);
    };
    const auto& rules = plan_.rules;
    const auto within = fmt::format("wait {} {}", rules.strict ? "<" : "<=", rules.threshold_raw);
    const auto handle_blank =
        fmt::format("({} OR {} OR {})", blank(R::talk_s, "talk"), blank(R::hold_s, "hold"), blank(R::wrap_s, "wrap"));
    const auto fcr_unknown = fmt::format("ans = 1 AND fcr_d IS NULL AND {}", blank(R::first_contact_resolved, "fcr"));
    const auto res_unknown = fmt::format("res IS NULL AND {}", blank(R::resolved, "resolved"));
    std::vector<std::pair<std::string, std::string>> out{
        {"contacts", "1"},
        {"offered", when("off = 1")},
        {"handled", when("ans = 1")},
        {"answer_wait_s", when("ans = 1 AND wait IS NOT NULL", "wait")},
        {"answer_wait_s_squared", when("ans = 1 AND wait IS NOT NULL", square("wait"))},
        {"answered_in_t", when("ans = 1 AND " + within)},
        {"resolved_first_contact", when("ans = 1 AND fcr_d = 1")},
        {"held", when("ans = 1 AND hold > 0")},
        {"transfers", when("ans = 1 AND transferred = 1")},
        {"abandoned", when("abd = 1")},
        {"abandon_wait_s", when("abd = 1 AND wait IS NOT NULL", "wait")},
        {"abandoned_in_t", when(fmt::format("abd = 1 AND wait <= {}", rules.threshold_raw))},
        {"short_abandoned", when(fmt::format("abd = 1 AND wait < {}", rules.short_abandon_raw))},
        {"queued", when("ans IS NOT NULL AND off = 1 AND (COALESCE(wait, 0) > 0 OR abd = 1)")},
        {"talk_s", when("ans = 1", "COALESCE(talk, 0)")},
        {"hold_s", when("ans = 1", "COALESCE(hold, 0)")},
        {"wrap_s", when("ans = 1", "COALESCE(wrap, 0)")},
        {"handle_s_squared",
         when("ans = 1 AND NOT " + handle_blank, square("COALESCE(talk, 0) + COALESCE(hold, 0) + COALESCE(wrap, 0)"))},
        {"answered_untimed", when("ans = 1 AND " + blank(R::wait_s, "wait"))},
        {"abandoned_untimed", when("abd = 1 AND " + blank(R::wait_s, "wait"))},
        {"queue_unknown", when("abd = 0 AND off = 1 AND " + blank(R::wait_s, "wait"))},
        {"handle_unknown", when("ans = 1 AND " + handle_blank)},
        {"handle_unknown_talk_s", when("ans = 1 AND " + handle_blank, "COALESCE(talk, 0)")},
        {"handle_unknown_hold_s", when("ans = 1 AND " + handle_blank, "COALESCE(hold, 0)")},
        {"handle_unknown_wrap_s", when("ans = 1 AND " + handle_blank, "COALESCE(wrap, 0)")},
        {"hold_unknown", when("ans = 1 AND " + blank(R::hold_s, "hold"))},
        {"transfer_unknown", when("ans = 1 AND " + blank(R::transferred, "transferred"))},
        {"fcr_unknown", when(fcr_unknown)},
        {"resolved_fcr_unknown", when(fmt::format("res = 1 AND (ans IS NULL OR ({}))", fcr_unknown))},
        {"outcome_unknown", when("ans IS NULL")},
        {"outcome_unknown_costed", when("ans IS NULL AND cost IS NOT NULL")},
        {"outcome_unknown_cost", when("ans IS NULL AND cost IS NOT NULL", "cost")},
        {"resolution_unknown", when(res_unknown)},
        {"handled_resolution_unknown", when(res_unknown + " AND ans = 1")},
        {"resolution_unknown_costed", when(res_unknown + " AND cost IS NOT NULL")},
        {"resolution_unknown_cost", when(res_unknown + " AND cost IS NOT NULL", "cost")},
        {"cost_unknown", when(blank(R::cost, "cost"))},
        {"handled_cost_unknown", when(blank(R::cost, "cost") + " AND ans = 1")},
        {"resolved_cost_unknown", when(blank(R::cost, "cost") + " AND res = 1")},
        {"resolved", when("res = 1")},
        {"resolved_handled", when("res = 1 AND ans = 1")},
        {"total_cost", "COALESCE(cost, 0)"},
        {"promoters", when("nps >= 9")},
        {"passives", when("nps >= 7 AND nps < 9")},
        {"detractors", when("nps <= 6")},
        {"first_responses", when("fr IS NOT NULL")},
        {"timed_resolutions", when("resn IS NOT NULL")},
    };
    for (int k = 1; k <= rules.csat_scale; ++k)
      out.emplace_back(std::string(name_of(csat_score_field(k))), when(fmt::format("csat = {}", k)));
    for (int k = 1; k <= rules.ces_scale; ++k)
      out.emplace_back(std::string(name_of(ces_score_field(k))), when(fmt::format("ces = {}", k)));
    return out;
  }

  [[nodiscard]] std::string group_list(std::string_view prefix = "") const {
    std::string out;
    for (std::size_t i = 1; i <= plan_.input.groups.size(); ++i)
      out += fmt::format(", {}g{}", prefix, i);
    return out;
  }
  [[nodiscard]] std::string group_outputs() const {
    std::string out;
    for (std::size_t i = 0; i < plan_.input.groups.size(); ++i)
      out += fmt::format(", g{} AS {}", i + 1, q("g_" + plan_.input.groups[i].first));
    return out;
  }
  [[nodiscard]] std::string no_groups() const {
    std::string out;
    for (std::size_t i = 0; i < plan_.input.groups.size(); ++i)
      out += ", ''";
    return out;
  }

  [[nodiscard]] std::string aggregated() const {
    std::vector<std::string> cols;
    for (const auto& [name, expr] : sums())
      cols.push_back(fmt::format("{} AS f_{}", cast_int(fmt::format("SUM({})", expr)), name));
    return fmt::format(
        "agg AS (SELECT period_order, period{},\n  {}\nFROM c WHERE in_range = 1\nGROUP BY period_order, period{}),\n",
        group_list(), fmt::join(cols, ",\n  "), group_list());
  }

  // ---- state lines ----

  [[nodiscard]] std::string state() const {
    const auto sha = text(settings_sha(plan_.settings));
    const auto nulls = [&] {
      std::string out;
      for (std::size_t i = 0; i < plan_.input.groups.size(); ++i)
        out += fmt::format(", CAST(NULL AS {}) AS g{}", d_.text_type, i + 1);
      return out;
    }();
    const auto meta = [&](std::string_view kind, const std::string& k) {
      return fmt::format(
          "SELECT '{}' AS t, {} AS sha, CAST(NULL AS {}) AS period_order, CAST(NULL AS {}) AS period{}, "
          "CAST(NULL AS {}) AS field, {} AS k, CAST(NULL AS {}) AS v",
          kind, sha, d_.int_type, d_.text_type, nulls, d_.text_type, k, d_.int_type);
    };
    std::vector<std::string> parts{meta("S", text(settings_text(plan_.settings))),
                                   meta("P", text(supplied_list(plan_.supplied)))};
    const auto bucket = fmt::format("SELECT 'D', {}, period_order, period{}", sha, group_list());
    parts.push_back(fmt::format("{}, 'bucket', '', 0 FROM agg", bucket));
    for (const auto& [name, expr] : sums())
      parts.push_back(fmt::format("{}, '{}', '', f_{} FROM agg WHERE f_{} <> 0", bucket, name, name, name));
    for (const auto& [sample, column] : {std::pair{"first_response", "fr"}, std::pair{"resolution", "resn"}})
      parts.push_back(
          fmt::format("{}, 'hist:{}', {}, COUNT(*) FROM c WHERE in_range = 1 AND {} IS NOT NULL\n"
                      "  GROUP BY period_order, period{}, {}",
                      bucket, sample, cast_text(column), column, group_list(), column));
    const auto example = fmt::format("MIN(id{})", d_.byte_order);
    for (const auto& [rule, cond] : checks())
      parts.push_back(fmt::format("SELECT 'D', {}, 0, ''{}, {}, {}, COUNT(*) FROM c WHERE {} HAVING COUNT(*) > 0", sha,
                                  no_groups(), text("chk:" + rule), example, cond));
    if (has(R::id))
      parts.push_back(fmt::format(
          "SELECT 'D', {}, 0, ''{}, 'chk:repeated-id', MIN(id{}), {} FROM (SELECT id, COUNT(*) AS n FROM c WHERE id IS "
          "NOT NULL GROUP BY id HAVING COUNT(*) > 1) dup HAVING COUNT(*) > 0",
          sha, no_groups(), d_.byte_order, cast_int("SUM(n - 1)")));
    parts.push_back(
        fmt::format("SELECT 'D', {}, 0, ''{}, 'cov', {}, COUNT(*) FROM c WHERE in_range = 0 OR in_range IS NULL HAVING "
                    "COUNT(*) > 0",
                    sha, no_groups(), example));
    return fmt::format("state AS (\n{}\n)\n", fmt::join(parts, "\nUNION ALL\n"));
  }

  // check_contact's rules, and the cells a local read refuses (a flag other than 0 or 1, a
  // negative duration, a row without its time).
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> checks() const {
    const auto& rules = plan_.rules;
    std::vector<std::pair<std::string, std::string>> out{
        {"answered+abandoned>offered", "COALESCE(ans, 0) + COALESCE(abd, 0) > off"},
        {"first_contact_resolved-but-resolved-0", "fcr_d = 1 AND res = 0"},
        {fmt::format("csat-outside-1-{}", rules.csat_scale), fmt::format("csat < 1 OR csat > {}", rules.csat_scale)},
        {fmt::format("ces-outside-1-{}", rules.ces_scale), fmt::format("ces < 1 OR ces > {}", rules.ces_scale)},
        {"nps-outside-0-10", "nps < 0 OR nps > 10"},
        {"transferred-but-not-answered", "transferred = 1 AND ans = 0"},
        {"talk_s-on-an-abandon", "COALESCE(talk, 0) > 0 AND abd = 1"},
        {"first_response_at-before-opened_at", "fr < 0"},
        {"resolved_at-before-opened_at", "resn < 0"},
        {"resolved_at-but-resolved-0", "resn IS NOT NULL AND res = 0"},
        {"flag-not-0-or-1",
         "offered NOT IN (0, 1) OR answered NOT IN (0, 1) OR abandoned NOT IN (0, 1) OR resolved NOT IN (0, 1) OR fcr "
         "NOT IN (0, 1) OR transferred NOT IN (0, 1)"},
        {"negative-duration", "wait < 0 OR talk < 0 OR hold < 0 OR wrap < 0"},
        {"opened_at-blank", "opened_u IS NULL"},
    };
    return out;
  }

  const Dialect& d_;
  const StateSqlPlan& plan_;
};

}  // namespace

std::optional<std::string> sql_refusal(const RecordRules& rules, const BucketOptions& options,
                                       const RecordColumns& columns) {
  if (rules.window)
    return "per-customer windows (fcr --method window, repeat-contact-rate) are not rendered as SQL yet";
  if (rules.cases) return "contacts-to-resolution is not rendered as SQL yet";
  if (rules.count_agents) return "per-agent figures (resolved-per-agent) are not rendered as SQL yet";
  if (rules.awaiting) return "--awaiting is not rendered as SQL yet";
  if (rules.business_hours) return "--business-hours is not rendered as SQL yet";
  if (rules.exact_limit != kExactAtAnySize) return "--approx/--exact-limit are not rendered as SQL yet";
  if (!rules.handle.talk || !rules.handle.hold || !rules.handle.wrap)
    return "AHT without some handle-time components is not rendered as SQL yet";
  if (!options.by_column.empty()) return "--by-column is not rendered as SQL yet";
  if (needs_time_of_day(options.by)) return "--by hour, hour-of-day and intervals (15m) are not rendered as SQL yet";
  if (!options.time_formats.empty()) return "--time-format: the engine types the times";
  if (columns.row_kind() != RowKind::contact)
    return "knowledge-base view logs and agent surveys are not rendered as SQL yet";
  if (!columns.has(R::opened_at)) return "the state SQL needs an opened_at column (--columns or --map)";
  for (const auto& [field, name] : kUnread)
    if (columns.has(field)) return fmt::format("a {} column is not read by the state SQL yet", name);
  return std::nullopt;
}

std::string render_state_sql(const Dialect& d, const StateSqlPlan& plan) {
  return Renderer(d, plan).render();
}

}  // namespace cxkpi::cli
