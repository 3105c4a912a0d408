#pragma once
// The text behind `cxkpi explain`: one entry per metric, with what the metric catalogue does
// not know (variants, pitfalls, a worked example). Adding a metric is one more entry in
// explanations.cpp.

#include <string_view>
#include <vector>

namespace cxkpi::cli {

/// A variant of the metric and the flag that chooses it.
struct Variant {
  std::string_view flags;    ///< e.g. "--den queued"; the first word is the flag's name
  std::string_view meaning;  ///< what it changes, with the fixture's answer where there is one
};

/// A worked example: the data, the arithmetic, and a command line that gives the answer.
struct WorkedExample {
  std::string_view story;    ///< the data and the arithmetic
  std::string_view command;  ///< run from the source tree; starts with "cxkpi "
  std::string_view answer;   ///< as text: exact ("25"), or cut short with "…" ("27.2727…")
  /// The field of the JSON total that holds the answer ("" when the output has no such
  /// field yet: the example is then only run, not checked).
  std::string_view key = "value";
};

/// What `explain` says of a metric that is a command of its own, not a row of the metric
/// catalogue (best-time-to-call, erlang-c). A catalogue metric gets these from its row.
struct OwnDefinition {
  std::string_view summary;
  std::string_view formula;
  std::string_view unit;
  std::string_view table_fields;  ///< columns of the table it reads ("—" when none)
};

struct Explanation {
  std::string_view name;  ///< the subcommand
  std::vector<Variant> variants;
  /// Columns of a per-contact log ("—" when none), for a metric that reads other inputs
  /// too; empty for a metric only a log can give, whose catalogue row names them
  /// (MetricSpec::log_columns). The columns of a period table are the catalogue's inputs.
  std::string_view record_fields;
  std::vector<std::string_view> pitfalls;
  WorkedExample example;
  OwnDefinition own = {};  ///< only for a metric the catalogue does not have
};

/// Every entry, in the order of the metric index.
const std::vector<Explanation>& explanations();

/// The entry for a subcommand name, or nullptr (aliases are resolved by the caller).
const Explanation* find_explanation(std::string_view name);

}  // namespace cxkpi::cli
