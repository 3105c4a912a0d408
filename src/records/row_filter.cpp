#include "records/row_filter.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "errors.hpp"
#include "io/column_map.hpp"
#include "io/sink.hpp"
#include "io/table.hpp"
#include "io/values.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {

namespace {

enum class Op : std::uint8_t { eq, ne, lt, gt, le, ge };

// A number as --where compares it: the whole text, in plain decimal notation.
std::optional<double> number_in(std::string_view text) {
  if (text.empty() || std::string_view("+-.0123456789").find(text.front()) == std::string_view::npos)
    return std::nullopt;
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = fast_float::from_chars(text.front() == '+' ? text.data() + 1 : text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

struct Value {
  std::string text;
  std::optional<double> number;
};

Value value_of(std::string text) {
  auto number = number_in(text);
  return {std::move(text), number};
}

}  // namespace

struct WhereExpression::Node {
  enum class Kind : std::uint8_t { any_of, all_of, negation, compare, one_of, empty } kind = Kind::compare;
  std::vector<Node> children;  // any_of, all_of: two or more; negation: one
  std::string column;          // as written
  std::size_t column_index = 0;
  Op op = Op::eq;
  std::vector<Value> values;  // compare: one; one_of: the list
};

namespace {

using Node = WhereExpression::Node;

struct Token {
  enum class Kind : std::uint8_t { word, quoted, op, open, close, comma, end } kind = Kind::end;
  std::string text;
  std::size_t at = 0;  // 0-based place in the expression
};

[[noreturn]] void refuse(std::string_view expression, std::size_t at, std::string_view what) {
  throw Error::usage(fmt::format("--where {}: at character {}, {}", quote_value(expression), at + 1, what));
}

bool is_word_char(char c) {
  return c != ' ' && c != '\t' && std::string_view("()=,!<>\"'").find(c) == std::string_view::npos;
}

// A quoted NAME or VALUE at s[at] (its quote); a quote written twice inside is one.
Token quoted_at(std::string_view s, std::size_t& pos) {
  const char quote = s[pos];
  Token t{Token::Kind::quoted, {}, pos};
  for (++pos; pos < s.size(); ++pos) {
    if (s[pos] != quote) {
      t.text += s[pos];
    } else if (pos + 1 < s.size() && s[pos + 1] == quote) {
      t.text += s[++pos];
    } else {
      ++pos;
      return t;
    }
  }
  refuse(s, t.at, fmt::format("the quote {} is not closed", quote));
}

Token op_at(std::string_view s, std::size_t& pos) {
  const auto at = pos;
  const auto two = s.substr(pos, 2);
  for (const std::string_view op : {"!=", "<=", ">=", "<>", "=="})
    if (two == op) {
      pos += 2;
      return {Token::Kind::op, std::string(op == "<>" ? "!=" : op == "==" ? "=" : op), at};
    }
  if (s[pos] == '!') refuse(s, at, "\"!\" is no operator (use != or not)");
  return {Token::Kind::op, std::string(1, s[pos++]), at};
}

constexpr std::array<std::pair<std::string_view, Op>, 6> kOps{
    {{"=", Op::eq}, {"!=", Op::ne}, {"<", Op::lt}, {">", Op::gt}, {"<=", Op::le}, {">=", Op::ge}}};

// The operator a token names (op_at made sure it is one).
Op op_named(std::string_view name) {
  for (const auto& [text, op] : kOps)
    if (text == name) return op;
  return Op::eq;
}

std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> out;
  for (std::size_t pos = 0; pos < s.size();) {
    const char c = s[pos];
    if (c == ' ' || c == '\t') {
      ++pos;
    } else if (c == '(' || c == ')' || c == ',') {
      out.push_back({c == '(' ? Token::Kind::open : c == ')' ? Token::Kind::close : Token::Kind::comma, {}, pos++});
    } else if (c == '"' || c == '\'') {
      out.push_back(quoted_at(s, pos));
    } else if (!is_word_char(c)) {
      out.push_back(op_at(s, pos));
    } else {
      const auto start = pos;
      while (pos < s.size() && is_word_char(s[pos]))
        ++pos;
      out.push_back({Token::Kind::word, std::string(s.substr(start, pos - start)), start});
    }
  }
  out.push_back({Token::Kind::end, {}, s.size()});
  return out;
}

bool is_keyword(const Token& t, std::string_view word) {
  if (t.kind != Token::Kind::word || t.text.size() != word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((t.text[i] | 0x20) != word[i]) return false;
  return true;
}

std::string describe(const Token& t) {
  if (t.kind == Token::Kind::end) return "the end";
  if (t.kind == Token::Kind::open) return "\"(\"";
  if (t.kind == Token::Kind::close) return "\")\"";
  if (t.kind == Token::Kind::comma) return "\",\"";
  return quote_value(t.text);
}

// Recursive descent over the tokens, one function per rule of the grammar (row_filter.hpp).
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), tokens_(tokens_of(text)) {}

  Node expression() {
    auto node = any_of();
    if (peek().kind != Token::Kind::end) fail("expected and, or, or the end");
    return node;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(next_ + ahead, tokens_.size() - 1)]; }
  const Token& take() { return tokens_[std::min(next_++, tokens_.size() - 1)]; }
  [[noreturn]] void fail(std::string_view expected) const {
    refuse(text_, peek().at, fmt::format("{}, found {}", expected, describe(peek())));
  }
  void expect(Token::Kind kind, std::string_view expected) {
    if (peek().kind != kind) fail(expected);
    take();
  }

  Node joined(Node::Kind kind, std::string_view keyword, Node (Parser::*operand)()) {
    auto first = (this->*operand)();
    if (!is_keyword(peek(), keyword)) return first;
    Node node{kind, {std::move(first)}, {}, 0, Op::eq, {}};
    while (is_keyword(peek(), keyword)) {
      take();
      node.children.push_back((this->*operand)());
    }
    return node;
  }
  Node any_of() { return joined(Node::Kind::any_of, "or", &Parser::all_of); }
  Node all_of() { return joined(Node::Kind::all_of, "and", &Parser::factor); }

  Node factor() {
    if (is_keyword(peek(), "not") && peek(1).kind != Token::Kind::op) {
      take();
      return negation(factor());
    }
    if (peek().kind == Token::Kind::open) {
      take();
      auto node = any_of();
      expect(Token::Kind::close, "expected \")\"");
      return node;
    }
    if (is_keyword(peek(), "empty") && peek(1).kind == Token::Kind::open) {
      take();
      take();
      Node node{Node::Kind::empty, {}, name(), 0, Op::eq, {}};
      expect(Token::Kind::close, "expected \")\" after the column name");
      return node;
    }
    return condition();
  }

  static Node negation(Node inner) { return Node{Node::Kind::negation, {std::move(inner)}, {}, 0, Op::eq, {}}; }

  // NAME OP VALUE, or NAME [not] in (VALUE, …).
  Node condition() {
    auto column = name();
    const bool negated = is_keyword(peek(), "not");
    if (negated) take();
    if (is_keyword(peek(), "in")) {
      take();
      Node node{Node::Kind::one_of, {}, std::move(column), 0, Op::eq, list()};
      return negated ? negation(std::move(node)) : node;
    }
    if (negated || peek().kind != Token::Kind::op) fail("expected =, !=, <, >, <=, >= or in after the column name");
    const auto op = op_named(take().text);
    return Node{Node::Kind::compare, {}, std::move(column), 0, op, {value()}};
  }

  std::vector<Value> list() {
    expect(Token::Kind::open, "expected \"(\" and a list of values after in");
    std::vector<Value> values{value()};
    while (peek().kind == Token::Kind::comma) {
      take();
      values.push_back(value());
    }
    expect(Token::Kind::close, "expected \",\" or \")\" in the list of values");
    return values;
  }

  // Words joined by one space, up to `stop`; or one quoted token.
  template <typename Stop>
  std::optional<std::string> phrase(const Stop& stop) {
    if (peek().kind == Token::Kind::quoted) return take().text;
    if (peek().kind != Token::Kind::word || stop()) return std::nullopt;
    std::string text = take().text;
    while (peek().kind == Token::Kind::word && !stop())
      text += ' ' + take().text;
    return text;
  }

  // A column's name stops before `in (` and `not in`.
  std::string name() {
    const auto stop = [this] {
      return (is_keyword(peek(), "in") && peek(1).kind == Token::Kind::open) ||
             (is_keyword(peek(), "not") && is_keyword(peek(1), "in"));
    };
    auto text = phrase(stop);
    if (!text) fail("expected a column name");
    return *text;
  }

  // A value stops before and, or.
  Value value() {
    auto text = phrase([this] { return is_keyword(peek(), "and") || is_keyword(peek(), "or"); });
    if (!text) fail("expected a value");
    return value_of(std::move(*text));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
};

}  // namespace

WhereExpression::WhereExpression(std::string text)
    : text_(std::move(text)), root_(std::make_unique<Node>(Parser(text_).expression())) {}
WhereExpression::~WhereExpression() = default;

namespace {

std::size_t column_named(const std::string& name, const TableReader& reader, const RecordColumnMap* fields) {
  if (const auto column = find_column(reader.header(), name)) return *column;
  if (fields != nullptr)
    if (const auto f = record_field_named(normalize_header(name)); f && fields->has(*f))
      return *fields->column_of(*f);  // channel finds a "Media Type" column
  throw no_such_column(reader.header(), name, reader.source_name(), "--where");
}

void bind(Node& node, const TableReader& reader, const RecordColumnMap* fields) {
  if (node.kind == Node::Kind::any_of || node.kind == Node::Kind::all_of || node.kind == Node::Kind::negation) {
    for (auto& child : node.children)
      bind(child, reader, fields);
  } else {
    node.column_index = column_named(node.column, reader, fields);
  }
}

// −1, 0 or 1 as a is below, at or above b.
int order_of(double a, double b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

bool equals(std::string_view cell, const Value& v) {
  if (v.number)
    if (const auto n = number_in(cell)) return order_of(*n, *v.number) == 0;
  return cell == v.text;
}

// A cell against a value; `missing` says the cell is empty or an --na word (N/A, NULL, -).
bool compares(std::string_view cell, bool missing, Op op, const Value& v) {
  if (op == Op::eq) return v.text.empty() ? missing : equals(cell, v);
  if (op == Op::ne) return v.text.empty() ? !missing : !equals(cell, v);
  if (missing) return false;  // a missing value is neither smaller nor larger
  const auto n = v.number ? number_in(cell) : std::nullopt;
  const int order = n ? order_of(*n, *v.number) : cell.compare(v.text);
  switch (op) {
    case Op::lt:
      return order < 0;
    case Op::gt:
      return order > 0;
    case Op::le:
      return order <= 0;
    default:
      return order >= 0;
  }
}

// The current row as --where reads it: a cell that is empty or an --na word is missing.
struct RowCells {
  const TableReader& reader;
  const MissingValues& missing;
};

bool holds(const Node& node, const RowCells& row) {
  switch (node.kind) {
    case Node::Kind::any_of:
      return std::any_of(node.children.begin(), node.children.end(), [&](const Node& c) { return holds(c, row); });
    case Node::Kind::all_of:
      return std::all_of(node.children.begin(), node.children.end(), [&](const Node& c) { return holds(c, row); });
    case Node::Kind::negation:
      return !holds(node.children.front(), row);
    case Node::Kind::empty:
      return row.missing(row.reader.cell(node.column_index));
    case Node::Kind::one_of:  // op is = for each value of the list
    case Node::Kind::compare:
      break;
  }
  const auto cell = row.reader.cell(node.column_index);
  const bool missing = row.missing(cell);
  return std::any_of(node.values.begin(), node.values.end(),
                     [&](const Value& v) { return compares(trim(cell), missing, node.op, v); });
}

}  // namespace

RowFilter::RowFilter(const WhereExpression* where, const TableReader& reader, const MissingValues& missing,
                     const RecordColumnMap* fields)
    : reader_(reader),
      missing_(missing),
      root_(where != nullptr ? std::make_unique<WhereExpression::Node>(where->root()) : nullptr) {
  if (root_) bind(*root_, reader, fields);
}
RowFilter::~RowFilter() = default;

void tell_rows_kept(const WhereExpression* where, std::string_view row_rule, std::size_t rows, std::size_t kept,
                    bool verbose, std::vector<std::string>& warnings) {
  if (where == nullptr && row_rule.empty()) return;
  // "--where" (with its text in a warning), a preset's row rule, or both joined by "and".
  const auto named = [&](bool with_text) {
    auto user = where == nullptr ? std::string{}
                : with_text      ? fmt::format("--where {}", quote_value(where->text()))
                                 : std::string("--where");
    if (row_rule.empty()) return user;
    return user.empty() ? std::string(row_rule) : fmt::format("{} and {}", user, row_rule);
  };
  if (verbose) write_stderr(fmt::format("cxkpi: {} kept {} of {} rows\n", named(false), kept, rows));
  if (kept == 0 && rows > 0) warnings.push_back(fmt::format("{} kept none of the {} rows", named(true), rows));
}

bool RowFilter::matches() const {
  return holds(*root_, {reader_, missing_});
}

}  // namespace cxkpi::cli
