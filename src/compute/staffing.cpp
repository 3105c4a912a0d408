#include "compute/staffing.hpp"

#include <fmt/format.h>

#include <array>

#include "compute/row_errors.hpp"
#include "errors.hpp"
#include "io/column_map.hpp"
#include "io/values.hpp"
#include "records/row_filter.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// In ErlangParam order.
constexpr std::array<std::string_view, kErlangParamCount> kFlagOf{
    "--calls",      "--interval",  "--aht",    "--target-time", "--sl-target",  "--max-occupancy",
    "--asa-target", "--shrinkage", "--agents", "--patience",    "--concurrency"};

constexpr std::string_view kDurationExpected = "expected seconds, h:mm:ss, mm:ss, or 90s, 30m, 1h";

// Which column holds each input in one table of intervals.
struct IntervalColumns {
  std::optional<std::size_t> calls;
  std::optional<std::size_t> interval_s;
  std::optional<std::size_t> aht;
  std::optional<std::size_t> period;
  std::vector<std::size_t> labels;
};

// One input of an interval: what its column is called, where it is found, the flag that
// stands in for it, and where its value goes.
struct IntervalInput {
  ErlangParam param;
  StaffingColumn kind;
  std::string_view name;  // as --map and messages call the column
  std::optional<std::size_t> IntervalColumns::*column;
  std::optional<double> IntervalFlags::*flag;
  double ErlangInput::*value;
  bool duration;
};

constexpr std::array kInputs{
    IntervalInput{ErlangParam::calls, StaffingColumn::calls, "calls", &IntervalColumns::calls, &IntervalFlags::calls,
                  &ErlangInput::calls, false},
    IntervalInput{ErlangParam::interval, StaffingColumn::interval_s, "interval_s", &IntervalColumns::interval_s,
                  &IntervalFlags::interval_s, &ErlangInput::interval_s, true},
    IntervalInput{ErlangParam::aht, StaffingColumn::aht, "aht", &IntervalColumns::aht, &IntervalFlags::aht_s,
                  &ErlangInput::aht_s, true},
};

// The input a problem is about, when it is read from a row (nullptr for the targets).
const IntervalInput* input_of(ErlangParam param) {
  for (const auto& in : kInputs)
    if (in.param == param) return &in;
  return nullptr;
}

// How plainly a header holds the calls: 0 by name or alias, 1 offered, 2 contacts; -1 not.
constexpr int kNoCalls = 3;
int calls_rank(const std::string& header) {
  if (staffing_column_of_header(header) == StaffingColumn::calls) return 0;
  const auto role = role_of_header(header);
  if (role.kind == ColumnRole::Kind::field && role.field == Field::offered) return 1;
  if (role.kind == ColumnRole::Kind::field && role.field == Field::contacts) return 2;
  return -1;
}

// The input `--map name=…` names, if it is one of a table of intervals.
const IntervalInput* input_named(std::string_view name) {
  for (const auto& in : kInputs)
    if (name == in.name || (in.param == ErlangParam::interval && name == "interval_length")) return &in;
  return nullptr;
}

// --map calls=Header, aht=…, interval_s=…, period=…: the input it maps (nullptr for the
// period), or a usage error.
const IntervalInput* mapped_input(const ColumnOverride& o) {
  const auto name = normalize_header(o.canonical);
  if (name == "period") return nullptr;
  if (const auto* in = input_named(name)) return in;
  throw Error::unknown("--map: erlang-c reads calls, interval_s, aht and period, not", o.canonical,
                       {"calls", "interval_s", "aht", "period"});
}

// Columns no override took: aht and interval_s by name, the calls by the plainest name.
void find_inputs(const std::vector<std::string>& header, IntervalColumns& m, std::vector<bool>& taken) {
  int best_calls = kNoCalls;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (taken[c]) continue;
    if (const int rank = calls_rank(header[c]); rank >= 0 && rank < best_calls && !m.calls) best_calls = rank;
    const auto kind = staffing_column_of_header(header[c]);
    if (kind != StaffingColumn::aht && kind != StaffingColumn::interval_s) continue;
    for (const auto& in : kInputs)
      if (in.kind == kind && !(m.*in.column)) {
        m.*in.column = c;
        taken[c] = true;
      }
  }
  for (std::size_t c = 0; c < header.size() && !m.calls && best_calls < kNoCalls; ++c)
    if (!taken[c] && calls_rank(header[c]) == best_calls) {
      m.calls = c;
      taken[c] = true;
    }
}

// The period column, and the columns that label rows (other known fields are not read).
void find_labels(const std::vector<std::string>& header, IntervalColumns& m, const std::vector<bool>& taken) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (taken[c] || normalize_header(header[c]).empty()) continue;
    const auto role = role_of_header(header[c]);
    if (role.kind == ColumnRole::Kind::period && !m.period)
      m.period = c;
    else if (role.kind != ColumnRole::Kind::field && calls_rank(header[c]) < 0)
      m.labels.push_back(c);
  }
}

IntervalColumns map_columns(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                            const std::string& source) {
  IntervalColumns m;
  std::vector<bool> taken(header.size(), false);
  for (const auto& o : overrides) {
    const auto* in = mapped_input(o);
    const auto mapped = find_mapped_column(header, o);
    if (!mapped) throw no_such_column(header, o.header, source, "--map");
    if (!mapped->spec.empty())
      throw Error::usage(
          fmt::format("--map {}: a table of intervals is read in seconds (or 90s, 30m, 1h cells); "
                      "erlang-c takes no unit or values after the header",
                      o.text()));
    (in != nullptr ? m.*in->column : m.period) = mapped->column;
    taken[mapped->column] = true;
  }
  find_inputs(header, m, taken);
  find_labels(header, m, taken);
  return m;
}

}  // namespace

std::vector<std::string_view> missing_interval_columns(const std::vector<std::string>& header,
                                                       const std::vector<ColumnOverride>& overrides,
                                                       const std::string& source) {
  std::vector<ColumnOverride> own;  // the --map entries for erlang-c's inputs; others are other metrics'
  for (const auto& o : overrides)
    if (const auto name = normalize_header(o.canonical); name == "period" || input_named(name) != nullptr)
      own.push_back(o);
  const auto columns = map_columns(header, own, source);
  std::vector<std::string_view> missing;
  if (!columns.calls) missing.push_back("calls");
  if (!columns.aht) missing.push_back("aht");
  return missing;
}

namespace {

// Each input comes from a column or a flag: never neither, never both.
void check_columns(const TableReader& reader, const IntervalColumns& columns, const IntervalFlags& flags) {
  for (const auto& in : kInputs) {
    const auto& column = columns.*in.column;
    const bool flagged = (flags.*in.flag).has_value();
    if (column && flagged)
      throw Error::usage(fmt::format("{}: column {} gives {}; {} is for a table without one", reader.source_name(),
                                     quote_value(reader.header()[*column]), in.name, erlang_flag(in.param)));
    if (!column && !flagged) {
      std::vector<std::string> shown;
      for (const auto& h : reader.header())
        shown.push_back(quote_value(h));
      throw Error::data(
          fmt::format("{}: erlang-c needs column {} or the flag {} (or --map {}=HEADER); the columns are: {}",
                      reader.source_name(), in.name, erlang_flag(in.param), in.name, fmt::join(shown, ", ")));
    }
  }
}

// The row's calls, interval and aht: from its cells, or the flags for a column the table
// lacks. Gives the place of the first empty cell instead, with its input's name.
struct RowInputs {
  ErlangInput in;
  std::string empty_at;  // "file:line:column: aht is empty"
  std::string_view empty_name;
};

RowInputs read_inputs(const TableReader& reader, const IntervalColumns& columns, const IntervalFlags& flags,
                      bool decimal_comma) {
  RowInputs r;
  for (const auto& in : kInputs) {
    const auto& column = columns.*in.column;
    if (!column) {
      r.in.*in.value = *(flags.*in.flag);
      continue;
    }
    const auto cell = reader.cell(*column);
    if (is_missing(cell)) {
      if (r.empty_at.empty()) {
        r.empty_at = fmt::format("{}: {} is empty", reader.where(*column).str(), in.name);
        r.empty_name = in.name;
      }
      continue;
    }
    std::string error;
    const auto v = read_erlang_value(cell, in.duration, decimal_comma, error);
    if (!v) throw Error::data(reader.where(*column), reader.header()[*column], error);
    r.in.*in.value = *v;
  }
  return r;
}

StaffingRow read_interval(StaffingTable& t, const TableReader& reader, const IntervalColumns& columns,
                          const IntervalFlags& flags, bool decimal_comma) {
  auto inputs = read_inputs(reader, columns, flags, decimal_comma);
  StaffingRow row;
  if (!inputs.empty_at.empty()) {
    row.reason = fmt::format("no {} in this row", inputs.empty_name);
    t.warnings.push_back(inputs.empty_at + "; the row has no staffing");
  } else {
    inputs.in.target_s = t.target_s;
    inputs.in.patience_s = t.patience_s;
    inputs.in.concurrency = t.concurrency;
    if (const auto problem = check_erlang_input(inputs.in)) {
      const auto* in = input_of(problem->param);
      if (in != nullptr && columns.*in->column) {
        const auto column = *(columns.*in->column);
        throw Error::data(reader.where(column), reader.header()[column], problem->message);
      }
      throw_flag_problem(problem);
    }
    row = staff(t, inputs.in);
  }
  if (columns.period) row.period = trim(reader.cell(*columns.period));
  for (const auto c : columns.labels)
    row.labels.emplace_back(trim(reader.cell(c)));
  row.labels.resize(t.label_names.size());
  return row;
}

}  // namespace

std::string_view erlang_flag(ErlangParam p) {
  return kFlagOf[static_cast<std::size_t>(p)];
}

void throw_flag_problem(const std::optional<ErlangProblem>& problem) {
  if (!problem) return;
  const auto text = fmt::format("{}: {}", erlang_flag(problem->param), problem->message);
  // The model's settings are flags only, never data: a bad one is a usage error.
  if (problem->param == ErlangParam::patience || problem->param == ErlangParam::concurrency) throw Error::usage(text);
  throw Error::data(text);
}

std::optional<double> read_erlang_value(std::string_view text, bool duration, bool decimal_comma, std::string& error) {
  auto v = parse_value(text, duration ? FieldKind::seconds : FieldKind::money, decimal_comma);
  if (duration && !v.ok()) {
    v = parse_duration(text);
    if (!v.ok()) v.error = fmt::format("{} is not a duration ({})", quote_value(text), kDurationExpected);
  }
  if (!v.ok()) {
    error = v.error;
    return std::nullopt;
  }
  return static_cast<double>(v.raw) / static_cast<double>(kAmountScale);
}

StaffingRow staff(const StaffingTable& t, const ErlangInput& in) {
  StaffingRow row;
  row.input = in;
  row.staffing = agents_required(in, t.targets);
  if (t.agents_given)
    row.figures = erlang_c(in, *t.agents_given);
  else if (row.staffing.agents)
    row.figures = row.staffing.at_required;
  return row;
}

StaffingTable read_intervals(StaffingTable t, Readers& readers, const FileInputOptions& input,
                             const IntervalFlags& flags) {
  t.from_table = true;
  RowErrors errors(input.errors);
  std::size_t rows = 0;
  for (auto& reader : readers) {
    const auto columns = map_columns(reader->header(), input.overrides, reader->source_name());
    check_columns(*reader, columns, flags);
    const RowFilter where(input.where.get(), *reader, input.missing);
    if (&reader == &readers.front())
      for (const auto c : columns.labels)
        t.label_names.push_back(reader->header()[c]);
    for_each_row(*reader, errors, [&] {
      ++rows;
      if (where.keep()) t.rows.push_back(read_interval(t, *reader, columns, flags, input.decimal_comma));
    });
  }
  tell_rows_kept(input.where.get(), {}, rows, t.rows.size(), input.verbose, t.warnings);
  errors.finish(t.warnings);
  return t;
}

}  // namespace cxkpi::cli
