#pragma once
// The SQL of `cxkpi sql`'s state mode: one statement (a chain of CTEs, no temporary objects)
// whose rows are a partial state (format v1, CSV form: t,sha,period_order,period,g_<name>…,
// field,key,value) that `cxkpi merge` adds up and finalises as a local run of the same flags.
//
//   src     the table or --source-sql
//   r       the canonical fields, typed: flags and scores as integers, durations and cost in
//           1/10000 units, times as 1/10000 s since 1970
//   d1, d2  the derived fields of METRICS.md §0 (offered 1 when blank, answered and abandoned
//           from each other, resolved and first_contact_resolved from the row)
//   t, c    local time through cx_tz, the period through cx_period, whether --from/--to holds it
//   agg     each bucket's exact sums (accumulate_contact of cxkpi/record.hpp, row by row)
//   state   S and P lines, a D line per non-zero sum, histograms of first response and
//           resolution times, chk lines for rows that break a rule, a cov line for rows
//           outside --from/--to

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cxkpi/record.hpp"
#include "sql/calendar.hpp"
#include "sql/dialect.hpp"

namespace cxkpi::cli {

struct BucketOptions;  // compute/buckets.hpp

/// What the SQL reads: a table or a query, and an expression per canonical field it has.
struct SqlInput {
  std::string table;                                        // --table
  std::string source_sql;                                   // --source-sql
  std::map<RecordField, std::string> fields;                // canonical field → SQL expression
  std::vector<std::pair<std::string, std::string>> groups;  // --group name → SQL expression
};

struct StateSqlPlan {
  SqlInput input;
  RecordRules rules;
  Calendar calendar;
  nlohmann::json settings;  // the state's settings, as a local --emit-state run writes them
  FieldSet supplied;        // the fields the input supplies (the P line)
};

/// Why the state SQL cannot carry these rules, options or columns yet (empty: it can).
std::optional<std::string> sql_refusal(const RecordRules& rules, const BucketOptions& options,
                                       const RecordColumns& columns);

/// The statement, for `d`.
std::string render_state_sql(const Dialect& d, const StateSqlPlan& plan);

}  // namespace cxkpi::cli
