// Totals from outside the log: --orders and the like, --base-file and --per-hour.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compute/buckets.hpp"
#include "compute/row_errors.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "records/field_sources.hpp"

namespace cxkpi::cli {
namespace {

// Totals a log cannot count itself; contacts only beside a log whose rows are not contacts
// (article views for self-service-ratio), since a contact log counts its own.
constexpr std::array kBaseFields{Field::orders, Field::customers, Field::total_cost, Field::contacts};

void check_not_in_log(const BucketTable& buckets, Field f, std::string_view flag) {
  if (f == Field::contacts && buckets.supplied.has(f))
    throw Error::usage(fmt::format("{} conflicts with the log: each of its rows is a contact", flag));
  if (buckets.supplied.has(f))
    throw Error::usage(fmt::format("{} conflicts with the log's own {} column", flag, record_source_of(f)));
}

// The fields a --base-file adds: its base columns that the log does not count itself.
std::vector<Field> base_fields(const BucketTable& buckets, const ColumnMap& columns, const std::string& source) {
  std::vector<Field> fields;
  for (const Field f : kBaseFields)
    if (columns.column_of(f)) {
      if (f == Field::contacts && buckets.supplied.has(f)) continue;  // a contact log counts its own
      check_not_in_log(buckets, f, "--base-file");
      fields.push_back(f);
    }
  if (fields.empty())
    throw Error::data(fmt::format("{}: --base-file needs orders, customers, total_cost or contacts", source));
  return fields;
}

// The rows of a --base-file, added up by period label.
std::unordered_map<std::string, Sums> base_by_period(TableReader& base, const ColumnMap& columns,
                                                     std::size_t period_column, const std::vector<Field>& fields,
                                                     RowErrors& errors) {
  std::unordered_map<std::string, Sums> by_period;
  for_each_row(base, errors, [&] {
    Sums row;
    for (const Field f : fields) {
      const auto col = *columns.column_of(f);
      if (is_missing(base.cell(col))) continue;
      const auto parsed = parse_value(base.cell(col), info(f).kind);
      if (!parsed.ok()) throw Error::data(base.where(col), base.header()[col], parsed.error);
      row.add_raw(f, parsed.raw);
    }
    by_period[std::string(trim(base.cell(period_column)))].merge(row);
  });
  return by_period;
}

}  // namespace

void add_base_totals(BucketTable& buckets, const std::vector<NumberInput>& numbers) {
  for (const auto& n : numbers) {
    if (std::find(kBaseFields.begin(), kBaseFields.end(), n.field) == kBaseFields.end())
      throw Error::usage(
          fmt::format("{} describes period totals; with a per-contact log only --orders, --customers, "
                      "--total-cost and --contacts can be added",
                      n.flag));
    check_not_in_log(buckets, n.field, n.flag);
    const auto parsed = parse_value(n.text, info(n.field).kind);
    if (!parsed.ok()) throw flag_value_error(n.flag, parsed);
    buckets.total.add_raw(n.field, parsed.raw);
    buckets.supplied.add(n.field);
  }
  buckets.total.set_present(buckets.supplied);
  for (auto& b : buckets.buckets)
    b.sums.set_present(buckets.supplied);
  if (!numbers.empty() && !buckets.buckets.empty() &&
      !(buckets.options.by == BucketBy::all && buckets.group_names.empty()))
    buckets.warnings.push_back(
        fmt::format("{} applies to the total only; --base-file gives each period its own", numbers.front().flag));
}

void join_base_file(BucketTable& buckets, TableReader& base, const std::vector<ColumnOverride>& overrides,
                    RowErrors& errors) {
  const ColumnMap columns(base.header(), overrides, base.source_name());
  const auto period_column = columns.period_column();
  if (!period_column) throw Error::data(fmt::format("{}: --base-file needs a period column", base.source_name()));
  const auto fields = base_fields(buckets, columns, base.source_name());
  const auto by_period = base_by_period(base, columns, *period_column, fields, errors);
  for (const Field f : fields)
    buckets.supplied.add(f);
  std::vector<std::string> counted;
  for (auto& b : buckets.buckets) {
    if (const auto it = by_period.find(b.period.label); it != by_period.end()) {
      b.sums.merge(it->second);
      if (std::find(counted.begin(), counted.end(), b.period.label) == counted.end()) {
        buckets.total.merge(it->second);
        counted.push_back(b.period.label);
      }
    }
    b.sums.set_present(buckets.supplied);
  }
  buckets.total.set_present(buckets.supplied);
}

void join_agent_hours(BucketTable& buckets, TableReader& hours, const std::vector<ColumnOverride>& overrides,
                      RowErrors& errors) {
  const auto& source = hours.source_name();
  const ColumnMap columns(hours.header(), overrides, source);
  const auto logged_in = columns.column_of(Field::logged_in_s);
  const auto agent = find_column(hours.header(), "agent");
  if (!logged_in || !agent)
    throw Error::data(fmt::format("{}: --per-hour needs columns agent and logged_in_s", source));
  const auto period = columns.period_column();
  if (!period && (buckets.options.by != BucketBy::all || !buckets.options.by_column.empty()))
    throw Error::data(fmt::format("{}: --per-hour with --by needs a period column to match the periods", source));
  const auto agent_group = std::find(buckets.group_names.begin(), buckets.group_names.end(), "agent");
  if (agent_group == buckets.group_names.end()) throw Error::usage("--per-hour needs rows grouped by agent");
  const auto agent_index = static_cast<std::size_t>(agent_group - buckets.group_names.begin());
  std::unordered_map<std::string, std::int64_t> seconds;  // period label, '\x1f', agent → raw seconds
  for_each_row(hours, errors, [&] {
    if (is_missing(hours.cell(*logged_in))) return;
    const auto parsed = parse_value(hours.cell(*logged_in), FieldKind::seconds);
    if (!parsed.ok()) throw Error::data(hours.where(*logged_in), hours.header()[*logged_in], parsed.error);
    const std::string label = period ? std::string(trim(hours.cell(*period))) : "all";
    seconds[label + '\x1f' + std::string(trim(hours.cell(*agent)))] += parsed.raw;
  });
  buckets.supplied.add(Field::logged_in_s);
  std::unordered_set<std::string> counted;
  for (auto& b : buckets.buckets) {
    const auto key = b.period.label + '\x1f' + b.groups[agent_index];
    if (const auto it = seconds.find(key); it != seconds.end()) {
      b.sums.add_raw(Field::logged_in_s, it->second);
      if (counted.insert(key).second) buckets.total.add_raw(Field::logged_in_s, it->second);
    }
    b.sums.set_present(buckets.supplied);
  }
  buckets.total.set_present(buckets.supplied);
}

}  // namespace cxkpi::cli
