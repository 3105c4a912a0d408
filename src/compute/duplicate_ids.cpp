#include "compute/duplicate_ids.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// A JSON array's element "$[4]" (or "$.rows[4]") has no line: its index, from 1, stands in.
std::uint64_t element_number(const std::string& path) {
  const auto open = path.rfind('[');
  std::uint64_t index = 0;
  for (auto i = open + 1; open != std::string::npos && i < path.size() && path[i] != ']'; ++i)
    index = index * 10 + static_cast<std::uint64_t>(path[i] - '0');
  return index + 1;
}

// How a message names the earlier row: "line 2" in the same input, "a.csv:2" in another.
std::string earlier_row(const SourcePos& here, RowPlace earlier, std::uint32_t input,
                        const std::vector<std::string>& names) {
  std::string place;
  if (here.line > 0)
    place = earlier.input == input ? fmt::format("line {}", earlier.row) : fmt::format("{}", earlier.row);
  else  // a JSON array: the element's path
    place = fmt::format("{}[{}]", here.path.substr(0, here.path.rfind('[')), earlier.row - 1);
  if (earlier.input == input) return place;
  return fmt::format("{}:{}", earlier.input < names.size() ? names[earlier.input] : "?", place);
}

}  // namespace

std::uint64_t row_number(const TableReader& reader, std::size_t column) {
  if (const auto line = reader.line_of(column); line > 0) return line;
  return element_number(reader.where(column).path);
}

bool IdCheck::keep(const TableReader& reader, std::size_t id_column) {
  const auto id = trim(reader.cell(id_column));
  if (id.empty()) return true;  // no id: nothing to repeat
  const RowPlace here{input_, row_number(reader, id_column)};
  if (seen_ == nullptr) {  // --dedupe last: the row is kept when it is its id's last
    const auto last = last_->find(id);
    return !last || *last == here;
  }
  const auto earlier = seen_->insert(id, here);
  if (!earlier || *earlier == here) return true;  // new; or itself, added with its block
  if (mode_ == Dedupe::first && !in_block_) return false;
  refuse(reader, id_column, id, *earlier);
}

void IdCheck::refuse(const TableReader& reader, std::size_t id_column, std::string_view id, RowPlace earlier) const {
  const auto pos = reader.where(id_column);
  auto e =
      Error::data(pos, "id", fmt::format("{} repeats {}", quote_value(id), earlier_row(pos, earlier, input_, names_)));
  e.count_as("id: repeats an earlier row's id (--dedupe first or last keeps one)");
  throw e;
}

void DuplicateIds::check_readable_twice(const std::vector<std::string>& files) {
  for (const auto& f : files)
    if (f == "-")
      throw Error::usage(
          "--dedupe last reads the input twice (first to find each id's last row), and standard input can be read "
          "only once: save it to a file, or use --dedupe first");
}

void DuplicateIds::check_column(bool has_id, const std::string& source) const {
  if (mode_ != Dedupe::off && !has_id)
    throw Error::data(
        fmt::format("{}: --dedupe needs an id column to tell repeated rows (--map id=HEADER names it)", source));
}

std::string DuplicateIds::warning(std::size_t dropped) const {
  if (dropped == 0) return {};
  return fmt::format("--dedupe {}: left out {} row{} whose id {} row has", mode_ == Dedupe::first ? "first" : "last",
                     dropped, dropped == 1 ? "" : "s", mode_ == Dedupe::first ? "an earlier" : "a later");
}

}  // namespace cxkpi::cli
