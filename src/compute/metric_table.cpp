#include <fmt/format.h>

#include <algorithm>

#include "compute/buckets.hpp"
#include "compute/figure_warnings.hpp"
#include "compute/row_errors.hpp"
#include "errors.hpp"
#include "records/field_sources.hpp"

namespace cxkpi::cli {
namespace {

// The fields the metric needs that come from the base (--base-file or --orders …), not the log.
std::vector<Field> needed_from_base(const Plan& plan, const OutsideBase& base) {
  std::vector<Field> needed;
  for (const Field f : plan.required)
    if (base.fields.has(f)) needed.push_back(f);
  return needed;
}

std::string flag_of(const OutsideBase& base, Field f) {
  for (const auto& [field, flag] : base.flags)
    if (field == f) return flag;
  return "--base-file";
}

// "period" or "period and channel": what a base file's rows are keyed by.
std::string key_names(const BucketTable& buckets) {
  std::string names = "period";
  for (const auto g : buckets.base.key_groups)
    names += " and " + buckets.group_names[g];
  return names;
}

// A figure from outside the log that is not broken down by a --group column would give each
// group all of it (each channel charged the whole period's cost): refused, naming the group.
void check_split_by_groups(const BucketTable& buckets, const std::vector<Field>& needed) {
  const auto& base = buckets.base;
  if (needed.empty() || base.unsplit.empty()) return;
  const auto field = name_of(needed.front());
  const auto& group = base.unsplit.front();
  if (base.whole_input())
    throw Error::usage(fmt::format(
        "{} is one figure for the whole input, not per {}: every {} would get all of it. Drop --group, or give each "
        "{}'s {} with --base-file (columns period, {}, {})",
        flag_of(base, needed.front()), group, group, group, field, group, field));
  throw Error::usage(fmt::format(
      "--base-file gives {} per {}, not per {}: every {} would get all of it. Add a {} column to {}, or drop {} "
      "from --group",
      field, key_names(buckets), group, group, group, base.file, group));
}

// The first needed field the bucket's base row lacks (flags never give a bucket anything).
std::optional<Field> missing_from_base(const BucketTable& buckets, const Bucket& b, const std::vector<Field>& needed) {
  for (const Field f : needed)
    if (!b.base_row || !buckets.base.rows[*b.base_row].present().has(f)) return f;
  return std::nullopt;
}

std::string missing_reason(const BucketTable& buckets, const Bucket& b, Field f) {
  if (buckets.base.whole_input())
    return fmt::format("{} is for the whole input; --base-file gives each period its own", flag_of(buckets.base, f));
  return fmt::format("--base-file has no {} for {}", name_of(f), base_key_label(buckets, b));
}

// The bucket's figure with its base row; null with the reason when the base lacks a field
// the metric needs.
Result row_result(const MetricSpec& metric, const Settings& settings, const BucketTable& buckets, const Bucket& b,
                  const std::vector<Field>& needed) {
  if (needed.empty()) return metric.finalize(b.sums, settings);
  Sums sums = b.sums;
  if (b.base_row) sums.merge(buckets.base.rows[*b.base_row]);
  sums.set_present(buckets.supplied);
  auto r = metric.finalize(sums, settings);
  if (const auto missing = missing_from_base(buckets, b, needed)) {
    r.value.reset();
    r.small_n = false;
    r.reason = missing_reason(buckets, b, *missing);
  }
  return r;
}

// The total with the base: flags are the whole input's; a base file's rows count once each,
// beside only the buckets they gave every needed field ("totals use only matched parts").
Sums total_with_base(const BucketTable& buckets, const std::vector<Field>& needed, std::vector<std::string>& left_out) {
  const auto& base = buckets.base;
  Sums total = buckets.total;
  if (needed.empty()) return total;
  if (base.whole_input()) {
    total.merge(base.rows.front());
  } else {
    std::vector<bool> used(base.rows.size());
    Sums matched;
    for (const auto& b : buckets.buckets) {
      if (missing_from_base(buckets, b, needed)) {
        left_out.push_back(base_key_label(buckets, b));
        continue;
      }
      matched.merge(b.sums);
      used[*b.base_row] = true;
    }
    if (!left_out.empty()) total = matched;
    for (std::size_t i = 0; i < used.size(); ++i)
      if (used[i]) total.merge(base.rows[i]);
  }
  total.set_present(buckets.supplied);
  return total;
}

std::string left_out_warning(const std::vector<Field>& needed, const std::vector<std::string>& left_out) {
  std::vector<std::string> shown(left_out.begin(),
                                 left_out.begin() + std::min<std::ptrdiff_t>(5, std::ssize(left_out)));
  if (left_out.size() > shown.size()) shown.push_back(fmt::format("and {} more", left_out.size() - shown.size()));
  return fmt::format("the total counts only what --base-file gives {} for; left out: {}", name_of(needed.front()),
                     fmt::join(shown, ", "));
}

// "2026-02" or "2026-02 (channel chat)": a bucket as a message names it.
std::string bucket_label(const Bucket& b) {
  return b.groups.empty() ? b.period.label : fmt::format("{} ({})", b.period.label, fmt::join(b.groups, ", "));
}

}  // namespace

MetricRows::MetricRows(const MetricSpec& metric, const Settings& settings, BucketTable buckets)
    : metric_(metric),
      settings_(settings),
      buckets_(std::move(buckets)),
      table_{&metric, metric.plan(settings, buckets_.supplied), buckets_.group_names, {}, {}, buckets_.warnings, {},
             {}} {
  require_fields(metric, table_.plan, buckets_.supplied, buckets_.source, buckets_.preset);
  needed_ = needed_from_base(table_.plan, buckets_.base);
  check_split_by_groups(buckets_, needed_);
  total_ = naming_overflow([&] { return buckets_.source + ": total"; },  // before the rows take the labels
                           [&] { return total_with_base(buckets_, needed_, left_out_); });
}

// One bucket over all the input has no rows: its figure is the total.
bool MetricRows::has_rows() const {
  const auto& options = buckets_.options;
  return options.by != BucketBy::all || !options.by_column.empty() || !buckets_.group_names.empty();
}

Result MetricRows::result(const Bucket& b) const {
  return naming_overflow([&] { return buckets_.source + ": " + bucket_label(b); },
                         [&] { return row_result(metric_, settings_, buckets_, b, needed_); });
}

void MetricRows::each_result(const std::function<void(const Result&)>& see) const {
  if (!has_rows()) return;
  for (const auto& b : buckets_.buckets)
    see(result(b));
}

void MetricRows::take_rows(const std::function<void(ResultRow)>& each) {
  if (!has_rows()) return;
  const auto make = [&](Bucket& b) {
    auto figure = result(b);  // before the labels go: a reason or an error names them
    return ResultRow{std::move(b.period.label), std::move(b.groups), std::move(figure), {}};
  };
  take_bucket_rows(buckets_, make, each);
}

void MetricRows::finish() {
  table_.total =
      naming_overflow([&] { return buckets_.source + ": total"; }, [&] { return metric_.finalize(total_, settings_); });
  add_figure_warnings(table_.warnings, metric_, table_.plan, table_.total);
  if (settings_.records.awaiting)
    table_.warnings.push_back(awaiting_warning(total_, settings_.records.awaiting->as_of));
  if (!left_out_.empty()) table_.warnings.push_back(left_out_warning(needed_, left_out_));
}

ResultTable metric_table(const MetricSpec& metric, const Settings& settings, BucketTable buckets) {
  MetricRows rows(metric, settings, std::move(buckets));
  std::vector<ResultRow> made;
  made.reserve(rows.row_count());  // no second, doubled copy of a million rows while growing
  rows.take_rows([&made](ResultRow row) { made.push_back(std::move(row)); });
  rows.finish();
  auto table = rows.take_table();
  table.rows = std::move(made);
  return table;
}

}  // namespace cxkpi::cli
