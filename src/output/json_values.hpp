#pragma once
// JSON for results: whole numbers as integers, null with a reason, every digit kept.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cxkpi/result.hpp"
#include "model/comparison.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {

/// The version of the output's shape (docs/cxkpi.schema.json): every JSON document and
/// every NDJSON line carries it as "schema", so a script can tell which shape it reads.
inline constexpr int kSchemaVersion = 1;

/// One NDJSON line: "schema" first, then `fields`' members, then a line end.
std::string ndjson_line(const nlohmann::ordered_json& fields);

/// The "group" object of a row: each label column's name with the row's value.
nlohmann::ordered_json group_json(const std::vector<std::string>& names, const std::vector<std::string>& values);
/// {"value", "numerator", "denominator", "n", "small_n" when true, "reason" when null, then the details}.
nlohmann::ordered_json result_json(const Result& r);
/// {"period", "value", "change", "relative_change", "significant", "reason" when missing}.
nlohmann::ordered_json comparison_json(const Comparison& c);

/// The text of one object made of `head`'s members, then "rows" (`row_json` of each of
/// `rows`), then `tail`'s members: what dump_json writes for the whole object, but with one
/// row at a time held as JSON values, so that a million rows fit in memory.
template <typename Rows, typename RowJson>
std::string object_with_rows(const nlohmann::ordered_json& head, const Rows& rows, RowJson row_json,
                             const nlohmann::ordered_json& tail) {
  auto out = dump_json(head);
  out.pop_back();  // the closing brace
  out += head.empty() ? "\"rows\":[" : ",\"rows\":[";
  bool first = true;
  for (const auto& row : rows) {
    if (!first) out += ',';
    first = false;
    out += dump_json(row_json(row));
  }
  const auto rest = dump_json(tail);
  return out + (tail.empty() ? "]}" : "]," + rest.substr(1));
}

}  // namespace cxkpi::cli
