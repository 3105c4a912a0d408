// `cxkpi erlang-c` (alias `staffing`): Erlang C staffing from numbers given as flags, or one
// row per interval of a table of intervals (calls, aht and, optionally, interval length).
#include "commands/erlang_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "commands/emit.hpp"
#include "commands/flags.hpp"
#include "compute/compute.hpp"
#include "compute/row_errors.hpp"
#include "cxkpi/erlang.hpp"
#include "cxkpi/sums.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "output/staffing_format.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// What each input is called on the command line and as a column (--map NAME=Header).
constexpr std::array<std::string_view, 9> kFlagOf{"--calls",       "--interval",  "--aht",
                                                  "--target-time", "--sl-target", "--max-occupancy",
                                                  "--asa-target",  "--shrinkage", "--agents"};
constexpr std::array<std::string_view, 3> kColumnOf{"calls", "interval_s", "aht"};

std::string_view flag_of(ErlangParam p) {
  return kFlagOf[static_cast<std::size_t>(p)];
}

// Headers read as each input (normalised); `calls` also takes whatever the column map reads
// as offered or contacts ("Calls Offered", "Contact Volume", …).
constexpr std::array<std::string_view, 7> kCallsNames{"calls",    "call_volume", "calls_forecast", "forecast_calls",
                                                      "forecast", "volume",      "arrivals"};
constexpr std::array<std::string_view, 7> kAhtNames{
    "aht", "aht_s", "aht_seconds", "average_handle_time", "avg_handle_time", "handle_time", "average_handle_time_s"};
constexpr std::array<std::string_view, 6> kIntervalNames{"interval_s",        "interval_seconds", "interval_length",
                                                         "interval_length_s", "length_s",         "interval_len"};

template <std::size_t N>
bool named(const std::array<std::string_view, N>& names, const std::string& normalised) {
  return std::find(names.begin(), names.end(), normalised) != names.end();
}

constexpr std::string_view kDurationExpected = "expected seconds, h:mm:ss, mm:ss, or 90s, 30m, 1h";

// Seconds as cxkpi reads durations: 1800, 30:00, 0:30:00, or with a unit: 90s, 30m, 1h.
ParsedValue parse_seconds(std::string_view text, bool decimal_comma = false) {
  auto v = parse_value(text, FieldKind::seconds, decimal_comma);
  if (v.ok()) return v;
  v = parse_duration(text);
  if (!v.ok()) v.error = fmt::format("{} is not a duration ({})", quote_value(text), kDurationExpected);
  return v;
}

double to_double(std::int64_t raw) {
  return static_cast<double>(raw) / static_cast<double>(kAmountScale);
}

// The value of a flag, or a data error naming it (exit 65, as for every numbers-mode flag).
double flag_value(std::string_view flag, const std::string& text, bool duration) {
  const auto v = duration ? parse_seconds(text) : parse_value(text, FieldKind::money);
  if (!v.ok()) throw Error::data(fmt::format("{}: {}", flag, v.error));
  return to_double(v.raw);
}

// Which column holds each input in one file of intervals.
struct IntervalColumns {
  std::array<std::optional<std::size_t>, 3> inputs;  // calls, interval_s, aht (kColumnOf order)
  std::optional<std::size_t> period;
  std::vector<std::size_t> labels;
};

int calls_rank(const std::string& header) {
  const auto n = normalize_header(header);
  if (named(kCallsNames, n)) return 0;
  const auto role = role_of_header(header);
  if (role.kind == ColumnRole::Kind::field && role.field == Field::offered) return 1;
  if (role.kind == ColumnRole::Kind::field && role.field == Field::contacts) return 2;
  return -1;
}

// --map calls=Header, aht=…, interval_s=…, period=…: which role, or a usage error.
std::size_t override_role(const ColumnOverride& o) {
  const auto name = normalize_header(o.canonical);
  if (name == "period") return kColumnOf.size();
  for (std::size_t i = 0; i < kColumnOf.size(); ++i)
    if (name == kColumnOf[i] || (i == 1 && name == "interval_length")) return i;
  std::vector<std::string> known{"calls", "interval_s", "aht", "period"};
  const auto hint = did_you_mean(o.canonical, known);
  throw Error::usage(fmt::format("--map: erlang-c reads calls, interval_s, aht and period, not {}{}",
                                 quote_value(o.canonical), hint ? fmt::format(" (did you mean {}?)", *hint) : ""));
}

IntervalColumns map_columns(const std::vector<std::string>& header, const std::vector<ColumnOverride>& overrides,
                            const std::string& source) {
  IntervalColumns m;
  std::vector<bool> taken(header.size(), false);
  for (const auto& o : overrides) {
    const auto role = override_role(o);
    const auto column = find_column(header, o.header);
    if (!column) throw no_such_column(header, o.header, source, "--map");
    (role == kColumnOf.size() ? m.period : m.inputs[role]) = *column;
    taken[*column] = true;
  }
  int best_calls = 3;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (taken[c]) continue;
    const auto n = normalize_header(header[c]);
    if (const int rank = calls_rank(header[c]); rank >= 0 && rank < best_calls && !m.inputs[0]) best_calls = rank;
    if (named(kAhtNames, n) && !m.inputs[2]) {
      m.inputs[2] = c;
      taken[c] = true;
    } else if (named(kIntervalNames, n) && !m.inputs[1]) {
      m.inputs[1] = c;
      taken[c] = true;
    }
  }
  for (std::size_t c = 0; c < header.size() && !m.inputs[0] && best_calls < 3; ++c)
    if (!taken[c] && calls_rank(header[c]) == best_calls) {
      m.inputs[0] = c;
      taken[c] = true;
    }
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (taken[c] || normalize_header(header[c]).empty()) continue;
    const auto role = role_of_header(header[c]);
    if (role.kind == ColumnRole::Kind::period && !m.period)
      m.period = c;
    else if (role.kind != ColumnRole::Kind::field && calls_rank(header[c]) < 0)
      m.labels.push_back(c);  // other known fields (handled, talk_s, …) are not read
  }
  return m;
}

class ErlangCommand final : public Command {
 public:
  explicit ErlangCommand(CLI::App& parent)
      : app_(parent.add_subcommand("erlang-c", "agents needed to answer calls within a target time (Erlang C)")) {
    const auto* numbers = "Numbers";
    for (const auto p : {ErlangParam::calls, ErlangParam::interval, ErlangParam::aht})
      given_[static_cast<std::size_t>(p)] =
          app_->add_option(std::string(flag_of(p)), text_[static_cast<std::size_t>(p)], description(p))->group(numbers);
    const auto* targets = "Targets";
    for (const auto p : {ErlangParam::target_time, ErlangParam::sl_target, ErlangParam::max_occupancy,
                         ErlangParam::asa_target, ErlangParam::shrinkage, ErlangParam::agents})
      given_[static_cast<std::size_t>(p)] =
          app_->add_option(std::string(flag_of(p)), text_[static_cast<std::size_t>(p)], description(p))->group(targets);
    app_->add_option("--around", around_, "numbers mode: also show this many agent counts below and above (default 3)")
        ->check(CLI::Range(0, 100))
        ->group("Output");
    add_input_flags(*app_, input_);
    add_output_flags(*app_, output_);
    app_->footer(footer());
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    // As for every metric: numbers as flags and no FILE is numbers mode; otherwise the flags
    // fill in what the table of intervals lacks (e.g. --interval 30m).
    auto table = given(ErlangParam::calls) && input_.files.empty() ? from_numbers() : from_files();
    sort_rows(table, sort_options(output_));
    return write_result(render_staffing(table, format_options(output_)), table.warnings, {}, output_);
  }

 private:
  static std::string description(ErlangParam p) {
    switch (p) {
      case ErlangParam::calls:
        return "calls arriving in the interval (a forecast may be fractional)";
      case ErlangParam::interval:
        return "length of the interval: 1800, 30m, 1h, 0:30:00";
      case ErlangParam::aht:
        return "average handle time: 180, 3m, 3:00";
      case ErlangParam::target_time:
        return "answer-time target T of the service level (default 20 s)";
      case ErlangParam::sl_target:
        return "service level to reach, % answered within T (default 80)";
      case ErlangParam::max_occupancy:
        return "also keep occupancy at or below this %";
      case ErlangParam::asa_target:
        return "also keep the average speed of answer at or below this (s)";
      case ErlangParam::shrinkage:
        return "% of paid time agents are not available (breaks, training): schedules N / (1 - s)";
      case ErlangParam::agents:
        return "evaluate this many agents (the agents required are shown too)";
    }
    return {};
  }

  static std::string footer() {
    return fmt::format(
        "\nFormula:  {}\n"
        "          agents required: smallest N > A meeting every target; scheduled: ceil(N / (1 - shrinkage))\n"
        "Model:    {}.\n"
        "          Pw, service level and occupancy print in %; with N <= A the queue grows without bound\n"
        "          (Pw 100 %, service level and ASA null).\n"
        "Columns:  a table of intervals: calls (or offered), aht, optionally interval_s; a period or\n"
        "          interval column labels the rows (--map calls=Header, aht=…, interval_s=…, period=…).\n"
        "          One row per interval and no total (staffing does not add up): the peak interval closes\n"
        "          the table.\n"
        "Example:  cxkpi erlang-c --calls 100 --interval 30m --aht 180 --target-time 20 --sl-target 80  # 14 agents\n"
        "          cxkpi staffing data/intervals.csv --interval 30m --shrinkage 30",
        kErlangDefinition, kErlangModel);
  }

  [[nodiscard]] bool given(ErlangParam p) const { return given_[static_cast<std::size_t>(p)]->count() > 0; }
  [[nodiscard]] const std::string& text(ErlangParam p) const { return text_[static_cast<std::size_t>(p)]; }

  [[nodiscard]] std::optional<double> optional_value(ErlangParam p, bool duration) const {
    if (!given(p)) return std::nullopt;
    return flag_value(flag_of(p), text(p), duration);
  }

  static void throw_problem(const std::optional<ErlangProblem>& problem) {
    if (problem) throw Error::data(fmt::format("{}: {}", flag_of(problem->param), problem->message));
  }

  StaffingTable base_table() const {
    StaffingTable t;
    t.target_s = optional_value(ErlangParam::target_time, true).value_or(20.0);
    t.targets.service_level = optional_value(ErlangParam::sl_target, false).value_or(80.0) / 100.0;
    if (const auto v = optional_value(ErlangParam::max_occupancy, false)) t.targets.max_occupancy = *v / 100.0;
    t.targets.max_asa_s = optional_value(ErlangParam::asa_target, true);
    t.targets.shrinkage = optional_value(ErlangParam::shrinkage, false).value_or(0.0) / 100.0;
    throw_problem(check_erlang_input({0, 1, 1, t.target_s}));
    throw_problem(check_staffing_targets(t.targets));
    if (given(ErlangParam::agents)) {
      const auto n = parse_integer_in(text(ErlangParam::agents), 1, kMaxErlangAgents);
      if (!n.ok()) throw Error::data(fmt::format("--agents: {}", n.error));
      t.agents_given = n.raw;
    }
    return t;
  }

  StaffingRow staff(const StaffingTable& t, const ErlangInput& in) const {
    StaffingRow row;
    row.input = in;
    row.staffing = agents_required(in, t.targets);
    if (t.agents_given)
      row.figures = erlang_c(in, *t.agents_given);
    else if (row.staffing.agents)
      row.figures = row.staffing.at_required;
    return row;
  }

  StaffingTable from_numbers() const {
    std::vector<std::string> missing;
    for (const auto p : {ErlangParam::calls, ErlangParam::interval, ErlangParam::aht})
      if (!given(p)) missing.emplace_back(flag_of(p));
    if (!missing.empty())
      throw Error::usage(fmt::format("erlang-c needs {} (or a FILE of intervals); see cxkpi erlang-c --help",
                                     fmt::join(missing, ", ")));
    auto t = base_table();
    ErlangInput in{flag_value("--calls", text(ErlangParam::calls), false),
                   flag_value("--interval", text(ErlangParam::interval), true),
                   flag_value("--aht", text(ErlangParam::aht), true), t.target_s};
    throw_problem(check_erlang_input(in));
    t.rows.push_back(staff(t, in));
    const auto& row = t.rows.front();
    const auto centre = t.agents_given ? t.agents_given : row.staffing.agents;
    if (centre && *centre > 0 && around_ > 0) t.around = erlang_around(in, *centre, around_, around_);
    return t;
  }

  StaffingTable from_files() const {
    auto t = base_table();
    t.from_table = true;
    const auto input = file_input(input_, output_.output);
    auto readers = open_inputs(input, input_);
    const auto flags = fallback_values();
    RowErrors errors(input.errors);
    for (auto& reader : readers) {
      const auto columns = map_columns(reader->header(), input.overrides, reader->source_name());
      check_columns(*reader, columns);
      if (&reader == &readers.front())
        for (const auto c : columns.labels)
          t.label_names.push_back(reader->header()[c]);
      while (reader->next()) {
        try {
          t.rows.push_back(read_interval(t, *reader, columns, flags));
        } catch (const Error& e) {
          errors.report(e, *reader);
        }
      }
    }
    errors.finish(t.warnings);
    return t;
  }

  // Each input comes from a column or a flag: never neither, never both.
  void check_columns(const TableReader& reader, const IntervalColumns& columns) const {
    const std::array params{ErlangParam::calls, ErlangParam::interval, ErlangParam::aht};
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& column = columns.inputs[i];
      if (column && given(params[i]))
        throw Error::usage(fmt::format("{}: column {} gives {}; {} is for a table without one", reader.source_name(),
                                       quote_value(reader.header()[*column]), kColumnOf[i], flag_of(params[i])));
      if (!column && !given(params[i])) {
        std::vector<std::string> shown;
        for (const auto& h : reader.header())
          shown.push_back(quote_value(h));
        throw Error::data(
            fmt::format("{}: erlang-c needs column {} or the flag {} (or --map {}=HEADER); the columns are: {}",
                        reader.source_name(), kColumnOf[i], flag_of(params[i]), kColumnOf[i], fmt::join(shown, ", ")));
      }
    }
  }

  // The row's calls, interval and aht: from its cells, or the flags for a column the table
  // lacks. Returns the place of the first empty cell instead, with its input's name.
  struct RowInputs {
    std::array<double, 3> values{};
    std::string empty_at;  // "file:line:column: aht is empty"
    std::string_view empty_name;
  };
  RowInputs read_inputs(const TableReader& reader, const IntervalColumns& columns,
                        const std::array<double, 3>& flags) const {
    RowInputs r;
    for (std::size_t i = 0; i < kColumnOf.size(); ++i) {
      const auto& column = columns.inputs[i];
      if (!column) {
        r.values[i] = flags[i];
        continue;
      }
      const auto cell = reader.cell(*column);
      if (is_missing(cell)) {
        if (r.empty_at.empty()) {
          r.empty_at = fmt::format("{}: {} is empty", reader.where(*column).str(), kColumnOf[i]);
          r.empty_name = kColumnOf[i];
        }
        continue;
      }
      const auto v = i == 0 ? parse_value(cell, FieldKind::money, input_.decimal_comma)
                            : parse_seconds(cell, input_.decimal_comma);
      if (!v.ok()) throw Error::data(reader.where(*column), reader.header()[*column], v.error);
      r.values[i] = to_double(v.raw);
    }
    return r;
  }

  StaffingRow read_interval(StaffingTable& t, const TableReader& reader, const IntervalColumns& columns,
                            const std::array<double, 3>& flags) const {
    const auto inputs = read_inputs(reader, columns, flags);
    StaffingRow row;
    if (!inputs.empty_at.empty()) {
      row.reason = fmt::format("no {} in this row", inputs.empty_name);
      t.warnings.push_back(inputs.empty_at + "; the row has no staffing");
    } else {
      const ErlangInput in{inputs.values[0], inputs.values[1], inputs.values[2], t.target_s};
      if (const auto problem = check_erlang_input(in)) {
        const auto& column = columns.inputs[static_cast<std::size_t>(problem->param)];
        if (column) throw Error::data(reader.where(*column), reader.header()[*column], problem->message);
        throw_problem(problem);
      }
      row = staff(t, in);
    }
    if (columns.period) row.period = trim(reader.cell(*columns.period));
    for (const auto c : columns.labels)
      row.labels.emplace_back(trim(reader.cell(c)));
    row.labels.resize(t.label_names.size());
    return row;
  }

  // The flags that stand in for columns a table lacks, parsed once (1 where unused).
  [[nodiscard]] std::array<double, 3> fallback_values() const {
    std::array<double, 3> v{1, 1, 1};
    const std::array params{ErlangParam::calls, ErlangParam::interval, ErlangParam::aht};
    for (std::size_t i = 0; i < params.size(); ++i)
      if (given(params[i])) v[i] = flag_value(flag_of(params[i]), text(params[i]), i > 0);
    throw_problem(check_erlang_input({v[0], v[1], v[2], 0}));
    return v;
  }

  CLI::App* app_;
  std::array<std::string, kFlagOf.size()> text_;
  std::array<CLI::Option*, kFlagOf.size()> given_{};
  std::int64_t around_ = 3;
  InputFlags input_;
  OutputFlags output_;
};

}  // namespace

std::unique_ptr<Command> make_erlang_command(CLI::App& parent) {
  return std::make_unique<ErlangCommand>(parent);
}

}  // namespace cxkpi::cli
