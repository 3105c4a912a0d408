#include "check/check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text/ansi.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::string_view kStatusNames[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

std::string_view name_of(CheckStatus s) {
  return kStatusNames[static_cast<int>(s)];
}

// OK green, WARNING yellow, CRITICAL bold red, UNKNOWN magenta: the words stay, colour only repeats them.
std::string painted(std::string_view text, CheckStatus s, bool colour) {
  constexpr std::string_view kColours[] = {sgr::green, sgr::yellow, sgr::bold_red, sgr::magenta};
  return paint(text, kColours[static_cast<int>(s)], colour);
}

std::string shown_value(const CheckItem& item) {
  if (!item.value) return "n/a (" + item.reason + ")";
  const auto number = format_fixed(*item.value, 2);
  // "12.40 %", "35.00 s", "12.00 points"; a cost or a score reads as a plain number here.
  const bool symbol_follows = item.unit == Unit::percent || item.unit == Unit::seconds || item.unit == Unit::points;
  return symbol_follows ? fmt::format("{} {}", number, unit_symbol(item.unit)) : number;
}

std::string trigger(const CheckItem& item) {
  if (item.status == CheckStatus::critical) return fmt::format(" (crit {})", describe(*item.thresholds.crit));
  if (item.status == CheckStatus::warning) return fmt::format(" (warn {})", describe(*item.thresholds.warn));
  return "";
}

// 'label'=value[UOM];[warn];[crit] as the plugin guidelines define performance data.
std::string perfdata(const CheckItem& item) {
  // Of our units, the plugin guidelines define only % and s.
  const bool plugin_uom = item.unit == Unit::percent || item.unit == Unit::seconds;
  const std::string_view uom = plugin_uom ? unit_symbol(item.unit) : "";
  return fmt::format("'{}'={}{};{};{}", item.label, item.value ? format_exact(*item.value) : "U", item.value ? uom : "",
                     item.thresholds.warn ? item.thresholds.warn->text : "",
                     item.thresholds.crit ? item.thresholds.crit->text : "");
}

}  // namespace

CheckItem evaluate(std::string_view label, Unit unit, const Result& result, const Thresholds& thresholds) {
  CheckItem item{std::string(label), unit, result.value, result.reason, thresholds, CheckStatus::ok};
  if (!result.value)
    item.status = CheckStatus::unknown;
  else if (thresholds.crit && alerts(*thresholds.crit, *result.value))
    item.status = CheckStatus::critical;
  else if (thresholds.warn && alerts(*thresholds.warn, *result.value))
    item.status = CheckStatus::warning;
  return item;
}

CheckStatus overall(const std::vector<CheckItem>& items) {
  CheckStatus worst = CheckStatus::ok;
  // UNKNOWN outranks OK but not a real WARNING or CRITICAL: those are known problems.
  const auto rank = [](CheckStatus s) { return s == CheckStatus::unknown ? 0.5 : static_cast<double>(s); };
  for (const auto& i : items)
    if (rank(i.status) > rank(worst)) worst = i.status;
  return worst;
}

std::string status_line(const std::vector<CheckItem>& items, bool colour) {
  std::vector<const CheckItem*> ordered;
  ordered.reserve(items.size());
  for (const auto& i : items)
    ordered.push_back(&i);
  // Problems first, so the head of the line says what is wrong.
  std::stable_sort(ordered.begin(), ordered.end(), [](const CheckItem* a, const CheckItem* b) {
    const auto key = [](CheckStatus s) {
      return s == CheckStatus::ok ? 0 : s == CheckStatus::unknown ? 1 : 2 + static_cast<int>(s);
    };
    return key(a->status) > key(b->status);
  });
  std::vector<std::string> parts;
  std::vector<std::string> perf;
  for (const auto* i : ordered) {
    const auto part = fmt::format("{} {}{}", i->label, shown_value(*i), trigger(*i));
    parts.push_back(i->status == CheckStatus::ok ? part : painted(part, i->status, colour));
    perf.push_back(perfdata(*i));
  }
  const auto status = overall(items);
  return fmt::format("CXKPI {} - {} | {}", painted(name_of(status), status, colour), fmt::join(parts, ", "),
                     fmt::join(perf, " "));
}

bool in_check_mode(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--warn" || arg == "--crit" || arg.starts_with("--warn=") || arg.starts_with("--crit=")) return true;
  }
  return false;
}

}  // namespace cxkpi::cli
