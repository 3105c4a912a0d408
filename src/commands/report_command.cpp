// `cxkpi report`: every metric the input supports, per bucket, in one table.
#include "commands/report_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/command.hpp"
#include "commands/io_options.hpp"
#include "commands/metric_options.hpp"
#include "compute/report.hpp"
#include "errors.hpp"
#include "output/report_format.hpp"
#include "output/sink.hpp"

namespace cxkpi::cli {
namespace {

class ReportCommand final : public Command {
 public:
  explicit ReportCommand(CLI::App& parent)
      : app_(parent.add_subcommand("report", "every metric the input supports, per period and group")) {
    app_->add_option("--metrics", metrics_, "only these metrics, e.g. abandonment,asa,service-level")
        ->delimiter(',')
        ->allow_extra_args(false);
    add_report_options(*app_, settings_);
    add_input_flags(*app_, input_);
    add_record_flags(*app_, records_);
    add_output_flags(*app_, output_);
    const auto* group = "Checks (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)";
    app_->add_option("--warn", warn_, "warn when a metric's total is outside a range: abandonment=~:8 (repeatable)")
        ->group(group)
        ->allow_extra_args(false);
    app_->add_option("--crit", crit_, "critical when a metric's total is outside a range: abandonment=~:10")
        ->group(group)
        ->allow_extra_args(false);
    app_->footer(
        "\nExample:  cxkpi report data/calls.csv --by week --group channel\n"
        "          cxkpi report data/calls.csv --by day --format csv --metrics abandonment,asa,service-level");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    const auto input = file_input(input_);
    auto readers = open_inputs(input, input_);
    if (records_.shape != "periods" && input_shape(records_, readers) != Shape::records)
      throw Error::usage(
          fmt::format("report reads per-contact logs; {} looks like a table of period totals (run one "
                      "metric at a time on it, e.g. cxkpi nps {})",
                      readers.front()->source_name(), readers.front()->source_name()));
    auto rules = settings_.records;
    rules.csat_scale = settings_.csat.scale;
    const auto buckets = read_records(readers, input, bucket_options(records_), rules);
    auto columns = report_columns(metrics_, settings_, buckets.supplied, buckets.source);
    auto report = build_report(buckets, settings_, std::move(columns), records_.by);
    sort_rows(report, output_);
    return write_result(render_report(report, format_options(output_)), report.warnings, checks(report), output_);
  }

 private:
  // --warn/--crit metric=RANGE, judged against each named metric's total.
  [[nodiscard]] std::vector<CheckItem> checks(const ReportTable& report) const {
    std::vector<std::pair<std::string, Thresholds>> wanted;
    const auto add = [&](const std::vector<std::string>& specs, bool critical) {
      for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos)
          throw Error::usage(fmt::format("{} takes metric=RANGE, e.g. abandonment=~:10, not {}",
                                         critical ? "--crit" : "--warn", quote_value(spec)));
        const auto metric = report_key(spec.substr(0, eq));
        auto it = std::find_if(wanted.begin(), wanted.end(), [&](const auto& w) { return w.first == metric; });
        if (it == wanted.end()) it = wanted.insert(wanted.end(), {metric, {}});
        std::string error;
        auto range = parse_range(spec.substr(eq + 1), error);
        if (!range) throw Error::usage(fmt::format("{}: {}", critical ? "--crit" : "--warn", error));
        (critical ? it->second.crit : it->second.warn) = std::move(range);
      }
    };
    add(warn_, false);
    add(crit_, true);
    std::vector<CheckItem> items;
    for (const auto& [metric, thresholds] : wanted) {
      const auto column = std::find_if(report.columns.begin(), report.columns.end(),
                                       [&](const ReportColumn& c) { return report_key(c.metric->name) == metric; });
      if (column == report.columns.end())
        throw Error::usage(fmt::format("--warn/--crit: {} is not among the reported metrics", quote_value(metric)));
      const auto i = static_cast<std::size_t>(column - report.columns.begin());
      items.push_back(evaluate(column->metric->name, column->plan.unit, report.total.results[i], thresholds));
    }
    return items;
  }

  CLI::App* app_;
  std::vector<std::string> warn_;
  std::vector<std::string> crit_;
  Settings settings_;
  std::vector<std::string> metrics_;
  InputFlags input_;
  RecordFlags records_;
  OutputFlags output_;
};

}  // namespace

std::unique_ptr<Command> make_report_command(CLI::App& parent) {
  return std::make_unique<ReportCommand>(parent);
}

}  // namespace cxkpi::cli
