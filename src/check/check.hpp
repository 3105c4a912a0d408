#pragma once
// Threshold checks for cron jobs and monitoring (--warn / --crit): one status line first,
// in the monitoring-plugin format, and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/thresholds.hpp"
#include "cxkpi/result.hpp"

namespace cxkpi::cli {

enum class CheckStatus { ok = 0, warning = 1, critical = 2, unknown = 3 };

struct CheckItem {
  std::string label;  // the metric
  Unit unit = Unit::count;
  std::optional<double> value;
  std::string reason;  // why the value is null
  Thresholds thresholds;
  CheckStatus status = CheckStatus::ok;
};

/// Judges one metric's total against its thresholds (a null value is UNKNOWN).
CheckItem evaluate(std::string_view label, Unit unit, const Result& result, const Thresholds& thresholds);

/// The worst status of all items.
CheckStatus overall(const std::vector<CheckItem>& items);

/// `CXKPI CRITICAL - abandonment 12.40 % (crit > 10) | 'abandonment'=12.4%;8;10`; with
/// `colour`, the status and each item that is not OK in its status's colour.
std::string status_line(const std::vector<CheckItem>& items, bool colour = false);

/// Whether the command line asks for a check (--warn or --crit): failures then exit 3.
bool in_check_mode(int argc, const char* const* argv);

}  // namespace cxkpi::cli
