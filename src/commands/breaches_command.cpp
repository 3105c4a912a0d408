#include "commands/breaches_command.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "commands/emit.hpp"
#include "commands/flags.hpp"
#include "commands/listed_rows.hpp"
#include "commands/metric_options.hpp"
#include "commands/sla_targets.hpp"
#include "compute/buckets.hpp"
#include "errors.hpp"
#include "output/format.hpp"
#include "output/listing_format.hpp"
#include "records/holidays.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

// The field a log supplies when it has the columns a measure needs.
Field evidence_field(Measure m) {
  switch (m) {
    case Measure::first_response:
      return Field::first_responses;
    case Measure::resolution:
      return Field::timed_resolutions;
    case Measure::wait:
      return Field::answer_wait_s;
    case Measure::handle:
      return Field::handle_s_squared;
  }
  return Field::contacts;
}

std::string_view columns_needed(Measure m) {
  switch (m) {
    case Measure::first_response:
      return "opened_at and first_response_at (or first_response_s)";
    case Measure::resolution:
      return "opened_at and resolved_at";
    case Measure::wait:
      return "wait_s";
    case Measure::handle:
      return "talk_s, hold_s or wrap_s, and what tells answered contacts";
  }
  return {};
}

// The count of one target in one period and group.
struct TargetCount {
  std::int64_t measured = 0;
  std::int64_t breached = 0;
  std::int64_t not_measurable = 0;
};

using SummaryKey = std::tuple<std::int64_t, std::string, std::vector<std::string>, std::size_t>;

class Breaches {
 public:
  Breaches(const std::vector<SlaTarget>& targets, const std::vector<std::string>& group_names)
      : targets_(targets),
        group_names_(group_names),
        listed_(group_names, {{"target", ColumnKind::label},
                              {"limit_s", ColumnKind::number},
                              {"measured_s", ColumnKind::number},
                              {"over_s", ColumnKind::number}}) {}

  void see(const CountedRow& row, const RecordRules& rules) {
    for (std::size_t t = 0; t < targets_.size(); ++t) {
      const auto& target = targets_[t];
      const auto m = measured(target.measure, row.contact, rules);
      if (!m.applies) continue;
      auto& count = counts_[{row.period.order, row.period.label, {row.groups.begin(), row.groups.end()}, t}];
      if (!m.raw) {
        ++count.not_measurable;
        continue;
      }
      ++count.measured;
      if (*m.raw <= target.limit_raw) continue;
      ++count.breached;
      const auto over = *m.raw - target.limit_raw;
      listed_.add(row, {target.name, exact_seconds(target.limit_raw), exact_seconds(*m.raw), exact_seconds(over)},
                  over);
    }
  }

  ListedRows& listed() { return listed_; }

  // One row per period, group and target, in period order, then by group values, then in --sla order.
  [[nodiscard]] TextTable summary() const {
    TextTable t;
    t.add_column("period", "period", ColumnKind::label);
    for (const auto& g : group_names_)
      t.add_column(g, g, ColumnKind::label);
    for (const auto* key : {"target", "limit_s", "measured", "breached", "not_measurable"})
      t.add_column(key, key, std::string_view(key) == "target" ? ColumnKind::label : ColumnKind::number);
    for (const auto& [key, count] : counts_) {
      const auto& [order, label, groups, target] = key;
      std::vector<std::string> cells{label};
      cells.insert(cells.end(), groups.begin(), groups.end());
      cells.push_back(targets_[target].name);
      cells.push_back(exact_seconds(targets_[target].limit_raw));
      for (const auto n : {count.measured, count.breached, count.not_measurable})
        cells.push_back(std::to_string(n));
      t.rows.push_back(std::move(cells));
    }
    return t;
  }

 private:
  const std::vector<SlaTarget>& targets_;
  std::vector<std::string> group_names_;
  ListedRows listed_;
  std::map<SummaryKey, TargetCount> counts_;
};

class BreachesCommand final : public Command {
 public:
  explicit BreachesCommand(CLI::App& parent)
      : app_(parent.add_subcommand("breaches", "every contact over its target (--sla), with the amount over")) {
    app_->add_option("--sla", sla_,
                     fmt::format("targets NAME=SPAN, comma-separated: {}; SPAN as 90s, 30m, 24h, 7d", kSlaNames))
        ->required();
    app_->add_flag("--summary", summary_,
                   "instead of the contacts, a row per period, group and target: measured, breached, not measurable");
    add_business_hours(*app_, settings_, extras_);
    add_input_flags(*app_, input_);
    app_->get_option("FILE")->description("record log(s): CSV, TSV, JSON or NDJSON; - reads stdin");
    add_record_flags(*app_, records_);
    for (const auto* flag : {"--by-column", "--shape"})
      app_->remove_option(app_->get_option(flag));
    add_output_flags(*app_, output_);
    for (const auto* flag : {"--sort", "--desc", "--top"})
      app_->remove_option(app_->get_option(flag));
    app_->footer(
        "\nOver:     a contact breaches a target when its duration is longer than the target (equal is met); a "
        "blank duration is not measurable, never a breach\n"
        "Order:    most over first (exact, in seconds); equal amounts in input order\n"
        "Columns:  opened_at, first_response_at, resolved_at, wait_s, talk_s, hold_s, wrap_s (those the targets "
        "need)\n"
        "Example:  cxkpi breaches data/fixture_f.csv --sla frt=30s,resolution=1h --group channel");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    const auto targets = parse_sla(sla_);
    if (!extras_.holidays.empty()) {
      if (!settings_.records.business_hours) throw Error::usage("--holidays needs --business-hours");
      load_holidays(extras_.holidays, *settings_.records.business_hours);
    }
    const auto options = format_options(output_);
    if (draws_charts(options))
      throw Error::usage("breaches writes rows: give --format table, json, ndjson, csv or tsv");
    const auto input = file_input(input_, output_.output);
    auto readers = open_inputs(input, input_);
    auto buckets = bucket_options(records_);
    buckets.scale_check = false;  // survey answers play no part here
    const auto rules = settings_.record_rules();
    Breaches breaches(targets, buckets.group);
    RowErrors errors(input.errors);
    auto table = read_records(readers, input, buckets, rules, errors, {},
                              [&](const CountedRow& row) { breaches.see(row, rules); });
    errors.finish(table.warnings);
    for (const auto& t : targets)
      if (!table.supplied.has(evidence_field(t.measure)))
        throw Error::data(
            fmt::format("{}: --sla {} needs {} in the log", table.source, t.name, columns_needed(t.measure)));
    breaches.listed().sort_by_order();
    return write_result(render(breaches, targets, options), table.warnings, {}, output_);
  }

 private:
  std::string render(Breaches& breaches, const std::vector<SlaTarget>& targets, const FormatOptions& options) const {
    const auto summary = breaches.summary();
    const ListingShape summary_shape{1, records_.group.size()};
    nlohmann::ordered_json sla = nlohmann::ordered_json::object();
    for (const auto& t : targets)
      sla[t.name] = json_number(static_cast<double>(t.limit_raw) / static_cast<double>(kAmountScale));
    nlohmann::ordered_json head{{"command", "breaches"}, {"sla", sla}};
    if (summary_)
      return render_listing(summary, summary_shape, head, {{"warnings", nlohmann::ordered_json::array()}}, options);
    const auto& listed = breaches.listed();
    const ListingShape shape{listed.group_first(), records_.group.size()};
    nlohmann::ordered_json summary_json = nlohmann::ordered_json::array();
    for (std::size_t r = 0; r < summary.rows.size(); ++r)
      summary_json.push_back(listing_row_json(summary, summary_shape, r));
    auto text = render_listing(listed.table(), shape, head, {{"summary", summary_json}}, options);
    if (options.format == OutputFormat::table && options.fields.empty()) text += "\n" + render_grid(summary, options);
    return text;
  }

  CLI::App* app_;
  std::string sla_;
  bool summary_ = false;
  Settings settings_;
  MetricExtras extras_;
  InputFlags input_;
  RecordFlags records_;
  OutputFlags output_;
};

}  // namespace

std::unique_ptr<Command> make_breaches_command(CLI::App& parent) {
  return std::make_unique<BreachesCommand>(parent);
}

}  // namespace cxkpi::cli
