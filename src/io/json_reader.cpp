#include "io/json_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/row_blocks.hpp"

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
    read_stepped_row([this] { fill_cells(rows_[current_], header_, where(0), cells_); });
    return true;
  }
  [[nodiscard]] std::string source_text() const override {
    return current_ < rows_.size() ? rows_[current_].dump() : std::string();
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

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. Sets `integral` when
// the literal has neither fraction nor exponent.
bool is_json_number(std::string_view s, bool& integral) {
  std::size_t i = 0;
  const auto digits = [&] {
    const auto from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i - from;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size()) return false;
  if (s[i] == '0')
    ++i;
  else if (digits() == 0)
    return false;
  integral = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
    integral = false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
    integral = false;
  }
  return i == s.size();
}

// A decimal without exponent of at most 15 significant digits (such as 6.48 or 0.50) is the
// shortest text of its double once trailing fraction zeros go, since every such decimal
// survives the round trip through a double; fmt writes it without exponent when its first
// digit is at most 3 zeros after the point. Then the cell is the literal up to its last
// significant character; false for any other number.
bool plain_decimal_text(std::string_view literal, std::string_view& out) {
  const auto point = literal.find('.');
  if (point == std::string_view::npos || literal.find_first_of("eE") != std::string_view::npos) return false;
  const std::size_t sign = literal.front() == '-' ? 1 : 0;
  std::size_t end = literal.size();
  while (literal[end - 1] == '0')
    --end;
  const bool whole = end == point + 1;  // 12.00 is 12
  std::size_t first_digit = sign;       // the first significant digit
  if (literal[sign] == '0') {
    first_digit = point + 1;
    while (first_digit < end && literal[first_digit] == '0')
      ++first_digit;
    if (first_digit - point - 1 > 3 && !whole) return false;  // 0.00001 is written 1e-05
  }
  const std::size_t digits = whole ? 0 : end - first_digit - (first_digit < point ? 1 : 0);
  if (digits > 15 || point - sign > 15) return false;
  out = literal.substr(0, whole ? point : end);
  return true;
}

// The cell text nlohmann's path gives a number literal: an integer that fits 64 bits as
// written (but -0 is 0), anything else as the shortest text of its double (kept in `owned`).
// False when the double is infinite (1e400): nlohmann reports that, so the line takes its path.
bool number_text(std::string_view literal, std::string& owned, std::string_view& out) {
  bool integral = false;
  if (!is_json_number(literal, integral)) return false;
  const char* first = literal.data();
  const char* last = first + literal.size();
  if (integral) {
    if (literal == "-0") {
      out = "0";
      return true;
    }
    bool fits = literal.size() <= 18;  // any 18 characters fit
    if (!fits && literal.front() == '-') {
      std::int64_t v = 0;
      fits = std::from_chars(first, last, v).ec == std::errc{};
    } else if (!fits) {
      std::uint64_t v = 0;
      fits = std::from_chars(first, last, v).ec == std::errc{};
    }
    if (fits) {
      out = literal;
      return true;
    }
  }
  if (plain_decimal_text(literal, out)) return true;
  double v = 0;
  const auto [end, ec] = fast_float::from_chars(first, last, v);
  if (ec != std::errc{} || end != last || !std::isfinite(v)) return false;
  owned.clear();
  fmt::format_to(std::back_inserter(owned), "{}", v);
  out = owned;
  return true;
}

// Whether the raw key at `raw` (just after its opening quote, in padded input) is `key`, a
// key without quote or backslash followed in memory by at least 8 zero bytes. Compares 8
// bytes at a time, the last 8 masked to the key's length: keys are short. Reads stay in the
// padding: simdjson has found the raw key's closing quote, which `key` cannot match, so no
// word is read that starts after it.
bool same_key(const char* raw, std::string_view key) {
  std::size_t i = 0;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::memcpy(&a, raw + i, 8);
    std::memcpy(&b, key.data() + i, 8);
    if (a != b) return false;
  }
  if (const auto rest = key.size() - i; rest > 0) {
    std::memcpy(&a, raw + i, 8);
    std::memcpy(&b, key.data() + i, 8);
    // The bits of the first `rest` bytes in memory.
    const std::uint64_t mask = std::endian::native == std::endian::little ? ~std::uint64_t{0} >> (64 - 8 * rest)
                                                                          : ~std::uint64_t{0} << (64 - 8 * rest);
    if (((a ^ b) & mask) != 0) return false;
  }
  return raw[key.size()] == '"';
}

// Reads NDJSON with simdjson's On-Demand parser, one line at a time from a reused buffer
// with simdjson's padding after the data. A line outside the fast path's plain case (invalid
// JSON, not an object, a nested value, a duplicate key, a number beyond a double) is read
// again with nlohmann exactly as before, so every message and cell stays the same.
class NdjsonReader final : public TableReader, public BlockSource {
 public:
  NdjsonReader(InputStream in, std::string head, NdjsonParser parser)
      : in_(std::move(in)), fast_(parser == NdjsonParser::simdjson) {
    end_ = head.size();
    buf_ = std::move(head);
    buf_.resize(end_ + simdjson::SIMDJSON_PADDING, ' ');
    if (read_line()) {
      if (!fast_ || !header_fast()) {
        header_.clear();
        read_slow();
        add_keys(object_, header_);
      }
      use_header();
      if (!slow_ && !read_fast()) read_slow();
      pending_ = true;
    }
  }
  /// A reader of `block`, lines cut from the input `name` whose header (first line's keys)
  /// is `header`; the block's first byte is on line `first_line`.
  NdjsonReader(std::string_view block, std::string name, std::vector<std::string> header, std::size_t first_line,
               bool fast)
      : in_(InputStream::from_memory(std::move(name), {})), fast_(fast), header_(std::move(header)) {
    end_ = block.size();
    buf_.reserve(end_ + simdjson::SIMDJSON_PADDING);
    buf_.assign(block);
    buf_.resize(end_ + simdjson::SIMDJSON_PADDING, ' ');
    next_line_ = first_line;
    use_header();
  }

  Rest take_rest() override {
    // The first row, read for the header, is read again by the first block.
    const std::size_t from = pending_ ? static_cast<std::size_t>(text_.data() - buf_.data()) : pos_;
    Rest rest{buf_.substr(from, end_ - from), pending_ ? line_ : next_line_};
    pos_ = end_;
    eof_ = true;
    pending_ = false;
    return rest;
  }
  InputStream& input() override { return in_; }
  [[nodiscard]] RowEnds row_ends() const override { return RowEnds::any_newline; }
  [[nodiscard]] std::unique_ptr<TableReader> block_reader(std::string_view block,
                                                          std::size_t first_line) const override {
    return std::make_unique<NdjsonReader>(block, in_.name(), header_, first_line, fast_);
  }

  [[nodiscard]] const std::vector<std::string>& header() const override { return header_; }
  bool next() override {
    if (pending_) {
      pending_ = false;
    } else {
      if (!read_line()) return false;
      if (fast_ && read_fast()) return true;
      read_stepped_row([this] { read_slow(); });  // a line that is not JSON is one bad row
    }
    if (slow_) {
      read_stepped_row([this] { fill_cells(object_, header_, where(0), owned_); });
      std::copy(owned_.begin(), owned_.end(), cells_.begin());
    }
    return true;
  }
  [[nodiscard]] std::string source_text() const override { return std::string(text_); }
  [[nodiscard]] std::string_view cell(std::size_t column) const override { return cells_[column]; }
  [[nodiscard]] SourcePos where(std::size_t) const override { return {in_.name(), line_, 0, {}}; }
  [[nodiscard]] std::size_t line_of(std::size_t) const override { return line_; }
  [[nodiscard]] std::string describe() const override { return "ndjson"; }
  [[nodiscard]] const std::string& source_name() const override { return in_.name(); }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 18;

  // The lookups that follow from header_.
  void use_header() {
    columns_.clear();
    for (std::size_t c = 0; c < header_.size(); ++c)
      columns_.emplace(header_[c], c);
    seen_.assign(header_.size(), 0);
    cells_.assign(header_.size(), {});
    owned_.assign(header_.size(), {});
    plain_.clear();
    padded_keys_.clear();
    for (const auto& key : header_) {
      plain_.push_back(key.find_first_of("\"\\") == std::string::npos ? 1 : 0);
      padded_keys_.push_back(key + std::string(8, '\0'));
    }
  }

  // Finds the next non-blank line: line_ is its number, text_ its bytes (without '\n').
  bool read_line() {
    for (;;) {
      const char* newline = nullptr;
      std::size_t searched = pos_;
      while ((newline = static_cast<const char*>(std::memchr(buf_.data() + searched, '\n', end_ - searched))) ==
                 nullptr &&
             !eof_) {
        if (end_ - pos_ > kMaxRowBytes)
          throw Error::data(SourcePos{in_.name(), next_line_, 0, {}},
                            fmt::format("a line is longer than {} MiB (is this an NDJSON file?)", kMaxRowBytes >> 20));
        searched = end_ - pos_;
        refill();
      }
      const std::size_t stop = newline == nullptr ? end_ : static_cast<std::size_t>(newline - buf_.data());
      if (pos_ >= end_) return false;
      text_ = std::string_view(buf_.data() + pos_, stop - pos_);
      line_ = next_line_++;
      pos_ = std::min(stop + 1, end_);
      if (text_.find_first_not_of(" \t\r") != std::string_view::npos) return true;
    }
  }
  // Moves the unread bytes to the front and appends the next chunk; the padding follows.
  void refill() {
    if (pos_ > 0) {  // a long line is not moved again for each chunk
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    buf_.resize(end_ + kChunk + simdjson::SIMDJSON_PADDING);
    const auto n = in_.read(buf_.data() + end_, kChunk);
    end_ += n;
    eof_ = n == 0;
    std::memset(buf_.data() + end_, ' ', simdjson::SIMDJSON_PADDING);
  }

  // The first line's keys in file order; false when the line must take nlohmann's path (a
  // duplicate key, or anything read_fast() would not take).
  bool header_fast() {
    using namespace simdjson;
    ondemand::document doc;
    ondemand::object object;
    if (parser_.iterate(padded_text()).get(doc) || doc.get_object().get(object)) return false;
    for (auto result : object) {
      ondemand::field field;
      std::string_view key;
      if (std::move(result).get(field) || field.unescaped_key().get(key) || !validate_utf8(key.data(), key.size()))
        return false;
      if (std::find(header_.begin(), header_.end(), key) != header_.end()) return false;
      header_.emplace_back(key);
    }
    return true;
  }
  [[nodiscard]] simdjson::padded_string_view padded_text() const {
    const std::size_t room = buf_.size() - static_cast<std::size_t>(text_.data() - buf_.data());
    return simdjson::padded_string_view(text_.data(), text_.size(), room);
  }

  // Parses text_ into cells_; false when the line must take nlohmann's path.
  bool read_fast() {
    slow_ = false;
    using namespace simdjson;
    ondemand::document doc;
    ondemand::object object;
    if (parser_.iterate(padded_text()).get(doc) || doc.get_object().get(object)) return false;
    ++row_;
    std::fill(cells_.begin(), cells_.end(), std::string_view{});
    std::size_t expected = 0;  // keys usually come in header order
    for (auto result : object) {
      ondemand::field field;
      if (std::move(result).get(field)) return false;
      std::size_t c = header_.size();
      // The raw key equals a header key without quote or backslash only when it is that key.
      if (expected < header_.size() && plain_[expected] != 0 &&
          same_key(field.key().raw(), std::string_view(padded_keys_[expected]).substr(0, header_[expected].size()))) {
        c = expected;
      } else {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        if (const auto it = columns_.find(key); it != columns_.end())
          c = it->second;
        else if (!validate_utf8(key.data(), key.size()))
          return false;
      }
      if (c < header_.size()) {
        if (seen_[c] == row_) return false;  // a duplicate key
        seen_[c] = row_;
        expected = c + 1;
      }
      const bool known = c < header_.size();
      if (!value_text(field.value(), known ? owned_[c] : scratch_, known ? cells_[c] : scratch_view_)) return false;
    }
    // Nothing may follow the object (on-demand parsing stops at its closing brace).
    const char* after = nullptr;
    return doc.current_location().get(after) == OUT_OF_BOUNDS;
  }

  // The cell text of a scalar, as cell_text() gives it, viewing the line, simdjson's string
  // buffer or `owned`; false for anything else.
  static bool value_text(simdjson::ondemand::value value, std::string& owned, std::string_view& out) {
    using namespace simdjson;
    ondemand::json_type type{};
    if (value.type().get(type)) return false;
    // The token runs to the next structural character: trailing blanks are not part of it.
    std::string_view raw = value.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r' || raw.back() == '\n'))
      raw.remove_suffix(1);
    switch (type) {
      case ondemand::json_type::string: {
        // Without a backslash the text is the bytes between the quotes (simdjson has checked
        // their UTF-8 and that no control character is left unescaped).
        if (raw.size() >= 2 && std::none_of(raw.begin(), raw.end(), [](char ch) { return ch == '\\'; })) {
          out = raw.substr(1, raw.size() - 2);
          return true;
        }
        std::string_view text;
        if (value.get_string().get(text)) return false;
        // A surrogate escape decoded on its own is not UTF-8 (0xED 0xA0…0xBF); nlohmann refuses it.
        if (std::memchr(text.data(), 0xED, text.size()) != nullptr && !validate_utf8(text.data(), text.size()))
          return false;
        out = text;
        return true;
      }
      case ondemand::json_type::number:
        return number_text(raw, owned, out);
      case ondemand::json_type::boolean:
        if (raw != "true" && raw != "false") return false;
        out = raw;
        return true;
      case ondemand::json_type::null:
        if (raw != "null") return false;
        out = {};
        return true;
      case ondemand::json_type::object:
      case ondemand::json_type::array:
        break;
    }
    return false;
  }

  void read_slow() {
    slow_ = true;
    try {
      object_ = json::parse(text_);
    } catch (const json::parse_error& e) {
      auto at = position_of_byte(in_.name(), text_, e.byte);
      at.line = line_;
      throw invalid_json(at, e);
    } catch (const json::exception& e) {  // e.g. out_of_range: a number beyond a double
      throw Error::data(SourcePos{in_.name(), line_, 0, {}}, "json", unsupported_json(e));
    }
  }

  InputStream in_;
  bool fast_ = true;
  std::string buf_;  // bytes [pos_, end_) unread, then SIMDJSON_PADDING spaces
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::string_view text_;
  std::size_t line_ = 0;
  std::size_t next_line_ = 1;
  simdjson::ondemand::parser parser_;
  json object_;
  bool slow_ = false;     // the current row is in object_
  bool pending_ = false;  // the first row, read for the header, is not yet returned
  std::vector<std::string> header_;
  std::unordered_map<std::string_view, std::size_t> columns_;  // keys view header_
  std::vector<std::uint64_t> seen_;                            // row_ when a column was filled
  std::uint64_t row_ = 0;
  std::vector<char> plain_;               // the header key has no quote or backslash
  std::vector<std::string> padded_keys_;  // each header key, then 8 zero bytes
  std::string scratch_;                   // the text of a value whose key is not in the header
  std::string_view scratch_view_;
  std::vector<std::string_view> cells_;  // this row's cells: views of the line, the parser or owned_
  std::vector<std::string> owned_;       // cell text made here (numbers as doubles, nlohmann's rows)
};

}  // namespace

std::unique_ptr<TableReader> make_json_reader(const std::string& name, const std::string& text) {
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

std::unique_ptr<TableReader> make_ndjson_reader(InputStream in, std::string head, NdjsonParser parser) {
  return std::make_unique<NdjsonReader>(std::move(in), std::move(head), parser);
}

// simdjson picks its kernel when first used; it finds the structure of each line and checks
// its UTF-8. The On-Demand walk over that structure is compiled into cxkpi for the build's
// target (simdjson's "fallback" code for plain x86-64), which profiles show is not the cost.
std::string ndjson_parser_description() {
  return fmt::format("simdjson {} On-Demand, {} kernel chosen for this processor",
                     fmt::format("{}.{}.{}", int{simdjson::SIMDJSON_VERSION_MAJOR},
                                 int{simdjson::SIMDJSON_VERSION_MINOR}, int{simdjson::SIMDJSON_VERSION_REVISION}),
                     simdjson::get_active_implementation()->name());
}

}  // namespace cxkpi::cli
