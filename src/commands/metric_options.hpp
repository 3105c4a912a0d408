#pragma once
// The flags that choose a metric's variant (--per, --den, --method, …), one function per
// metric that has any, found through a table.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

/// Values a metric's own flags collect besides Settings.
struct MetricExtras {
  std::string scores;             // csat --scores 1=10,2=10,…
  std::string holidays;           // --holidays FILE
  std::string window;             // --window 7d
  bool censor = false;            // fcr --censor
  std::string as_of;              // fcr --as-of
  bool handled_only = false;      // repeat-contact-rate --scope handled
  bool case_by_customer = false;  // contacts-to-resolution --case-by customer
  std::string per_hour;           // resolved-per-agent --per-hour FILE
  bool intervals = false;         // csat, nps --ci: confidence-interval columns in tables
};

/// Adds `metric`'s variant flags, writing into `settings` and `extras`.
void add_metric_options(std::string_view metric, CLI::App& app, Settings& settings, MetricExtras& extras);

/// The flags `report` takes: the thresholds applied while reading, and the CSAT scale.
void add_report_options(CLI::App& app, Settings& settings);

/// Checks the variant flags against each other after parsing, and reads the files they
/// name (--holidays); throws Error.
void validate_settings(std::string_view metric, Settings& settings, const MetricExtras& extras, const std::string& tz);

}  // namespace cxkpi::cli
