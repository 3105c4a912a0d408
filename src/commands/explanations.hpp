#pragma once
// The text behind `cxkpi explain`: one entry per metric, whether this build has its
// command yet or not. Adding a metric is one more entry in explanations.cpp.

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

struct Explanation {
  std::string_view name;     ///< the subcommand
  std::string_view summary;  ///< shown until the command is built; then the catalogue's title
  std::string_view formula;  ///< likewise; then the catalogue's formula
  std::string_view unit;
  std::vector<Variant> variants;
  std::string_view record_fields;     ///< columns of a per-contact log ("—" when none)
  std::string_view aggregate_fields;  ///< columns of a period table ("—" when none)
  std::vector<std::string_view> pitfalls;
  WorkedExample example;
};

/// Every entry, in the order of the metric index.
const std::vector<Explanation>& explanations();

/// The entry for a subcommand name, or nullptr (aliases are resolved by the caller).
const Explanation* find_explanation(std::string_view name);

}  // namespace cxkpi::cli
