// `cxkpi erlang-c` (alias `staffing`): Erlang C staffing from numbers given as flags, or one
// row per interval of a table of intervals (calls, aht and, optionally, interval length).
#include "commands/erlang_command.hpp"

#include <fmt/format.h>

#include <array>

#include "commands/emit.hpp"
#include "commands/flags.hpp"
#include "commands/page_output.hpp"
#include "compute/compute.hpp"
#include "compute/staffing.hpp"
#include "cxkpi/erlang.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "output/format_options.hpp"
#include "output/html_page.hpp"
#include "output/staffing_format.hpp"

namespace cxkpi::cli {
namespace {

// The value of a flag, or a data error naming it (exit 65, as for every numbers-mode flag).
double flag_value(ErlangParam p, const std::string& text, bool duration) {
  std::string error;
  const auto v = read_erlang_value(text, duration, false, error);
  if (!v) throw Error::data(fmt::format("{}: {}", erlang_flag(p), error));
  return *v;
}

class ErlangCommand final : public Command {
 public:
  explicit ErlangCommand(CLI::App& parent)
      : app_(parent.add_subcommand("erlang-c", "agents needed to answer calls within a target time (Erlang C)")) {
    const auto* numbers = "Numbers";
    for (const auto p : {ErlangParam::calls, ErlangParam::interval, ErlangParam::aht})
      given_[static_cast<std::size_t>(p)] =
          app_->add_option(std::string(erlang_flag(p)), text_[static_cast<std::size_t>(p)], description(p))
              ->group(numbers);
    const auto* targets = "Targets";
    for (const auto p : {ErlangParam::target_time, ErlangParam::sl_target, ErlangParam::max_occupancy,
                         ErlangParam::asa_target, ErlangParam::shrinkage, ErlangParam::agents})
      given_[static_cast<std::size_t>(p)] =
          app_->add_option(std::string(erlang_flag(p)), text_[static_cast<std::size_t>(p)], description(p))
              ->group(targets);
    for (const auto p : {ErlangParam::patience, ErlangParam::concurrency})
      given_[static_cast<std::size_t>(p)] =
          app_->add_option(std::string(erlang_flag(p)), text_[static_cast<std::size_t>(p)], description(p))
              ->group("Model");
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
    const bool numbers = given(ErlangParam::calls) && input_.files.empty();
    auto table = numbers ? from_numbers() : from_files();
    sort_rows(table, sort_options(output_));
    const auto options = format_options(output_);
    if (draws_charts(options) && !numbers)
      return write_result(render_page(interval_staffing_page(table, options), output_, input_.files), table.warnings,
                          {}, output_);
    if (draws_charts(options)) {
      if (table.around.empty())
        throw Error::usage(
            "erlang-c draws service level and ASA against the agent counts around the answer, and this run has none "
            "(--around 0, or no staffing found)");
      return write_result(render_page(staffing_page(table, options), output_, input_.files), table.warnings, {},
                          output_);
    }
    return write_result(render_staffing(table, options), table.warnings, {}, output_);
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
        return "evaluate this many agents, and the most calls they take within the targets";
      case ErlangParam::patience:
        return "mean time callers wait before hanging up (120, 2m): Erlang A, with the % abandoned";
      case ErlangParam::concurrency:
        return "contacts an agent handles at once (chat): each agent is that many servers";
    }
    return {};
  }

  static std::string footer() {
    return fmt::format(
        "\nFormula:  {}\n"
        "          agents required: smallest N > A meeting every target; scheduled: ceil(N / (1 - shrinkage))\n"
        "Model:    {}.\n"
        "          --patience S: Erlang A (Palm's M/M/N+M): callers hang up after S seconds on average;\n"
        "          any staffing is stable, the % abandoned is shown, and the service level counts them\n"
        "          as not answered within T. --concurrency K (chat): each agent is K servers, each\n"
        "          working one chat for the whole AHT (measure the AHT with K chats open).\n"
        "          Pw, service level and occupancy print in %; with N <= A the queue grows without bound\n"
        "          (Pw 100 %, service level and ASA null).\n"
        "Columns:  a table of intervals: calls (or offered), aht, optionally interval_s; a period or\n"
        "          interval column labels the rows (--map calls=Header, aht=…, interval_s=…, period=…).\n"
        "          One row per interval and no total (staffing does not add up): the peak interval closes\n"
        "          the table.\n"
        "Example:  cxkpi erlang-c --calls 100 --interval 30m --aht 180 --target-time 20 --sl-target 80  # 14 agents\n"
        "          cxkpi erlang-c --calls 100 --interval 30m --aht 180 --patience 2m  # Erlang A: 12 agents\n"
        "          cxkpi staffing data/intervals.csv --interval 30m --shrinkage 30",
        kErlangDefinition, kErlangModel);
  }

  [[nodiscard]] bool given(ErlangParam p) const { return given_[static_cast<std::size_t>(p)]->count() > 0; }
  [[nodiscard]] const std::string& text(ErlangParam p) const { return text_[static_cast<std::size_t>(p)]; }

  [[nodiscard]] std::optional<double> optional_value(ErlangParam p, bool duration) const {
    if (!given(p)) return std::nullopt;
    return flag_value(p, text(p), duration);
  }

  StaffingTable base_table() const {
    StaffingTable t;
    t.target_s = optional_value(ErlangParam::target_time, true).value_or(20.0);
    t.targets.service_level = optional_value(ErlangParam::sl_target, false).value_or(80.0) / 100.0;
    if (const auto v = optional_value(ErlangParam::max_occupancy, false)) t.targets.max_occupancy = *v / 100.0;
    t.targets.max_asa_s = optional_value(ErlangParam::asa_target, true);
    t.targets.shrinkage = optional_value(ErlangParam::shrinkage, false).value_or(0.0) / 100.0;
    if (given(ErlangParam::patience)) {
      // A model setting, not data: a patience that is no duration is a usage error.
      std::string error;
      t.patience_s = read_erlang_value(text(ErlangParam::patience), true, false, error);
      if (!t.patience_s) throw Error::usage(fmt::format("--patience: {}", error));
    }
    if (given(ErlangParam::concurrency)) {
      const auto k = parse_integer_in(text(ErlangParam::concurrency), 1, kMaxConcurrency);
      if (!k.ok()) throw Error::usage(fmt::format("--concurrency: {}", k.error));
      t.concurrency = k.raw;
    }
    throw_flag_problem(check_erlang_input({0, 1, 1, t.target_s, t.patience_s, t.concurrency}));
    throw_flag_problem(check_staffing_targets(t.targets));
    if (given(ErlangParam::agents)) {
      const auto n = parse_integer_in(text(ErlangParam::agents), 1, kMaxErlangAgents);
      if (!n.ok()) throw Error::data(fmt::format("--agents: {}", n.error));
      t.agents_given = n.raw;
    }
    return t;
  }

  StaffingTable from_numbers() const {
    std::vector<std::string> missing;
    for (const auto p : {ErlangParam::calls, ErlangParam::interval, ErlangParam::aht})
      if (!given(p)) missing.emplace_back(erlang_flag(p));
    if (!missing.empty())
      throw Error::usage(fmt::format("erlang-c needs {} (or a FILE of intervals); see cxkpi erlang-c --help",
                                     fmt::join(missing, ", ")));
    auto t = base_table();
    const ErlangInput in{flag_value(ErlangParam::calls, text(ErlangParam::calls), false),
                         flag_value(ErlangParam::interval, text(ErlangParam::interval), true),
                         flag_value(ErlangParam::aht, text(ErlangParam::aht), true),
                         t.target_s,
                         t.patience_s,
                         t.concurrency};
    throw_flag_problem(check_erlang_input(in));
    t.rows.push_back(staff(t, in));
    const auto& row = t.rows.front();
    const auto centre = t.agents_given ? t.agents_given : row.staffing.agents;
    if (centre && *centre > 0 && around_ > 0) t.around = erlang_around(in, *centre, around_, around_);
    if (t.agents_given) t.capacity_calls = capacity_calls(in, *t.agents_given, t.targets);
    return t;
  }

  StaffingTable from_files() const {
    auto t = base_table();
    const auto input = file_input(input_, output_.output);
    auto readers = open_inputs(input, input_);
    refuse_contact_log(*readers.front(), input);
    return read_intervals(std::move(t), readers, input, interval_flags());
  }

  // A contact log has no intervals: read as one, each contact would be an interval of one
  // call. Said so (exit 65, the input lacks the columns), with the way to make a table of
  // intervals from the log.
  static void refuse_contact_log(const TableReader& first, const FileInputOptions& input) {
    const auto& name = first.source_name();
    if (detect_shape(first, input) != Shape::records ||
        missing_interval_columns(first.header(), input.overrides, name).empty())
      return;
    throw Error::data(fmt::format(
        "{} is a contact log (one row per contact); erlang-c needs a table of intervals, with calls and aht per "
        "interval. Make one from the log: cxkpi report {} --by hour --metrics aht --format csv | cxkpi erlang-c - "
        "--interval 1h",
        name, name));
  }

  // The flags that stand in for columns a table lacks, checked as numbers mode checks them.
  [[nodiscard]] IntervalFlags interval_flags() const {
    const IntervalFlags flags{optional_value(ErlangParam::calls, false), optional_value(ErlangParam::interval, true),
                              optional_value(ErlangParam::aht, true)};
    throw_flag_problem(
        check_erlang_input({flags.calls.value_or(1), flags.interval_s.value_or(1), flags.aht_s.value_or(1), 0, {}, 1}));
    return flags;
  }

  CLI::App* app_;
  std::array<std::string, kErlangParamCount> text_;
  std::array<CLI::Option*, kErlangParamCount> given_{};
  std::int64_t around_ = 3;
  InputFlags input_;
  OutputFlags output_;
};

}  // namespace

std::unique_ptr<Command> make_erlang_command(CLI::App& parent) {
  return std::make_unique<ErlangCommand>(parent);
}

}  // namespace cxkpi::cli
