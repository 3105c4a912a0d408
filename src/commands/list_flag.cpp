#include "commands/list_flag.hpp"

#include <fmt/format.h>

#include "commands/emit.hpp"
#include "commands/listed_rows.hpp"
#include "errors.hpp"
#include "output/format.hpp"
#include "output/listing_format.hpp"

namespace cxkpi::cli {

void add_list_flag(CLI::App& app, const MetricSpec& spec, bool& list) {
  const auto* evidence = evidence_of(spec.name);
  if (evidence == nullptr) return;
  app.add_flag("--list", list,
               fmt::format("record logs: instead of the figure, list {}, each with its place in the input, period, "
                           "groups and id",
                           evidence->rows))
      ->group("Output");
}

int list_evidence(const MetricSpec& spec, const Settings& settings, Readers& readers, const FileInputOptions& input,
                  const BucketOptions& buckets, const OutputFlags& output) {
  const auto& evidence = *evidence_of(spec.name);
  if (settings.records.window || settings.records.cases)
    throw Error::usage(
        fmt::format("--list lists what each row adds to {}; under window or case rules a row's "
                    "part depends on other rows: leave out --method window / --case-by",
                    spec.name));
  const auto options = format_options(output);
  if (draws_charts(options)) throw Error::usage("--list writes rows: give --format table, json, ndjson, csv or tsv");
  std::vector<std::pair<std::string, ColumnKind>> extra;
  if (!evidence.amount.empty()) extra.emplace_back(evidence.amount, ColumnKind::number);
  ListedRows listed(buckets.group, extra);
  RowErrors errors(input.errors);
  auto table = read_records(readers, input, buckets, settings.record_rules(), errors, {}, [&](const CountedRow& row) {
    const auto b = behind(evidence.evidence, row.contact, settings);
    if (!b) return;
    std::vector<std::string> cells;
    if (!evidence.amount.empty()) cells.push_back(b->amount ? exact_seconds(*b->amount) : std::string());
    listed.add(row, std::move(cells));
  });
  errors.finish(table.warnings);
  const auto figure = metric_table(spec, settings, std::move(table));  // refuses what the figure refuses
  const nlohmann::ordered_json head{{"metric", spec.name}, {"listing", evidence.rows}, {"count", listed.size()}};
  const nlohmann::ordered_json tail{{"warnings", figure.warnings}};
  const ListingShape shape{listed.group_first(), buckets.group.size()};
  return write_result(render_listing(listed.table(), shape, head, tail, options), figure.warnings, {}, output);
}

}  // namespace cxkpi::cli
