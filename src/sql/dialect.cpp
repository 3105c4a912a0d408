// The dialect table of `cxkpi sql`. The executable dialects' cells were checked on the engines
// the tests run (DuckDB 1.5 through @duckdb/node-api, PostgreSQL 15, SQLite 3.40); the others
// follow their vendors' documentation and are golden-tested only.
#include "sql/dialect.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {

const std::vector<Dialect>& dialects() {
  static const std::vector<Dialect> table{
      {"duckdb", true, "(epoch_us({}) // 100)", "BIGINT", "VARCHAR", "DOUBLE", "\"", "", RowsStyle::values},
      // extract(epoch …) is numeric in PostgreSQL: exact to the microsecond. An en_US collation
      // orders 'a-2' and 'a1' otherwise than bytes do, so example ids compare under "C".
      {"postgres", true, "CAST(floor(extract(epoch FROM {}) * 10000) AS BIGINT)", "BIGINT", "TEXT", "DOUBLE PRECISION",
       "\"", " COLLATE \"C\"", RowsStyle::values},
      // SQLite keeps times to the millisecond: julianday() is the exact millisecond count over
      // 86 400 000, which rounds back to it (unixepoch() would cut the fraction).
      {"sqlite", true, "((CAST(round(julianday({}) * 86400000) AS INTEGER) - 210866760000000) * 10)", "BIGINT", "TEXT",
       "REAL", "\"", "", RowsStyle::values},
      {"spark", false, "(unix_micros({}) DIV 100)", "BIGINT", "STRING", "DOUBLE", "`", "", RowsStyle::select_values},
      {"trino", false, "CAST(floor(to_unixtime({}) * 10000) AS BIGINT)", "BIGINT", "VARCHAR", "DOUBLE", "\"", "",
       RowsStyle::values},
      {"bigquery", false, "DIV(UNIX_MICROS({}), 100)", "INT64", "STRING", "FLOAT64", "`", "", RowsStyle::unnest_struct},
      {"snowflake", false, "CAST(FLOOR(DATE_PART(epoch_microsecond, {}) / 100) AS BIGINT)", "BIGINT", "VARCHAR",
       "DOUBLE", "\"", "", RowsStyle::values},
  };
  return table;
}

const Dialect& dialect_named(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& d : dialects()) {
    if (d.name == name) return d;
    names.emplace_back(d.name);
  }
  throw Error::usage(fmt::format("--dialect {}: not one of {}", quote_value(name), fmt::join(names, ", ")));
}

std::string quoted_identifier(const Dialect& d, std::string_view name) {
  std::string out(d.quote);
  for (const char c : name) {
    out += c;
    if (d.quote.size() == 1 && c == d.quote.front()) out += c;
  }
  return out + std::string(d.quote);
}

}  // namespace cxkpi::cli
