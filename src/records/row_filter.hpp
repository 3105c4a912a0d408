#pragma once
// --where: the rows of an input that are read at all. A small expression over a row's cells,
// parsed once into a tree and bound to each input's header:
//
//   expr       := term ('or' term)*
//   term       := factor ('and' factor)*
//   factor     := 'not' factor | '(' expr ')' | 'empty' '(' NAME ')' | NAME OP VALUE
//               | NAME ['not'] 'in' '(' VALUE (',' VALUE)* ')'
//   OP         := = | != | < | > | <= | >=
//
// NAME and VALUE are words (single spaces between words are kept) or quoted with " or '.
// Keywords are matched in any case. = != and in compare numbers as numbers when both sides
// are numbers, else as text (exact, the cell trimmed); < > <= >= likewise, and a blank cell
// matches none of them (a missing value is neither smaller nor larger). `= ""` and empty()
// match a blank cell: empty, or an --na word (N/A, NULL, -).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

class TableReader;
class RecordColumnMap;
class MissingValues;

/// A parsed --where expression, not yet bound to a header.
class WhereExpression {
 public:
  struct Node;
  /// Throws Error (usage) with the place of the error in `text`.
  explicit WhereExpression(std::string text);
  ~WhereExpression();
  WhereExpression(const WhereExpression&) = delete;
  WhereExpression& operator=(const WhereExpression&) = delete;

  [[nodiscard]] const Node& root() const { return *root_; }
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::unique_ptr<Node> root_;
};

/// A --where expression bound to the columns of one input: which rows it keeps.
class RowFilter {
 public:
  /// Keeps every row when `where` is null. Throws Error (usage) for a column `reader` does
  /// not have, with a hint; `fields` (a record log's) finds a column by the field it holds
  /// too (channel for a "Media Type" column). A cell `missing` calls so (empty, N/A, NULL, -)
  /// is blank to empty() and = "", and never smaller or larger than a value.
  RowFilter(const WhereExpression* where, const TableReader& reader, const MissingValues& missing,
            const RecordColumnMap* fields = nullptr);
  ~RowFilter();
  RowFilter(const RowFilter&) = delete;
  RowFilter& operator=(const RowFilter&) = delete;

  /// Whether a --where was given.
  [[nodiscard]] bool filters() const { return root_ != nullptr; }
  /// Whether the current row of the reader is kept. Inline: every row asks.
  [[nodiscard]] bool keep() const { return root_ == nullptr || matches(); }

 private:
  [[nodiscard]] bool matches() const;

  const TableReader& reader_;
  const MissingValues& missing_;                 // --na
  std::unique_ptr<WhereExpression::Node> root_;  // a copy with its columns found; null: keep all
};

/// What --where and a preset's `row_rule` (its text for the user, empty when none) did to
/// the `rows` of a read, `kept` of them: a warning when they kept none (a misspelt value
/// keeps nothing, and every figure would then rest on no row), and with -v how many they
/// kept. Nothing without either.
void tell_rows_kept(const WhereExpression* where, std::string_view row_rule, std::size_t rows, std::size_t kept,
                    bool verbose, std::vector<std::string>& warnings);

}  // namespace cxkpi::cli
