// `cxkpi report`: every metric the input supports, per bucket, in one table.
#include "commands/report_command.hpp"

#include <fmt/format.h>

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
    app_->footer(
        "\nExample:  cxkpi report data/calls.csv --by week --group channel\n"
        "          cxkpi report data/calls.csv --by day --format csv --metrics abandonment,asa,service-level");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  void run() override {
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
    const auto report = build_report(buckets, settings_, std::move(columns), records_.by);
    const auto text = render_report(report, format_options(output_));
    for (const auto& w : report.warnings)
      fmt::print(stderr, "cxkpi: warning: {}\n", w);
    write_output(text, output_.output);
  }

 private:
  CLI::App* app_;
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
