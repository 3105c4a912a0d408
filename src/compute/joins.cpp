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

// Marks the base's fields as supplied, on the table and on every bucket, so that a metric
// plans with them; the values themselves stay in the base until metric_table uses them.
void supply(BucketTable& buckets, const FieldSet& fields) {
  buckets.supplied |= fields;
  buckets.total.set_present(buckets.supplied);
  for (auto& b : buckets.buckets)
    b.sums.set_present(buckets.supplied);
}

// "2026-02" or "2026-02 (channel chat)": a period and the group values it is keyed by.
std::string key_label(std::string_view period, const std::vector<std::string>& names,
                      const std::vector<std::string_view>& values) {
  std::string label(period);
  for (std::size_t i = 0; i < values.size(); ++i)
    label += fmt::format("{}{} {}", i == 0 ? " (" : "; ", names[i], values[i]);
  return values.empty() ? label : label + ")";
}

// The columns of a --base-file: its period, the --group columns it has (joined on), and
// every label column (which together with the period tell its rows apart).
struct BaseColumns {
  std::size_t period = 0;
  std::vector<std::size_t> groups;       // a column per joined --group column
  std::vector<std::string> group_names;  // their --group names
  std::vector<std::size_t> labels;
  std::vector<Field> fields;
};

BaseColumns base_columns(BucketTable& buckets, const TableReader& base, const ColumnMap& columns) {
  const auto period = columns.period_column();
  if (!period) throw Error::data(fmt::format("{}: --base-file needs a period column", base.source_name()));
  BaseColumns c{*period, {}, {}, columns.label_columns(), base_fields(buckets, columns, base.source_name())};
  for (std::size_t g = 0; g < buckets.group_names.size(); ++g) {
    const auto& name = buckets.group_names[g];
    if (const auto column = find_column(base.header(), name)) {
      c.groups.push_back(*column);
      c.group_names.push_back(name);
      buckets.base.key_groups.push_back(g);
    } else {
      buckets.base.unsplit.push_back(name);
    }
  }
  return c;
}

// The values of the current row (an empty cell gives nothing: that key lacks the field).
Sums base_values(const TableReader& base, const ColumnMap& columns, const std::vector<Field>& fields) {
  Sums row;
  for (const Field f : fields) {
    const auto col = *columns.column_of(f);
    if (is_missing(base.cell(col))) continue;
    const auto parsed = parse_value(base.cell(col), info(f).kind);
    if (!parsed.ok()) throw Error::data(base.where(col), base.header()[col], parsed.error);
    row.add_raw(f, parsed.raw);
  }
  return row;
}

std::string cells_key(const TableReader& base, std::size_t period, const std::vector<std::size_t>& columns) {
  std::string key(trim(base.cell(period)));
  for (const auto c : columns)
    key.append(1, '\x1f').append(trim(base.cell(c)));
  return key;
}

// Two rows with the same period and labels are one period given twice: most likely a file
// appended to itself or a missing column, so it is refused rather than added up.
void check_first_of_its_labels(const TableReader& base, const BaseColumns& c,
                               std::unordered_map<std::string, std::size_t>& lines) {
  const auto pos = base.where(c.period);
  const auto [it, first] = lines.emplace(cells_key(base, c.period, c.labels), pos.line);
  if (!first)
    throw Error::data(pos, base.header()[c.period],
                      fmt::format("{} is on line {} too; a base file has one row per period (and per value of "
                                  "its other label columns)",
                                  trim(base.cell(c.period)), it->second));
}

// The rows of a --base-file, added up by key (period and joined --group columns); a row
// key's position in `base.rows` is in the returned map.
std::unordered_map<std::string, std::size_t> read_base_rows(TableReader& reader, const ColumnMap& columns,
                                                            const BaseColumns& c, OutsideBase& base,
                                                            RowErrors& errors) {
  std::unordered_map<std::string, std::size_t> by_key;
  std::unordered_map<std::string, std::size_t> lines;
  for_each_row(reader, errors, [&] {
    const auto values = base_values(reader, columns, c.fields);
    check_first_of_its_labels(reader, c, lines);
    const auto [it, added] = by_key.emplace(cells_key(reader, c.period, c.groups), base.rows.size());
    if (added) {
      std::vector<std::string_view> groups;
      for (const auto g : c.groups)
        groups.push_back(trim(reader.cell(g)));
      base.rows.emplace_back();
      base.labels.push_back(key_label(trim(reader.cell(c.period)), c.group_names, groups));
    }
    base.rows[it->second].merge(values);
  });
  return by_key;
}

std::string first_few(const std::vector<std::string>& items, std::size_t shown) {
  std::vector<std::string> out(items.begin(),
                               items.begin() + static_cast<std::ptrdiff_t>(std::min(shown, items.size())));
  if (items.size() > shown) out.emplace_back("…");
  return fmt::format("{}", fmt::join(out, ", "));
}

// The log's first few keys as the base would label them, for a message.
std::vector<std::string> first_log_labels(const BucketTable& buckets, std::size_t count) {
  std::vector<std::string> labels;
  for (const auto& b : buckets.buckets) {
    auto label = base_key_label(buckets, b);
    if (labels.empty() || labels.back() != label) labels.push_back(std::move(label));
    if (labels.size() > count) break;
  }
  return labels;
}

// Points each bucket at its base row. A file none of whose rows meets the log was joined on
// the wrong periods (a monthly file beside --by day): refused. Rows the log has no bucket
// for are left out of everything, with a warning.
void match_buckets(BucketTable& buckets, const std::unordered_map<std::string, std::size_t>& by_key) {
  auto& base = buckets.base;
  std::vector<bool> used(base.rows.size());
  for (auto& b : buckets.buckets) {
    std::string key = b.period.label;
    for (const auto g : base.key_groups)
      key.append(1, '\x1f').append(b.groups[g]);
    if (const auto it = by_key.find(key); it != by_key.end()) {
      b.base_row = it->second;
      used[it->second] = true;
    }
  }
  std::vector<std::string> unused;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (!used[i]) unused.push_back(base.labels[i]);
  if (!buckets.buckets.empty() && unused.size() == used.size())
    throw Error::data(
        fmt::format("{}: none of its rows ({}) matches one of the log's ({}); --base-file joins "
                    "rows by their period label",
                    base.file, first_few(base.labels, 3), first_few(first_log_labels(buckets, 3), 3)));
  if (!unused.empty())
    buckets.warnings.push_back(fmt::format("{}: the log has no rows for {}; {} not counted", base.file,
                                           first_few(unused, 5),
                                           unused.size() == 1 ? "its values are" : "their values are"));
}

}  // namespace

std::string base_key_label(const BucketTable& buckets, const Bucket& bucket) {
  std::vector<std::string> names;
  std::vector<std::string_view> values;
  for (const auto g : buckets.base.key_groups) {
    names.push_back(buckets.group_names[g]);
    values.push_back(bucket.groups[g]);
  }
  return key_label(bucket.period.label, names, values);
}

void add_base_totals(BucketTable& buckets, const std::vector<NumberInput>& numbers) {
  if (numbers.empty()) return;
  auto& base = buckets.base;
  Sums given;
  for (const auto& n : numbers) {
    if (std::find(kBaseFields.begin(), kBaseFields.end(), n.field) == kBaseFields.end())
      throw Error::usage(
          fmt::format("{} describes period totals; with a per-contact log only --orders, --customers, "
                      "--total-cost and --contacts can be added",
                      n.flag));
    check_not_in_log(buckets, n.field, n.flag);
    const auto parsed = parse_value(n.text, info(n.field).kind);
    if (!parsed.ok()) throw flag_value_error(n.flag, parsed);
    given.add_raw(n.field, parsed.raw);
    base.fields.add(n.field);
    base.flags.emplace_back(n.field, canonical_flag(n.field));  // --total-cost, not its alias --cost
  }
  base.rows = {given};
  base.unsplit = buckets.group_names;
  supply(buckets, base.fields);
}

void join_base_file(BucketTable& buckets, TableReader& base, const std::vector<ColumnOverride>& overrides,
                    RowErrors& errors) {
  if (!buckets.base.flags.empty())
    throw Error::usage(
        fmt::format("give {} or --base-file, not both: one figure for the whole input, or one per period",
                    buckets.base.flags.front().second));
  if (buckets.options.by == BucketBy::all && buckets.options.by_column.empty())
    throw Error::usage(
        "--base-file gives values per period: say --by (e.g. --by month) or --by-column so the log's periods can be "
        "matched to its own");
  const ColumnMap columns(base.header(), overrides, base.source_name());
  buckets.base.file = base.source_name();
  const auto c = base_columns(buckets, base, columns);
  const auto by_key = read_base_rows(base, columns, c, buckets.base, errors);
  for (const Field f : c.fields)
    buckets.base.fields.add(f);
  match_buckets(buckets, by_key);
  supply(buckets, buckets.base.fields);
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
