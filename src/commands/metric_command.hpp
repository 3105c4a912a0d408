#pragma once
// The one command behind every metric subcommand: numbers from flags, or period tables
// from files, through the metric's catalogue entry.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "commands/command.hpp"
#include "commands/flags.hpp"
#include "commands/metric_options.hpp"
#include "commands/state_flags.hpp"
#include "compute/buckets.hpp"
#include "compute/compute.hpp"
#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

class MetricCommand final : public Command {
 public:
  MetricCommand(CLI::App& parent, const MetricSpec& spec);
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override;
  int run_merged(BucketTable&& merged) override;
  std::optional<LogRead> log_read() override;

 private:
  [[nodiscard]] std::vector<NumberInput> given_numbers() const;
  [[nodiscard]] BucketOptions buckets() const;
  [[nodiscard]] bool streams() const;
  [[nodiscard]] int run_listing(const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] int emit_log_state(const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] int stream_ndjson(Readers& readers, const FileInputOptions& input) const;
  [[nodiscard]] int write_csv_as_made(Readers& readers, const FileInputOptions& input,
                                      const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] int run_periods(Readers& readers, const FileInputOptions& input) const;
  [[nodiscard]] int stream_period_ndjson(Readers& readers, const FileInputOptions& input) const;
  [[nodiscard]] int write_period_csv(Readers& readers, const FileInputOptions& input) const;
  [[nodiscard]] int emit_whole(ResultTable table, const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] std::optional<std::int32_t> rolling_days() const;
  [[nodiscard]] ResultTable log_table(BucketTable buckets, std::optional<std::int32_t> rolling) const;
  [[nodiscard]] ResultTable compute_table(const FileInputOptions& input, const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] Readers open_files(const FileInputOptions& input) const;
  [[nodiscard]] bool reads_periods(Readers& readers, const FileInputOptions& input,
                                   const std::vector<NumberInput>& numbers) const;
  [[nodiscard]] BucketTable read_log(Readers& readers, const FileInputOptions& input,
                                     const std::vector<NumberInput>& numbers) const;

  const MetricSpec& spec_;
  CLI::App* app_;
  Settings settings_;
  MetricExtras extras_;
  InputFlags input_;
  RecordFlags records_;
  std::string base_file_;
  OutputFlags output_;
  CheckFlags checks_;
  StateFlags state_;
  std::string compare_;
  std::string rolling_;  // --rolling 7d
  bool spark_ = false;   // --spark: a sparkline per group under the table
  bool no_stream_ = false;
  bool list_ = false;  // --list: the contacts behind the figure instead of the figure
  std::array<std::string, kFieldCount> number_text_;
  std::array<CLI::Option*, kFieldCount> number_option_{};
};

/// The numbers-mode flag names for a field: "--talk,--talk-s".
std::string flag_names(Field f);

/// The formula and unit of a metric with default options (or a --definitions pack) and every
/// input present.
std::string metric_formula(const MetricSpec& spec, std::string_view definitions = {});
std::string metric_unit(const MetricSpec& spec);
/// The period-table columns a metric reads (its inputs), as --help and explain list them: a
/// run of per-score counts by its ends ("csat_1 … csat_10"); "—" for a metric only a log gives.
std::string period_columns(const MetricSpec& spec);

/// `cxkpi <metric> --help` ends with the formula, the columns it reads and an example.
std::string help_footer(const MetricSpec& spec);

}  // namespace cxkpi::cli
