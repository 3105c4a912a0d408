#pragma once
// The flags that choose a metric's variant (--per, --den, --method, …), one function per
// metric that has any, found through a table.

#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <string_view>

#include "compute/compute.hpp"
#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

/// Values a metric's own flags collect besides Settings.
struct MetricExtras {
  std::string scores;                   // csat, ces, nps --scores 1=10,2=10,…
  Field (*score_field)(int) = nullptr;  // --scores: the field counting each answer (csat_1 …, ces_1 …)
  int score_low = 1;                    // --scores: the lowest answer (0 for NPS)
  const int* score_scale = nullptr;     // --scores: the scale (top answer) the answers are checked against
  std::string holidays;                 // --holidays FILE
  std::string window;                   // --window 7d
  bool censor = false;                  // fcr --censor
  std::string as_of;                    // fcr --as-of
  bool handled_only = false;            // repeat-contact-rate --scope handled
  bool case_by_customer = false;        // contacts-to-resolution --case-by customer
  std::string per_hour;                 // resolved-per-agent --per-hour FILE
  bool intervals = false;               // csat, nps --ci: confidence-interval columns in tables
  double confidence = 0.95;             // --confidence: the level of --compare's tests
  std::string definitions;              // service-level, abandonment --definitions VENDOR
  std::string issue_key;                // fcr, repeat-contact-rate --issue-key COLUMN
  bool awaiting = false;                // first-response-time --awaiting
};

/// A metric's own flags: `add` registers them, `validate` (nullptr: nothing to check) turns
/// them into settings once the command line is read.
struct MetricOptions {
  const MetricSpec* metric;
  void (*add)(CLI::App&, Settings&, MetricExtras&);
  void (*validate)(Settings&, const MetricExtras&, const std::string& tz) = nullptr;
};

/// Every metric that has flags of its own.
std::span<const MetricOptions> metric_options();

/// Adds `metric`'s variant flags, writing into `settings` and `extras`.
void add_metric_options(const MetricSpec& metric, CLI::App& app, Settings& settings, MetricExtras& extras);

/// --business-hours and --holidays: durations (first response, resolution) in business
/// seconds, as first-response-time and resolution-time measure them (breaches shares them).
void add_business_hours(CLI::App& app, Settings& settings, MetricExtras& extras);

/// The flags `report` takes: the thresholds applied while reading, and the CSAT scale.
void add_report_options(CLI::App& app, Settings& settings);

/// Checks the variant flags against each other after parsing, and reads the files they
/// name (--holidays); throws Error.
void validate_settings(const MetricSpec& metric, Settings& settings, const MetricExtras& extras, const std::string& tz);

/// --weight COLUMN: maps the column as the answers' weight in `input`, or refuses (usage)
/// --compare and --ci, whose tests and intervals take every answer as one.
void apply_weight(const Settings& settings, FileInputOptions& input, bool compare, bool intervals);

/// Refuses (64) --weight where the log is read as SQL (cxkpi sql): the state SQL sums no weights.
void refuse_weight_in_sql(const Settings& settings);

}  // namespace cxkpi::cli
