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
#include <unordered_map>

#include "io/json_rows.hpp"
#include "io/row_blocks.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

using json = ojson;

class JsonArrayReader final : public TableReader {
 public:
  JsonArrayReader(std::string name, JsonRows rows) : name_(std::move(name)), rows_(std::move(rows)) {
    FlatHeader header;
    for (const auto& row : rows_.rows)
      header.add(row);
    header_ = header.names();
    columns_ = index_of(header_);
  }
  [[nodiscard]] const std::vector<std::string>& header() const override { return header_; }
  bool next() override {
    if (next_ >= rows_.rows.size()) return false;
    current_ = next_++;
    read_stepped_row([this] { fill_flat_cells(rows_.rows[current_], columns_, where(0), cells_); });
    return true;
  }
  [[nodiscard]] std::string source_text() const override {
    return current_ < rows_.rows.size() ? row_json(rows_.rows[current_]) : std::string();
  }
  [[nodiscard]] std::string_view cell(std::size_t column) const override { return cells_[column]; }
  [[nodiscard]] SourcePos where(std::size_t) const override {
    return {name_, 0, 0, fmt::format("{}[{}]", rows_.path, current_)};
  }
  [[nodiscard]] std::string describe() const override {
    if (rows_.back_to_back) return "json, objects back to back";
    return rows_.path == "$" ? "json" : fmt::format("json, rows at {}", rows_.path);
  }
  [[nodiscard]] const std::string& source_name() const override { return name_; }

 private:
  std::string name_;
  JsonRows rows_;
  std::vector<std::string> header_;
  ColumnIndex columns_;
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
// JSON, not an object, a key that is no column or repeats one, a number beyond a double,
// objects nested too deep) is
// read again with nlohmann exactly as before, so every message and cell stays the same.
// Nested objects flatten to dotted columns as in a JSON array (FlatHeader, fill_flat_cells).
class NdjsonReader final : public TableReader, public BlockSource {
 public:
  NdjsonReader(InputStream in, std::string head, NdjsonParser parser)
      : in_(std::move(in)), fast_(parser == NdjsonParser::simdjson) {
    end_ = head.size();
    buf_ = std::move(head);
    buf_.resize(end_ + simdjson::SIMDJSON_PADDING, ' ');
    buffer_header_lines();
    if (read_line()) {
      read_slow();  // line 1 that is not JSON stops the reading
      wrapper_ = wrapper_key(object_);
      header_ = header_of_first_lines();
      use_header();
      if (!fast_ || !read_fast()) slow_ = true;
      pending_ = true;
    }
  }
  /// A reader of `block`, lines cut from the input `name` whose header is `header` and whose
  /// records are wrapped alone under `wrapper` (or not, when ""); the block's first byte is
  /// on line `first_line`.
  NdjsonReader(std::string_view block, std::string name, std::vector<std::string> header, std::string wrapper,
               std::size_t first_line, bool fast)
      : in_(InputStream::from_memory(std::move(name), {})),
        fast_(fast),
        wrapper_(std::move(wrapper)),
        header_(std::move(header)) {
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
    return std::make_unique<NdjsonReader>(block, in_.name(), header_, wrapper_, first_line, fast_);
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
      read_stepped_row([this] { fill_flat_cells(record_of(object_), columns_, where(0), owned_); });
      std::copy(owned_.begin(), owned_.end(), cells_.begin());
    }
    return true;
  }
  [[nodiscard]] std::string source_text() const override { return std::string(text_); }
  [[nodiscard]] std::string_view cell(std::size_t column) const override { return cells_[column]; }
  [[nodiscard]] SourcePos where(std::size_t) const override { return {in_.name(), line_, 0, {}}; }
  [[nodiscard]] std::size_t line_of(std::size_t) const override { return line_; }
  [[nodiscard]] std::string describe() const override {
    return wrapper_.empty() ? "ndjson" : fmt::format("ndjson, each record wrapped in {}", quote_value(wrapper_));
  }
  [[nodiscard]] const std::string& source_name() const override { return in_.name(); }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 18;
  // The columns are the keys of the first lines: up to this many, ending in the first
  // kHeaderBytes of the input (and the first line, however long).
  static constexpr std::size_t kHeaderLines = 1000;
  static constexpr std::size_t kHeaderBytes = std::size_t{1} << 20;

  // The lookups that follow from header_.
  void use_header() {
    columns_ = index_of(header_);
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

  // Reads until the buffer holds the lines the header is taken from (nothing is consumed).
  void buffer_header_lines() {
    std::size_t lines = 0;
    std::size_t scanned = 0;
    while (lines < kHeaderLines && end_ < kHeaderBytes && !eof_) {
      const auto* newline = static_cast<const char*>(std::memchr(buf_.data() + scanned, '\n', end_ - scanned));
      if (newline == nullptr) {
        scanned = end_;
        refill();  // pos_ is 0: nothing moves
      } else {
        scanned = static_cast<std::size_t>(newline - buf_.data()) + 1;
        ++lines;
      }
    }
  }

  // The flattened keys of line 1 (in object_) and of the lines after it that ended within the
  // first kHeaderBytes (buffer_header_lines read them; lines that are not JSON add nothing).
  std::vector<std::string> header_of_first_lines() const {
    FlatHeader header;
    header.add(record_of(object_));
    std::size_t from = pos_;
    for (std::size_t lines = 1; lines < kHeaderLines && from < end_; ++lines) {
      const auto* newline = static_cast<const char*>(std::memchr(buf_.data() + from, '\n', end_ - from));
      const std::size_t stop = newline == nullptr ? end_ : static_cast<std::size_t>(newline - buf_.data());
      if (stop > kHeaderBytes || (newline == nullptr && !eof_)) break;
      const auto row = parse_json_text(std::string_view(buf_.data() + from, stop - from), false);
      if (const auto* record = record_in(row); record != nullptr) header.add(*record);
      from = stop + 1;
    }
    return header.names();
  }

  // The record a parsed line holds: the line, or the record wrapped in it as on line 1
  // (nullptr when the line does not wrap one so).
  [[nodiscard]] const json* record_in(const json& line) const {
    if (wrapper_.empty()) return &line;
    return wrapper_key(line) == wrapper_ ? &*line.begin() : nullptr;
  }
  [[nodiscard]] const json& record_of(const json& line) const {
    const auto* record = record_in(line);
    if (record == nullptr)
      throw Error::data(where(0), "json", fmt::format("expected {{\"{}\": {{…}}}} as on line 1", wrapper_));
    return *record;
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
    expected_ = 0;
    path_.clear();
    containers_in_row_ = 0;
    if (!(wrapper_.empty() ? read_members(object, 1) : read_wrapped(object))) return false;
    // Nothing may follow the object (on-demand parsing stops at its closing brace).
    const char* after = nullptr;
    return doc.current_location().get(after) == simdjson::OUT_OF_BOUNDS && balanced();
  }

  // Whether the brackets of a line that holds more than its own braces pair up. simdjson
  // passes over values no column reads by counting brackets, so an unpaired one can make it
  // step over a malformed part that nlohmann would refuse.
  [[nodiscard]] bool balanced() const {
    const auto first = text_.find('{');
    const auto rest = text_.size() - first - 1;
    if (std::memchr(text_.data() + first + 1, '{', rest) == nullptr &&
        std::memchr(text_.data() + first + 1, '[', rest) == nullptr)
      return true;
    return json_value_end(text_, first) == text_.find_last_not_of(" \t\r") + 1;
  }

  // The one member of a line that wraps its record ({"ticket":{…}}), read as the row.
  bool read_wrapped(simdjson::ondemand::object object) {
    using namespace simdjson;
    std::size_t members = 0;
    for (auto result : object) {
      ondemand::field field;
      std::string_view key;
      ondemand::object record;
      if (++members > 1 || std::move(result).get(field) || field.unescaped_key().get(key) || key != wrapper_ ||
          field.value().get_object().get(record) || !read_members(record, 1))
        return false;
    }
    return members == 1;
  }

  // Reads the members of `object` (the row at depth 1, or an object in it at path_) into
  // cells_: scalars into their columns, objects under their dotted path, arrays checked and
  // passed over.
  bool read_members(simdjson::ondemand::object object, std::size_t depth) {
    using namespace simdjson;
    for (auto result : object) {
      ondemand::field field;
      ondemand::json_type type{};
      if (std::move(result).get(field) || field.value().type().get(type)) return false;
      if (type == ondemand::json_type::object || type == ondemand::json_type::array) {
        if (!read_container(field, type, depth)) return false;
        continue;
      }
      // A key that is no column goes to nlohmann too, which tells whether it repeats another
      // (a repeated key is an error of its row).
      const std::size_t c = column_of(field);
      if (c >= header_.size() || seen_[c] == row_) return false;
      seen_[c] = row_;
      expected_ = c + 1;
      if (!value_text(field.value(), type, owned_[c], cells_[c])) return false;
    }
    return true;
  }

  static constexpr std::size_t kBadKey = static_cast<std::size_t>(-1);

  // The column of a scalar member at path_ (header_.size() when none; kBadKey when its key
  // must go to nlohmann). Keys usually come in header order: the raw key equals the expected
  // header key without quote or backslash only when it is that key.
  std::size_t column_of(simdjson::ondemand::field& field) {
    const std::size_t prefix = path_.size();
    if (expected_ < header_.size() && plain_[expected_] != 0 && header_[expected_].size() > prefix &&
        header_[expected_].compare(0, prefix, path_) == 0 &&
        same_key(field.key().raw(),
                 std::string_view(padded_keys_[expected_]).substr(prefix, header_[expected_].size() - prefix)))
      return containers_in_row_ > 0 && is_container_path(header_[expected_]) ? kBadKey : expected_;
    std::string_view key;
    if (field.unescaped_key().get(key)) return kBadKey;
    std::size_t c = header_.size();
    if (prefix > 0 || containers_in_row_ > 0) {
      path_ += key;
      const auto it = columns_.find(path_);
      const bool duplicate = is_container_path(path_);  // a repeated key: nlohmann's path refuses the row
      path_.resize(prefix);
      if (duplicate) return kBadKey;
      c = it == columns_.end() ? c : it->second;
    } else if (const auto it = columns_.find(key); it != columns_.end()) {
      c = it->second;
    }
    // A header key is valid UTF-8; any other key is checked as nlohmann checks it.
    return c < header_.size() || simdjson::validate_utf8(key.data(), key.size()) ? c : kBadKey;
  }

  // An object member (flattened under its path) or an array (checked, not read). A key that
  // repeats one of these, or a column's, takes nlohmann's path, which keeps the last.
  bool read_container(simdjson::ondemand::field& field, simdjson::ondemand::json_type type, std::size_t depth) {
    using namespace simdjson;
    std::string_view key;
    if (depth >= kMaxJsonDepth || field.unescaped_key().get(key) || !validate_utf8(key.data(), key.size()))
      return false;
    const std::size_t prefix = path_.size();
    path_ += key;
    const auto column = columns_.find(path_);
    if (is_container_path(path_) || (column != columns_.end() && seen_[column->second] == row_)) return false;
    if (containers_in_row_ == containers_.size()) containers_.emplace_back();
    containers_[containers_in_row_++] = path_;
    bool read = false;
    if (type == ondemand::json_type::array) {
      read = valid_array(field.value());
    } else {
      ondemand::object inner;
      path_ += '.';
      read = !field.value().get_object().get(inner) && read_members(inner, depth + 1);
    }
    path_.resize(prefix);
    return read;
  }

  [[nodiscard]] bool is_container_path(std::string_view path) const {
    return std::any_of(containers_.begin(), containers_.begin() + static_cast<std::ptrdiff_t>(containers_in_row_),
                       [&](const std::string& p) { return p == path; });
  }

  // Whether the array at `value` is JSON as nlohmann parses it: simdjson passes over a value
  // no column reads without checking it, so its text is checked here.
  [[nodiscard]] bool valid_array(simdjson::ondemand::value value) const {
    const char* begin = value.raw_json_token().data();
    const auto from = static_cast<std::size_t>(begin - text_.data());
    const auto end = json_value_end(text_, from);
    return end != std::string_view::npos && json::accept(text_.substr(from, end - from));
  }

  // The cell text of a scalar of `type`, as nlohmann's path gives it, viewing the line,
  // simdjson's string buffer or `owned`; false for anything else.
  static bool value_text(simdjson::ondemand::value value, simdjson::ondemand::json_type type, std::string& owned,
                         std::string_view& out) {
    using namespace simdjson;
    // The token runs to the next structural character: trailing blanks are not part of it.
    std::string_view raw = value.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r' || raw.back() == '\n'))
      raw.remove_suffix(1);
    switch (type) {
      case ondemand::json_type::string:
        return string_text(value, raw, out);
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

  static bool string_text(simdjson::ondemand::value value, std::string_view raw, std::string_view& out) {
    // Without a backslash the text is the bytes between the quotes (simdjson has checked
    // their UTF-8 and that no control character is left unescaped).
    if (raw.size() >= 2 && std::none_of(raw.begin(), raw.end(), [](char ch) { return ch == '\\'; })) {
      out = raw.substr(1, raw.size() - 2);
      return true;
    }
    std::string_view text;
    if (value.get_string().get(text)) return false;
    // A surrogate escape decoded on its own is not UTF-8 (0xED 0xA0…0xBF); nlohmann refuses it.
    if (std::memchr(text.data(), 0xED, text.size()) != nullptr && !simdjson::validate_utf8(text.data(), text.size()))
      return false;
    out = text;
    return true;
  }

  void read_slow() {
    slow_ = true;
    try {
      object_ = parse_json_text(text_);
    } catch (const json::parse_error& e) {
      auto at = position_of_byte(in_.name(), text_, e.byte);
      at.line = line_;
      throw invalid_json(at, e, text_);
    } catch (const json::exception& e) {  // e.g. out_of_range: a number beyond a double
      throw unsupported_json(SourcePos{in_.name(), line_, 0, {}}, e);
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
  std::string wrapper_;   // the key each line wraps its record in ({"ticket":{…}}), or ""
  std::vector<std::string> header_;
  ColumnIndex columns_;              // keys view header_
  std::vector<std::uint64_t> seen_;  // row_ when a column was filled
  std::uint64_t row_ = 0;
  std::size_t expected_ = 0;             // the column the next key likely fills
  std::string path_;                     // the dotted path of the object being read, with its '.'
  std::vector<std::string> containers_;  // paths of this row's objects and arrays (first containers_in_row_)
  std::size_t containers_in_row_ = 0;
  std::vector<char> plain_;               // the header key has no quote or backslash
  std::vector<std::string> padded_keys_;  // each header key, then 8 zero bytes
  std::vector<std::string_view> cells_;   // this row's cells: views of the line, the parser or owned_
  std::vector<std::string> owned_;        // cell text made here (numbers as doubles, nlohmann's rows)
};

}  // namespace

std::unique_ptr<TableReader> make_json_reader(const std::string& name, const std::string& text,
                                              const std::string& json_path) {
  return std::make_unique<JsonArrayReader>(name, json_rows(name, text, json_path));
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
