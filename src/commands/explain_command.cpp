// `cxkpi explain METRIC`: the explanation table, with the title, formula, unit and columns
// taken from the metric catalogue, so that `explain`, `metrics` and --help agree.
#include "commands/explain_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/definitions.hpp"
#include "commands/explanations.hpp"
#include "commands/metric_command.hpp"
#include "cxkpi/catalog.hpp"
#include "cxkpi/evidence.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/display_width.hpp"
#include "text/json.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t kWidth = 100;

// Every record log: what tells its rows apart (METRICS.md: a duplicate id is an error).
constexpr std::string_view kIdRule =
    "a repeated id is bad data (--dedupe first|last keeps one row); a log without an id column is not checked for "
    "repeats";

// Every input's headers (records/header_check): a near miss of a known name is refused.
constexpr std::string_view kHeaderRule =
    "a header one slip from a known name (answerd) is refused, exit 65: --map field=Header reads it as the field, "
    "--label Header keeps it a label; a duration is read in the unit its header ends with (_ms, (in minutes), "
    "_hours) or --map talk_s=Header:ms gives (ms, s, min, h, hh:mm:ss), exactly; --map answered=Header:AGENT,ANSWERED "
    "names a flag's words for yes; -v says how each column was read";

// Every input's rows (records/row_filter): --where picks them before anything counts them.
constexpr std::string_view kRowRule =
    "--where EXPR reads only the rows that match (Media Type = voice and Abandoned != YES): figures, ids, left_out "
    "counts and --rejects see those rows alone";

// Periods of logs (records/timestamps, compute/rolling) and of period tables regrouped (compute/regroup).
constexpr std::string_view kPeriodRule =
    "--by hour, day, week, month, quarter, year, weekday, hour-of-day or intervals from local midnight (15m, 30m: "
    "minutes that divide an hour; 120m: whole hours that divide a day; the readings an autumn hour repeats are "
    "intervals of their own, labelled with their offset); "
    "--rolling 7d with --by day: each day over the 7 days ending on it, from the days' summed parts, null where the "
    "window starts before the log's first day; on a period table, --by sums rows into coarser periods (days into "
    "months) and --group keeps the label columns named, refused where a row would have to be split (an ISO week "
    "across two months)";

/// --list (cxkpi/evidence.hpp): what it lists of a metric, when it lists anything.
std::string listing_rule(std::string_view metric) {
  const auto* e = evidence_of(metric);
  if (e == nullptr) return {};
  return fmt::format(
      "--list prints, instead of the figure, {}; a row refused or left out for a blank cell is not listed", e->rows);
}

// An entry as this build shows it: with the catalogue's title, formula, unit and columns.
struct Shown {
  const Explanation* entry;
  std::string summary;
  std::string formula;
  std::string unit;
  std::string record_fields;
  std::string table_fields;
  bool built = false;
  std::vector<std::string> aliases;
  const DefinitionPack* pack = nullptr;  // --definitions: the vendor's variants, formula included
  bool catalogued = false;               // a metric command (--by, --rolling), not a command of its own
};

bool has_command(const CLI::App& root, std::string_view name) {
  return !root.get_subcommands([&](const CLI::App* s) { return s->get_name() == name; }).empty();
}

Shown shown(const Explanation& e, const CLI::App& root, const DefinitionPack* pack = nullptr) {
  Shown s{&e,
          std::string(e.own.summary),
          std::string(e.own.formula),
          std::string(e.own.unit),
          std::string(e.record_fields),
          std::string(e.own.table_fields),
          has_command(root, e.name),
          {},
          pack};
  if (const auto* m = find_metric(e.name)) {
    s.catalogued = true;
    s.summary = m->title;
    s.formula = metric_formula(*m, pack == nullptr ? std::string_view{} : pack->name);
    s.unit = metric_unit(*m);
    if (!m->log_columns.empty()) s.record_fields = m->log_columns;
    s.table_fields = period_columns(*m);
  }
  for (const auto& a : command_aliases())
    if (a.command == e.name) s.aliases.emplace_back(a.alias);
  return s;
}

bool reads_logs(const Shown& s) {
  return s.record_fields != "—";
}

// The entry for a name or an alias; a usage error with a hint otherwise.
const Explanation& lookup(std::string_view name) {
  std::string target(name);
  for (const auto& a : command_aliases())
    if (a.alias == name) target = a.command;
  if (const auto* e = find_explanation(target)) return *e;
  std::vector<std::string> names;
  for (const auto& e : explanations())
    names.emplace_back(e.name);
  for (const auto& a : command_aliases())
    names.emplace_back(a.alias);
  throw Error::unknown("unknown metric", name, names, "; cxkpi explain lists them");
}

// `text` folded at kWidth columns: the first line starts with `lead`, the others with `indent`.
std::string folded(std::string_view text, std::string_view lead, std::string_view indent) {
  std::string out(lead);
  std::size_t column = display_width(lead);
  bool line_start = true;
  while (!text.empty()) {
    const auto end = text.find(' ');
    const auto word = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line_start && column + 1 + display_width(word) > kWidth) {
      out += "\n" + std::string(indent);
      column = display_width(indent);
      line_start = true;
    }
    if (!line_start) {
      out += ' ';
      ++column;
    }
    out += word;
    column += display_width(word);
    line_start = false;
  }
  return out + "\n";
}

// The metrics --definitions changes: what explain shows a pack for.
bool follows_definitions(std::string_view metric) {
  return metric == "service-level" || metric == "abandonment";
}

// --definitions NAME as explain prints it: the pack's documents and what it counts.
std::string definitions_text(const DefinitionPack& p) {
  const std::string indent(18, ' ');
  std::string out = folded(p.document, fmt::format("Definitions: {}, after ", p.name), "  ");
  out += folded(p.service_level_text, "  service level:  ", indent);
  out += folded(p.abandonment_text, "  abandonment:    ", indent);
  out += folded(p.threshold_text, "  threshold:      ", indent);
  out += folded(p.short_abandon_text, "  short abandons: ", indent);
  return out;
}

ordered_json definitions_json(const DefinitionPack& p) {
  return {{"name", p.name},
          {"document", p.document},
          {"service_level", p.service_level_text},
          {"abandonment", p.abandonment_text},
          {"threshold", p.threshold_text},
          {"short_abandons", p.short_abandon_text}};
}

std::string render_text(const Shown& s) {
  const auto& e = *s.entry;
  std::string out = folded(s.summary, fmt::format("{}: ", e.name), "  ");
  if (!s.aliases.empty()) out += fmt::format("Aliases:   {}\n", fmt::join(s.aliases, ", "));
  if (!s.built) out += "Status:    not in this build of cxkpi yet; the definition it will follow\n";
  if (s.pack != nullptr) out += definitions_text(*s.pack);
  out += folded(fmt::format("{} ({})", s.formula, s.unit), "Formula:   ", "           ");
  out += "Variants:";
  out += e.variants.empty() ? "  none\n" : "\n";
  for (const auto& v : e.variants)
    out += folded(v.meaning, fmt::format("  {:<34}", v.flags), std::string(36, ' '));
  out += "Fields:\n";
  out += folded(s.record_fields, "  record logs:    ", std::string(18, ' '));
  if (reads_logs(s)) out += folded(kIdRule, "  ids:            ", std::string(18, ' '));
  out += folded(s.table_fields, "  period tables:  ", std::string(18, ' '));
  out += folded(kHeaderRule, "  headers:        ", std::string(18, ' '));
  out += folded(kRowRule, "  rows:           ", std::string(18, ' '));
  if (s.catalogued) out += folded(kPeriodRule, "  bucketing:      ", std::string(18, ' '));
  if (const auto rule = listing_rule(e.name); !rule.empty())
    out += folded(rule, "  list:           ", std::string(18, ' '));
  out += "Pitfalls:\n";
  for (const auto p : e.pitfalls)
    out += folded(p, "  - ", "    ");
  out += "Worked example:\n";
  out += folded(e.example.story, "  ", "  ");
  out += fmt::format("  $ {}\n  → {}\n", e.example.command, e.example.answer);
  return out;
}

ordered_json entry_json(const Shown& s) {
  const auto& e = *s.entry;
  ordered_json o;
  o["name"] = e.name;
  o["aliases"] = s.aliases;
  o["built"] = s.built;
  o["summary"] = s.summary;
  o["unit"] = s.unit;
  o["formula"] = s.formula;
  if (s.pack != nullptr) o["definitions"] = definitions_json(*s.pack);
  o["variants"] = ordered_json::array();
  for (const auto& v : e.variants)
    o["variants"].push_back({{"flags", v.flags}, {"meaning", v.meaning}});
  o["fields"] = {{"records", s.record_fields}, {"periods", s.table_fields}};
  if (reads_logs(s)) o["fields"]["ids"] = kIdRule;
  o["fields"]["headers"] = kHeaderRule;
  o["fields"]["rows"] = kRowRule;
  if (s.catalogued) o["fields"]["bucketing"] = kPeriodRule;
  if (const auto rule = listing_rule(e.name); !rule.empty()) o["fields"]["list"] = rule;
  o["pitfalls"] = ordered_json::array();
  for (const auto p : e.pitfalls)
    o["pitfalls"].push_back(p);
  o["example"] = {{"story", e.example.story},
                  {"command", e.example.command},
                  {"answer", e.example.answer},
                  {"answer_field", e.example.key.empty() ? ordered_json(nullptr) : ordered_json(e.example.key)}};
  return o;
}

std::string render_list(const std::vector<Shown>& all) {
  auto t = label_table({"metric", "aliases", "built", "what it measures"});
  for (const auto& s : all)
    t.rows.push_back({std::string(s.entry->name), fmt::format("{}", fmt::join(s.aliases, ", ")),
                      s.built ? "yes" : "not yet", s.summary});
  return render_aligned(t, false);
}

class ExplainCommand final : public Command {
 public:
  explicit ExplainCommand(CLI::App& parent)
      : root_(parent),
        app_(parent.add_subcommand("explain",
                                   "explain a metric: formula, variants, fields, pitfalls and a worked example")) {
    app_->add_option("METRIC", metric_, "a metric or its alias (nps, frt, …); none lists them all");
    app_->add_flag("--json", json_, "JSON output");
    add_definitions_flag(*app_, definitions_)
        ->description(fmt::format("with service-level or abandonment (or alone): what a vendor's dashboard counts "
                                  "and the formula cxkpi follows for it: {}",
                                  definition_pack_names()));
    app_->footer(
        "\nExample:  cxkpi explain nps\n          cxkpi explain service-level --definitions genesys\n"
        "          cxkpi explain --json | jq '.[].name'");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }
  int run() override {
    const DefinitionPack* pack = definitions_.empty() ? nullptr : &definition_pack(definitions_);
    if (pack != nullptr && metric_.empty()) {
      write_output(json_ ? dump_json(definitions_json(*pack)) + "\n" : definitions_text(*pack), "");
      return 0;
    }
    if (!metric_.empty()) {
      const auto& entry = lookup(metric_);
      if (pack != nullptr && !follows_definitions(entry.name))
        throw Error::usage(
            fmt::format("--definitions changes service-level and abandonment only; {} follows "
                        "cxkpi's own definition",
                        entry.name));
      const auto s = shown(entry, root_, pack);
      write_output(json_ ? dump_json(entry_json(s)) + "\n" : render_text(s), "");
      return 0;
    }
    std::vector<Shown> all;
    for (const auto& e : explanations())
      all.push_back(shown(e, root_));
    if (!json_) {
      write_output(render_list(all), "");
      return 0;
    }
    auto list = ordered_json::array();
    for (const auto& s : all)
      list.push_back(entry_json(s));
    write_output(dump_json(list) + "\n", "");
    return 0;
  }

 private:
  const CLI::App& root_;
  CLI::App* app_;
  std::string metric_;
  bool json_ = false;
  std::string definitions_;
};

}  // namespace

std::optional<std::string> explanation_text(const CLI::App& root, std::string_view command) {
  const auto* e = find_explanation(std::string(command));
  if (e == nullptr) return std::nullopt;
  return render_text(shown(*e, root));
}

std::unique_ptr<Command> make_explain_command(CLI::App& parent) {
  return std::make_unique<ExplainCommand>(parent);
}

}  // namespace cxkpi::cli
