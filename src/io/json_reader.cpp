#include "io/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/chunk_buffer.hpp"

namespace cxkpi::cli {
namespace {

// ordered_json keeps keys in file order, so the header reads as the file does.
using json = nlohmann::ordered_json;

// nlohmann reports "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing value - …"; cxkpi shows the place its own way.
Error invalid_json(const SourcePos& at, const json::parse_error& e) {
  std::string what = e.what();
  const auto k = what.find("syntax error");
  return Error::data(at, "json", k == std::string::npos ? what : what.substr(k));
}

// "[json.exception.out_of_range.406] number overflow parsing '1e999'" → the part after "] ".
std::string unsupported_json(const json::exception& e) {
  const std::string what = e.what();
  const auto k = what.find("] ");
  return k == std::string::npos ? what : what.substr(k + 2);
}

SourcePos position_of_byte(const std::string& name, std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  const auto before = text.substr(0, byte > 0 ? byte - 1 : 0);
  const auto line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto line_start = before.rfind('\n');
  const auto column = before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return {name, line, column, {}};
}

// The text of a scalar as the value parsers expect it; null is a missing cell.
std::string cell_text(const json& v, const SourcePos& at, const std::string& key) {
  switch (v.type()) {
    case json::value_t::string:
      return v.get<std::string>();
    case json::value_t::number_integer:
      return std::to_string(v.get<std::int64_t>());
    case json::value_t::number_unsigned:
      return std::to_string(v.get<std::uint64_t>());
    case json::value_t::number_float:
      return fmt::format("{}", v.get<double>());
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::null:
    case json::value_t::discarded:
      return {};
    case json::value_t::object:
    case json::value_t::array:
    case json::value_t::binary:
      break;
  }
  throw Error::data(at, key, fmt::format("expected a number or text, got {}", v.type_name()));
}

void add_keys(const json& object, std::vector<std::string>& header) {
  for (const auto& [key, value] : object.items())
    if (std::find(header.begin(), header.end(), key) == header.end()) header.push_back(key);
}

// Fills `cells` (one per header column) from `object`; keys outside the header are ignored.
void fill_cells(const json& object, const std::vector<std::string>& header, const SourcePos& at,
                std::vector<std::string>& cells) {
  if (!object.is_object()) throw Error::data(at, "json", fmt::format("expected an object, got {}", object.type_name()));
  cells.assign(header.size(), {});
  for (std::size_t c = 0; c < header.size(); ++c)
    if (const auto it = object.find(header[c]); it != object.end()) cells[c] = cell_text(*it, at, header[c]);
}

class JsonArrayReader final : public TableReader {
 public:
  JsonArrayReader(std::string name, json rows, std::string path)
      : name_(std::move(name)), rows_(std::move(rows)), path_(std::move(path)) {
    for (const auto& row : rows_)
      if (row.is_object()) add_keys(row, header_);
  }
  [[nodiscard]] const std::vector<std::string>& header() const override { return header_; }
  bool next() override {
    if (next_ >= rows_.size()) return false;
    current_ = next_++;
    fill_cells(rows_[current_], header_, where(0), cells_);
    return true;
  }
  [[nodiscard]] std::string_view cell(std::size_t column) const override { return cells_[column]; }
  [[nodiscard]] SourcePos where(std::size_t) const override {
    return {name_, 0, 0, fmt::format("{}[{}]", path_, current_)};
  }
  [[nodiscard]] std::string describe() const override { return "json"; }
  [[nodiscard]] const std::string& source_name() const override { return name_; }

 private:
  std::string name_;
  json rows_;
  std::string path_;  // JSON path of the array: "$" or "$.periods"
  std::vector<std::string> header_;
  std::vector<std::string> cells_;
  std::size_t next_ = 0;
  std::size_t current_ = 0;
};

class NdjsonReader final : public TableReader {
 public:
  NdjsonReader(InputStream in, std::string head) : buf_(std::move(in), std::move(head)) {
    if (read_object()) {
      add_keys(object_, header_);
      pending_ = true;
    }
  }
  [[nodiscard]] const std::vector<std::string>& header() const override { return header_; }
  bool next() override {
    if (!pending_ && !read_object()) return false;
    pending_ = false;
    fill_cells(object_, header_, where(0), cells_);
    return true;
  }
  [[nodiscard]] std::string_view cell(std::size_t column) const override { return cells_[column]; }
  [[nodiscard]] SourcePos where(std::size_t) const override { return {buf_.name(), line_, 0, {}}; }
  [[nodiscard]] std::string describe() const override { return "ndjson"; }
  [[nodiscard]] const std::string& source_name() const override { return buf_.name(); }

 private:
  // Parses the next non-blank line into object_; false at the end of input.
  bool read_object() {
    for (;;) {
      std::size_t newline = 0;
      while ((newline = find_newline()) == std::string::npos && !buf_.eof())
        pos_ -= buf_.refill(pos_);
      if (newline == std::string::npos) newline = buf_.size();
      if (pos_ >= buf_.size()) return false;
      const std::string_view text(buf_.data() + pos_, newline - pos_);
      line_ = next_line_++;
      pos_ = newline + 1;
      if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      try {
        object_ = json::parse(text);
      } catch (const json::parse_error& e) {
        auto at = position_of_byte(buf_.name(), text, e.byte);
        at.line = line_;
        throw invalid_json(at, e);
      } catch (const json::exception& e) {  // e.g. out_of_range: a number beyond a double
        throw Error::data(SourcePos{buf_.name(), line_, 0, {}}, "json", unsupported_json(e));
      }
      return true;
    }
  }
  std::size_t find_newline() const {
    const std::string_view all(buf_.data(), buf_.size());
    return pos_ >= all.size() ? std::string::npos : all.find('\n', pos_);
  }

  ChunkBuffer buf_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
  std::size_t next_line_ = 1;
  json object_;
  bool pending_ = false;  // object_ holds the first row, read for the header
  std::vector<std::string> header_;
  std::vector<std::string> cells_;
};

}  // namespace

std::unique_ptr<TableReader> make_json_reader(const std::string& name, std::string text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw invalid_json(position_of_byte(name, text, e.byte), e);
  } catch (const json::exception& e) {  // e.g. out_of_range: a number beyond a double
    throw Error::data(SourcePos{name, 0, 0, "$"}, "json", unsupported_json(e));
  }
  if (doc.is_array()) return std::make_unique<JsonArrayReader>(name, std::move(doc), "$");
  if (!doc.is_object())
    throw Error::data(SourcePos{name, 0, 0, "$"}, "json",
                      fmt::format("expected an array of objects, got {}", doc.type_name()));
  std::vector<std::string> arrays;
  for (const auto& [key, value] : doc.items())
    if (value.is_array()) arrays.push_back(key);
  if (arrays.size() > 1)
    throw Error::data(
        SourcePos{name, 0, 0, "$"}, "json",
        fmt::format("the object holds several arrays ({}); expected one array of rows", fmt::join(arrays, ", ")));
  if (arrays.empty()) return std::make_unique<JsonArrayReader>(name, json::array({std::move(doc)}), "$");
  auto rows = std::move(doc[arrays.front()]);
  return std::make_unique<JsonArrayReader>(name, std::move(rows), "$." + arrays.front());
}

std::unique_ptr<TableReader> make_ndjson_reader(InputStream in, std::string head) {
  return std::make_unique<NdjsonReader>(std::move(in), std::move(head));
}

}  // namespace cxkpi::cli
