// `cxkpi sql`: the state of a record log computed by a SQL engine. The command's other flags
// are those of the command it stands for (report or a metric): they are parsed by that
// command's own code, so the settings written into the SQL are exactly those a local
// `--emit-state` run with the same flags writes, and `cxkpi merge` finalises the engine's
// result as that command.
#include "commands/sql_command.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands/command_line.hpp"
#include "commands/log_read.hpp"
#include "commands/state_flags.hpp"
#include "compute/log_scan.hpp"
#include "compute/state.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "records/record_columns.hpp"
#include "sql/state_sql.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

class SqlCommand final : public Command {
 public:
  explicit SqlCommand(CLI::App& parent)
      : app_(parent.add_subcommand(
            "sql", "a record log's sums as SQL for a warehouse (duckdb, postgres, …), finalised by cxkpi merge")) {
    app_->add_option("COMMAND", target_,
                     "report, a metric (e.g. abandonment) or metrics separated by commas (report --metrics …)")
        ->required();
    app_->add_option("--dialect", dialect_, "duckdb, postgres, sqlite, spark, trino, bigquery or snowflake")
        ->required();
    app_->add_option("--table", table_, "the table (or view) of contacts, e.g. cx.calls");
    app_->add_option("--source-sql", source_sql_, "a query whose rows are the contacts, instead of --table")
        ->excludes(app_->get_option("--table"));
    app_->add_option("--columns", columns_, "the canonical columns the table has, e.g. id,opened_at,answered,wait_s")
        ->delimiter(',');
    app_->add_option("--map", maps_,
                     "a canonical field (or --group column) read from a column or SQL expression, e.g. "
                     "opened_at=InitiationTimestamp (repeatable)")
        ->type_name("FIELD=SQL")
        ->allow_extra_args(false);
    app_->add_option("-o,--output", output_, "write to FILE instead of stdout");
    app_->allow_extras();
    app_->footer(
        "\nThe other options are those of COMMAND (--from and --to are required; --by, --tz, --group, --threshold, "
        "--short-abandon, --scale, …):\nthey go into the state's settings as a local run's --emit-state writes them.\n"
        "\nExample:  cxkpi sql report --dialect postgres --table cx.calls --by week --tz Europe/Berlin \\\n"
        "            --columns id,opened_at,answered,abandoned,wait_s,talk_s --from 2026-01-01 --to 2026-04-01 > "
        "state.sql\n"
        "          (echo 'COPY ('; cat state.sql; echo ') TO STDOUT (FORMAT csv, HEADER)') | psql > state.csv\n"
        "          cxkpi merge state.csv --format json");
  }
  [[nodiscard]] const CLI::App& app() const override { return *app_; }

  int run() override {
    if (table_.empty() && source_sql_.empty())
      throw Error::usage("sql: name the contacts with --table or --source-sql");
    const auto& dialect = dialect_named(dialect_);
    const ParsedCommand parsed(command_line(), fmt::format("sql: {} refuses its options", target_));
    auto read = parsed.command().log_read();
    if (!read) throw Error::usage(fmt::format("sql: {} is not rendered as SQL", target_));
    StateSqlPlan plan{input(read->options), read->rules, {}, {}, {}};
    const auto columns = record_columns(plan.input);
    if (const auto why = sql_refusal(read->rules, read->options, columns)) throw Error::usage("sql: " + *why);
    if (read->options.from.empty() || read->options.to.empty())
      throw Error::usage("sql: --from and --to are required: they size the calendar the SQL carries");
    const LocalClock clock(read->options.tz);
    const auto from = *limit_of(read->options.from, clock, "--from");
    const auto to = *limit_of(read->options.to, clock, "--to");
    if (from >= to) throw Error::usage("sql: --from is not before --to");
    plan.calendar = make_calendar(clock, read->options.by, from, to);
    plan.settings = state_settings(parsed.command().app(), StateFlags{}, read->rules, BucketTable{});
    plan.supplied = supplied_fields(columns, read->rules);
    write_output(render_state_sql(dialect, plan), output_);
    return 0;
  }

 private:
  // The command line of the command this stands for: METRIC or report (METRIC,METRIC… is
  // report --metrics …) with every option sql does not take itself.
  [[nodiscard]] std::vector<std::string> command_line() const {
    std::vector<std::string> args{"cxkpi"};
    if (target_.find(',') != std::string::npos) {
      args.insert(args.end(), {"report", "--metrics", target_});
    } else {
      args.push_back(target_);
    }
    const auto extras = app_->remaining();
    args.insert(args.end(), extras.begin(), extras.end());
    return args;
  }

  // The fields' and groups' SQL: --map's expression, else the column of --columns.
  [[nodiscard]] SqlInput input(const BucketOptions& options) const {
    SqlInput in{table_, source_sql_, {}, {}};
    std::map<std::string, std::string> mapped;
    for (const auto& m : maps_) {
      const auto eq = m.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
        throw Error::usage(
            fmt::format("--map {}: expected FIELD=SQL, e.g. opened_at=InitiationTimestamp", quote_value(m)));
      mapped[m.substr(0, eq)] = "(" + m.substr(eq + 1) + ")";
    }
    const auto& d = dialect_named(dialect_);
    for (const auto& name : columns_) {
      if (!record_field_named(name))
        throw Error::usage(
            fmt::format("--columns: {} is not a canonical record column (see cxkpi columns)", quote_value(name)));
      mapped.try_emplace(name, quoted_identifier(d, name));
    }
    for (const auto& [name, sql] : mapped)
      if (const auto f = record_field_named(name)) in.fields[*f] = sql;
    for (const auto& g : options.group) {
      const auto it = mapped.find(g);
      in.groups.emplace_back(g, it == mapped.end() ? quoted_identifier(d, g) : it->second);
    }
    return in;
  }

  static RecordColumns record_columns(const SqlInput& in) {
    RecordColumns columns;
    for (const auto& [field, sql] : in.fields)
      columns.add(field);
    return columns;
  }

  CLI::App* app_;
  std::string target_;
  std::string dialect_;
  std::string table_;
  std::string source_sql_;
  std::vector<std::string> columns_;
  std::vector<std::string> maps_;
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_sql_command(CLI::App& parent) {
  return std::make_unique<SqlCommand>(parent);
}

}  // namespace cxkpi::cli
