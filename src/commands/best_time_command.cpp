// `cxkpi best-time-to-call LOG` (alias best-time): answer rate by local weekday × hour of
// opened_at, its marginals, and the bucket with enough contacts that is answered best.
#include "commands/best_time_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "commands/colour_choice.hpp"
#include "commands/emit.hpp"
#include "commands/flags.hpp"
#include "commands/page_output.hpp"
#include "commands/state_flags.hpp"
#include "compute/buckets.hpp"
#include "compute/figure_warnings.hpp"
#include "compute/input_columns.hpp"
#include "errors.hpp"
#include "output/best_time_format.hpp"
#include "output/html_page.hpp"
#include "records/field_sources.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Dialling logs name their columns after attempts and connects; --outbound reads them as
// offered and answered (unless --map says otherwise).
constexpr std::array<std::string_view, 6> kAttemptHeaders{"attempts", "attempt", "attempted",
                                                          "dials",    "dialed",  "dialled"};
constexpr std::array<std::string_view, 5> kConnectHeaders{"connects", "connect", "connected", "is_connected",
                                                          "connected_y_n"};

template <std::size_t N>
std::optional<std::string> header_named(const std::vector<std::string>& header,
                                        const std::array<std::string_view, N>& names) {
  for (const auto name : names)
    if (const auto column = find_column(header, name)) return header[*column];
  return std::nullopt;
}

void map_outbound_columns(const TableReader& first, std::vector<ColumnOverride>& overrides) {
  const auto mapped = [&](std::string_view field) {
    return std::any_of(overrides.begin(), overrides.end(),
                       [&](const ColumnOverride& o) { return normalize_header(o.canonical) == field; });
  };
  if (const auto h = header_named(first.header(), kAttemptHeaders); h && !mapped("offered"))
    overrides.push_back({"offered", *h});
  if (const auto h = header_named(first.header(), kConnectHeaders); h && !mapped("answered"))
    overrides.push_back({"answered", *h});
}

// Checked before reading, so that the message names this command's needs.
void require_columns(const Readers& readers, const FileInputOptions& input, bool outbound) {
  for (const auto& reader : readers) {
    const auto in = input_columns(reader->header(), input);
    const RecordColumnMap columns(reader->header(), in.overrides, reader->source_name(), in.labels);
    if (!columns.has(RecordField::opened_at) && !columns.has(RecordField::date))
      throw Error::data(
          fmt::format("{}: best-time-to-call needs opened_at (or date and time) in the log", reader->source_name()));
    if (outbound && !columns.has(RecordField::answered))
      throw Error::data(
          fmt::format("{}: best-time-to-call --outbound needs a connects column (connects, connected, or "
                      "--map answered=HEADER)",
                      reader->source_name()));
    if (!supplied_fields(columns.present(), {}).has(Field::handled))
      throw Error::data(fmt::format("{}: {}", reader->source_name(), no_outcome_evidence("best-time-to-call")));
  }
}

// A bucket's counts: contacts of unknown outcome leave its rate, answers of unknown wait its asa.
CallCounts call_counts(const Sums& s) {
  return {s.raw(Field::offered) - s.raw(Field::outcome_unknown), s.raw(Field::handled), s.raw(Field::answer_wait_s),
          s.raw(Field::answered_untimed)};
}

// The rows the grid left out, for the warning.
Result left_out_of(const Sums& total) {
  Result r;
  for (const Field f : {Field::outcome_unknown, Field::answered_untimed})
    if (total.raw(f) > 0) r.left_out.push_back({f, total.raw(f)});
  return r;
}

class BestTimeCommand final : public Command {
 public:
  explicit BestTimeCommand(CLI::App& parent)
      : app_(parent.add_subcommand("best-time-to-call",
                                   "answer rate by local weekday × hour of opened_at, and the best time to call")) {
    app_->add_option("--min-n", min_n_, "contacts a bucket needs to be the best (default 30)")
        ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()));
    app_->add_flag("--outbound", outbound_,
                   "a dialling log: attempts count as offered, connects as answered (columns attempts, connects)");
    add_input_flags(*app_, input_);
    app_->get_option("FILE")->description("record log(s): CSV, TSV, JSON or NDJSON; - reads stdin");
    add_record_flags(*app_, records_);
    // The buckets are fixed (weekday × hour of --tz local time) and the log is always a log.
    for (const auto* flag : {"--by", "--by-column", "--group", "--no-scale-check", "--shape"})
      app_->remove_option(app_->get_option(flag));
    add_output_flags(*app_, output_);
    for (const auto* flag : {"--sort", "--desc", "--top"})
      app_->remove_option(app_->get_option(flag));
    app_->add_option("--view", view_, "terminal output (--format table): heatmap (default) or table")
        ->check(CLI::IsMember({"heatmap", "table"}))
        ->group("Output");
    app_->add_flag("--ascii", ascii_, "heatmap in plain ASCII (shades . : + #)")->group("Output");
    add_state_flags(*app_, state_);
    app_->footer(
        "\nFormula:  100 × answered / offered per weekday × hour (percent); n = offered; asa = answer wait / "
        "answered\n"
        "Best:     the highest rate among buckets with n ≥ --min-n; ties: larger n, lower asa, earlier (Mon 00 first)\n"
        "Columns:  opened_at (or date and time), offered, answered, wait_s (record logs only)\n"
        "Example:  cxkpi best-time-to-call data/calls.csv --tz Europe/Riga --min-n 20");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    auto input = file_input(input_, output_.output);
    auto readers = open_inputs(input, input_);
    if (outbound_) map_outbound_columns(*readers.front(), input.overrides);
    require_columns(readers, input, outbound_);
    auto options = bucket_options(records_);
    options.by = BucketBy::weekday_hour;
    options.scale_check = false;  // survey answers play no part here
    const auto rules = read_rules();
    auto buckets = read_records(readers, input, options, rules);
    if (state_.emit) return emit_state(*app_, state_, rules, buckets, output_);
    return finish(buckets);
  }

  int run_merged(BucketTable&& merged) override { return finish(merged); }

 private:
  static RecordRules read_rules() {
    RecordRules rules;
    rules.csat_scale = 10;  // nor does the CSAT scale: accept any of them
    return rules;
  }

  // The grid, its best bucket and the output, from buckets read here or merged from states.
  int finish(const BucketTable& buckets) const {
    BestTimeReport report;
    for (const auto& b : buckets.buckets) {
      const Slot slot{static_cast<int>(b.period.order / kHoursPerDay), static_cast<int>(b.period.order % kHoursPerDay)};
      report.grid.add(slot, call_counts(b.sums));
    }
    report.best = best_slot(report.grid, min_n_);
    report.min_n = min_n_;
    report.tz = records_.tz;
    report.outbound = outbound_;
    report.waits = buckets.supplied.has(Field::answer_wait_s);
    report.warnings = buckets.warnings;
    if (auto w = blank_inputs_warning(app_->get_name(), left_out_of(buckets.total)); !w.empty())
      report.warnings.push_back(std::move(w));
    const auto format = format_options(output_);
    const BestTimeView view{view_ == "heatmap", ascii_, format.format == OutputFormat::table && colour_chosen(output_)};
    const auto text = draws_charts(format) ? render_page(best_time_page(report, format), output_, input_.files)
                                           : render_best_time(report, format, view);
    return write_result(text, report.warnings, {}, output_);
  }

  CLI::App* app_;
  std::int64_t min_n_ = 30;
  bool outbound_ = false;
  std::string view_ = "heatmap";
  bool ascii_ = false;
  InputFlags input_;
  RecordFlags records_;
  OutputFlags output_;
  StateFlags state_;
};

}  // namespace

std::unique_ptr<Command> make_best_time_command(CLI::App& parent) {
  return std::make_unique<BestTimeCommand>(parent);
}

}  // namespace cxkpi::cli
