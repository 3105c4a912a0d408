#include "commands/docs_command.hpp"

#include <fmt/format.h>

#include "commands/command_info.hpp"
#include "commands/explanations.hpp"
#include "commands/metric_command.hpp"
#include "cxkpi/catalog.hpp"
#include "cxkpi/evidence.hpp"
#include "cxkpi_version.hpp"
#include "io/sink.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

// roff needs backslashes and leading dots escaped.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text)
    out += c == '\\' ? std::string("\\e") : c == '-' ? std::string("\\-") : std::string(1, c);
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// How periods are formed and regrouped (records/timestamps, compute/rolling, compute/regroup).
constexpr std::string_view kPeriodsText =
    "Record logs: --by hour, day, week (ISO), month, quarter, year, weekday, hour-of-day, or intervals counted "
    "from local midnight in --tz: minutes that divide an hour (15m, 30m, 5m) or whole hours that divide a day (120m); "
    "in the hour autumn repeats, an interval of an "
    "hour or less is two, the later labelled with its offset (2026-10-25T02:15+01:00). --rolling 7d with --by day "
    "gives each day the 7 days ending on it, from the days' summed parts; a day whose window starts before the "
    "log's first day is null with the reason. Period tables: --by sums their rows into coarser periods (days into "
    "weeks or months, 15-minute intervals into hours) and --group keeps only the label columns named, each figure "
    "re-divided from the summed parts; a row that would have to be split (an ISO week across two months) is "
    "refused, exit 64.";

// --list of each metric that has one (cxkpi/evidence.hpp), and breaches.
std::string drill_down() {
  std::string out =
      ".SH DRILL\\-DOWN\nOn a record log, \\fB\\-\\-list\\fR prints the contacts behind a figure instead of "
      "the figure, each with its place in the input (file:line), period, group values and id, in every output "
      "format; a row refused or left out for a blank cell is not listed.\n";
  for (const auto& e : kEvidence)
    out += fmt::format(".TP\n.B {} \\-\\-list\n{}.\n", roff(e.metric), roff(e.rows));
  out +=
      ".PP\n\\fBcxkpi breaches\\fR \\fILOG\\fR \\fB\\-\\-sla\\fR frt=1h,resolution=24h[,wait=20s,handle=10m] "
      "lists every contact whose duration is longer than its target, most over first (equal amounts in input "
      "order), with the amount over in exact seconds, by \\fB\\-\\-by\\fR and \\fB\\-\\-group\\fR; a blank "
      "duration is not measurable, never a breach; \\fB\\-\\-summary\\fR counts the contacts measured, breached "
      "and not measurable per period, group and target. Durations are measured as the metrics measure them "
      "(\\fB\\-\\-business\\-hours\\fR, AHT's components).\n";
  return out;
}

std::string man_page(const std::vector<CommandInfo>& commands) {
  std::string out = fmt::format(".TH CXKPI 1 \"\" \"cxkpi {}\" \"User Commands\"\n", kVersion);
  out += ".SH NAME\ncxkpi \\- contact\\-centre KPIs from numbers, period tables and per\\-contact logs\n";
  out +=
      ".SH SYNOPSIS\n.B cxkpi\n.I METRIC\n[\\fIFILE\\fR...] [\\fIOPTIONS\\fR]\n.br\n.B cxkpi report\n"
      "\\fIFILE\\fR... [\\fB\\-\\-by\\fR \\fIPERIOD\\fR] [\\fB\\-\\-group\\fR \\fICOLUMNS\\fR]\n";
  out +=
      ".SH DESCRIPTION\ncxkpi computes contact\\-centre metrics by the book: totals are re\\-divided from "
      "summed numerators and denominators, never averaged. Give numbers as flags for a one\\-off answer, period "
      "tables (CSV, TSV, JSON, NDJSON) for one result per row, or per\\-contact logs for one result per period "
      "and group. Each command's \\fB\\-\\-help\\fR lists its options; \\fBcxkpi explain\\fR \\fIMETRIC\\fR gives a "
      "metric's formula, variants, fields, pitfalls and a worked example.\n";
  out += ".SH PERIODS\n" + roff(kPeriodsText) + "\n";
  out += ".SH METRICS\n";
  for (const auto& m : kMetrics) {
    out += fmt::format(".TP\n.B {}\n{}.\n.br\nFormula: {} ({}).\n.br\nExample: {}\n", roff(m.name), roff(m.title),
                       roff(metric_formula(m)), roff(metric_unit(m)), roff(m.example));
  }
  out += ".SH COMMANDS\n";
  for (const auto& c : commands)
    out += fmt::format(".TP\n.B {}\n{}\n", roff(c.name), roff(c.description));
  out += drill_down();
  out +=
      ".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n64\nusage error\n.TP\n65\nbad input data\n.TP\n66\n"
      "an input file cannot be opened\n.TP\n70\ninternal error\n.TP\n74\noutput error\n.PP\nWith "
      "\\fB\\-\\-warn\\fR or \\fB\\-\\-crit\\fR: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n";
  out +=
      ".SH EXAMPLES\n.nf\ncxkpi nps \\-\\-promoters 120 \\-\\-passives 50 \\-\\-detractors 30\ncxkpi report "
      "calls.csv \\-\\-by week \\-\\-group channel\ncxkpi abandonment calls.csv \\-\\-crit '~:10'\ncxkpi explain "
      "nps\ncxkpi erlang\\-c \\-\\-calls 100 \\-\\-interval 30m \\-\\-aht 180 \\-\\-patience 2m    # Erlang A: 12 "
      "agents\n"
      "cxkpi erlang\\-c chats.csv \\-\\-interval 30m \\-\\-concurrency 3 \\-\\-shrinkage 30  # chat, 3 at once\n.fi\n";
  return out;
}

struct ListedMetric {
  std::string name;
  std::string unit;
  std::string formula;
  std::string title;
};

// The catalogue's metrics, then those that are commands of their own (best-time-to-call,
// erlang-c) as `explain` describes them, so that the two listings agree.
std::vector<ListedMetric> listed_metrics() {
  std::vector<ListedMetric> out;
  out.reserve(explanations().size());  // one per metric, catalogued or not
  for (const auto& m : kMetrics)
    out.push_back({std::string(m.name), metric_unit(m), metric_formula(m), std::string(m.title)});
  for (const auto& e : explanations())
    if (find_metric(e.name) == nullptr)
      out.push_back(
          {std::string(e.name), std::string(e.own.unit), std::string(e.own.formula), std::string(e.own.summary)});
  return out;
}

// `cxkpi metrics`: every metric with its unit, formula and one-line description.
class MetricsCommand final : public Command {
 public:
  explicit MetricsCommand(CLI::App& parent)
      : app_(parent.add_subcommand("metrics", "list every metric with its unit and formula")) {
    app_->add_flag("--json", json_, "JSON output");
    app_->footer("\nMore on one metric (variants, pitfalls, a worked example):  cxkpi explain METRIC");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override {
    const auto rows = listed_metrics();
    if (json_) {
      auto list = nlohmann::ordered_json::array();
      for (const auto& m : rows)
        list.push_back({{"name", m.name}, {"unit", m.unit}, {"formula", m.formula}, {"title", m.title}});
      write_output(dump_json(list) + "\n", "");
      return 0;
    }
    auto t = label_table({"metric", "unit", "formula", "what it measures"});
    for (const auto& m : rows)
      t.rows.push_back({m.name, m.unit, m.formula, m.title});
    write_output(render_aligned(t, false), "");
    return 0;
  }

 private:
  CLI::App* app_;
  bool json_ = false;
};

class ManCommand final : public Command {
 public:
  explicit ManCommand(CLI::App& parent)
      : root_(parent), app_(parent.add_subcommand("man", "print the cxkpi(1) manual page (roff)")) {
    app_->footer("\nExample:  cxkpi man | man -l -");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override {
    write_output(man_page(commands_of(root_)), "");
    return 0;
  }

 private:
  const CLI::App& root_;
  CLI::App* app_;
};

}  // namespace

std::unique_ptr<Command> make_man_command(CLI::App& parent) {
  return std::make_unique<ManCommand>(parent);
}
std::unique_ptr<Command> make_metrics_command(CLI::App& parent) {
  return std::make_unique<MetricsCommand>(parent);
}

}  // namespace cxkpi::cli
