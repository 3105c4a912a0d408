#pragma once
// The SQL dialects `cxkpi sql` renders, as one table of tokens: everything that differs
// between engines is a cell of it, and the renderer spells every statement through it, so
// that two dialects' SQL differs only in these tokens.

#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

/// How a dimension table's rows are written.
enum class RowsStyle : unsigned char {
  values,         // name(a, b) AS (VALUES (1, 2), …)
  select_values,  // name AS (SELECT * FROM VALUES (1, 2), … AS t(a, b))   (Spark)
  unnest_struct,  // name AS (SELECT * FROM UNNEST([STRUCT(1 AS a, 2 AS b), …]))   (BigQuery)
};

struct Dialect {
  std::string_view name;
  bool runs_here;               // executed by the tests (the others are golden-tested only)
  std::string_view epoch_raw;   // a timestamp {} as 1/10000 s since 1970 (BIGINT)
  std::string_view int_type;    // 64-bit integer
  std::string_view text_type;   // text
  std::string_view real_type;   // IEEE double
  std::string_view quote;       // identifier quote, opening and closing
  std::string_view byte_order;  // appended to a text expression so that it compares by bytes
  RowsStyle rows;
};

/// Every dialect, duckdb first.
const std::vector<Dialect>& dialects();

/// The dialect named `name`; throws Error (usage) naming the choices.
const Dialect& dialect_named(std::string_view name);

/// `name` as an identifier of `d`, quoted (a quote inside is doubled).
std::string quoted_identifier(const Dialect& d, std::string_view name);

}  // namespace cxkpi::cli
