#include "io/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "text/words.hpp"

namespace cxkpi::cli {

CsvReader::CsvReader(InputStream in, std::string head, char delimiter)
    : buf_(std::move(in), std::move(head)), delimiter_(delimiter) {
  if (read_row())
    for (const auto f : fields_)
      header_.emplace_back(f);
}

CsvReader::CsvReader(std::string block, std::string name, char delimiter, std::vector<std::string> header,
                     std::size_t first_line)
    : buf_(InputStream::from_memory(std::move(name), {}), std::move(block)),
      delimiter_(delimiter),
      line_(first_line),
      header_(std::move(header)) {}

std::unique_ptr<TableReader> CsvReader::block_reader(std::string_view block, std::size_t first_line) const {
  return std::make_unique<CsvReader>(std::string(block), source_name(), delimiter_, header_, first_line);
}

BlockSource::Rest CsvReader::take_rest() {
  Rest rest{buf_.take_from(pos_), line_};
  pos_ = scan_ = 0;
  rest_taken_ = true;
  return rest;
}

Error cr_only_line_ends(const std::string& name, std::size_t line) {
  return Error::data(SourcePos{name, line, 0, {}},
                     "the line ends in CR alone (classic Mac OS line ends): convert them to LF, e.g. tr '\\r' '\\n'");
}

bool CsvReader::next() {
  if (!read_row()) return false;
  // Lines that end in CR alone after a first line that ends in LF join into one row of too
  // many fields: named for what they are, at the line where they start.
  const auto bare_cr = [&](std::string_view f) { return f.find('\r') != std::string_view::npos; };
  if (fields_.size() > header_.size() && !row_quoted_ && std::any_of(fields_.begin(), fields_.end(), bare_cr))
    throw cr_only_line_ends(buf_.name(), row_line_).mark_row_stepped_past();
  if (fields_.size() != header_.size())
    // The row is read to its end: the next call goes on with the row after it.
    throw Error::data(SourcePos{buf_.name(), row_line_, 0, {}},
                      fmt::format("row has {} field{} but the header has {}", fields_.size(),
                                  fields_.size() == 1 ? "" : "s", header_.size()))
        .mark_row_stepped_past();
  return true;
}

SourcePos CsvReader::where(std::size_t column) const {
  return {buf_.name(), line_of(column), column + 1, {}};
}

std::string CsvReader::describe() const {
  const char* name = delimiter_ == '\t' ? "tab" : nullptr;
  auto out = name ? fmt::format("csv, delimiter {}", name) : fmt::format("csv, delimiter '{}'", delimiter_);
  if (!skipped_.empty()) out += ", " + skipped_;
  return out;
}

// Finds the newline that ends the row starting at pos_, looking at each byte once even
// when the row spans many refills. Leaves scan_ at the newline (or at the end of data).
bool CsvReader::find_row_end() {
  scan_ = scan_row(buf_.data(), scan_, buf_.size(), delimiter_, scan_state_, delimiters_);
  return scan_ < buf_.size();
}

bool CsvReader::read_row() {
  for (;;) {
    if (rest_taken_) return false;
    bool complete = find_row_end();
    while (!complete && !buf_.eof()) {
      if (scan_ - pos_ > kMaxRowBytes)
        throw Error::data(SourcePos{buf_.name(), line_, 0, {}},
                          fmt::format("a row is longer than {} MiB (is this a CSV file?)", kMaxRowBytes >> 20));
      const auto shift = buf_.refill(pos_);
      pos_ -= shift;
      scan_ -= shift;
      for (auto& d : delimiters_)
        d -= shift;
      complete = find_row_end();
    }
    if (pos_ >= buf_.size()) return false;  // end of input
    const std::size_t end = scan_;          // the newline, or the end of the data at EOF
    const bool blank = end == pos_ || (end == pos_ + 1 && buf_.data()[pos_] == '\r');
    if (!blank) split_fields(end);
    ++line_;  // the newline that ends the row
    pos_ = scan_ = end + 1;
    scan_state_ = {};
    delimiters_.clear();
    if (!blank) return true;
  }
}

// Splits buf_[pos_, end) into fields. Quoted fields are unescaped in place (the result is
// never longer than the source), so the views stay inside buf_.
void CsvReader::split_fields(std::size_t end) {
  if (end > pos_ && buf_.data()[end - 1] == '\r') --end;
  fields_.clear();
  field_lines_.clear();
  row_line_ = line_;
  row_quoted_ = scan_state_.saw_quote;
  // Most rows have no quotes: the delimiters find_row_end saw are the field boundaries.
  // split_simply_quoted() would give the same fields, but its per-field quote test costs
  // about 7 % of a one-thread read of a clean log, so quote-free rows keep their own loop.
  if (!scan_state_.saw_quote)
    split_at_delimiters(end);  // every field is on row_line_: where() needs no per-field lines
  else if (!split_simply_quoted(end))
    split_quoted(end);
}

// The fields between the delimiters find_row_end saw, for a row without quotes.
void CsvReader::split_at_delimiters(std::size_t end) {
  const char* data = buf_.data();
  std::size_t start = pos_;
  for (const auto d : delimiters_) {
    fields_.emplace_back(data + start, d - start);
    start = d + 1;
  }
  fields_.emplace_back(data + start, end - start);
}

// The full parse of a row with quotes: quoted fields may hold delimiters, doubled quotes and
// newlines, so each field's line is kept and line_ moves past the newlines in quotes.
void CsvReader::split_quoted(std::size_t end) {
  const char* data = buf_.data();
  std::size_t line = line_;
  std::size_t i = pos_;
  for (;;) {
    field_lines_.push_back(line);
    i = read_field(i, end, line);
    while (i < end && data[i] == ' ')
      ++i;  // tolerate spaces after a closing quote
    if (i >= end) break;
    if (data[i] != delimiter_)
      throw Error::data(SourcePos{buf_.name(), line, fields_.size(), {}}, "csv",
                        fmt::format("unexpected {} after a closing quote", quote_value(std::string_view(data + i, 1))));
    ++i;
    if (i == end) {  // a trailing delimiter ends with one empty field
      field_lines_.push_back(line);
      fields_.emplace_back();
      break;
    }
  }
  line_ = line;
}

// Adds the field that starts at `i`, quoted or not, to fields_; returns where it ends (the
// delimiter after it, or `end`). `line` advances over newlines in quotes.
std::size_t CsvReader::read_field(std::size_t i, std::size_t end, std::size_t& line) {
  const char* data = buf_.data();
  if (i < end && data[i] == '"') {
    std::size_t length = 0;
    const std::size_t after = parse_quoted(i, end, line, length);
    fields_.emplace_back(data + i, length);
    return after;
  }
  const void* hit = std::memchr(data + i, delimiter_, end - i);
  const std::size_t stop = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data) : end;
  fields_.emplace_back(data + i, stop - i);
  return stop;
}

// A row with quotes in the usual shape: each field is either unquoted, or wholly quoted
// ("…"), and those quotes are all the row has, with no newline inside them. The delimiters
// find_row_end saw are then the field boundaries, and a quoted field is the text between
// its quotes, with nothing to unescape. Any other shape returns false for the full parse.
bool CsvReader::split_simply_quoted(std::size_t end) {
  if (scan_state_.quoted_newline) return false;
  const char* data = buf_.data();
  std::size_t quotes = 0;
  std::size_t start = pos_;
  for (std::size_t k = 0; k <= delimiters_.size(); ++k) {
    const std::size_t stop = k < delimiters_.size() ? delimiters_[k] : end;
    std::string_view field(data + start, stop - start);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
      field = field.substr(1, field.size() - 2);
      quotes += 2;
    }
    fields_.push_back(field);
    start = stop + 1;
  }
  if (quotes == scan_state_.quotes) return true;
  fields_.clear();
  return false;
}

// Unescapes the quoted field at `begin` to the front of its own bytes, sets its `length`
// and returns the position after the closing quote. `line` advances over quoted newlines.
std::size_t CsvReader::parse_quoted(std::size_t begin, std::size_t end, std::size_t& line, std::size_t& length) {
  char* data = buf_.data();
  const std::size_t start_line = line;
  std::size_t write = begin;
  for (std::size_t read = begin + 1; read < end; ++read) {
    const char c = data[read];
    if (c == '"') {
      if (read + 1 < end && data[read + 1] == '"') {
        data[write++] = '"';
        ++read;
        continue;
      }
      length = write - begin;
      return read + 1;
    }
    if (c == '\n') ++line;
    data[write++] = c;
  }
  throw Error::data(SourcePos{buf_.name(), start_line, fields_.size() + 1, {}}, "csv",
                    "quoted field is not closed before the end of the input");
}

namespace {

std::string_view first_line(std::string_view text) {
  const auto start = text.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  return text.substr(0, text.find('\n'));
}

// The non-blank lines of `head` after its first `skip`, as far as they go.
std::string_view after_lines(std::string_view head, std::size_t skip) {
  for (; skip > 0; --skip) {
    const auto line = first_line(head);
    if (line.empty()) return {};
    head.remove_prefix(static_cast<std::size_t>(line.data() - head.data()) + line.size());
  }
  return head;
}

// The cells of a line (quotes respected, not unescaped): how many, and how many hold text.
struct CellCount {
  std::size_t cells = 1;
  std::size_t filled = 0;
};
CellCount count_cells(std::string_view line, char delimiter) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  CellCount n;
  bool in_quotes = false;
  bool text = false;
  for (const char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    if (c == delimiter && !in_quotes) {
      n.filled += text ? 1 : 0;
      ++n.cells;
      text = false;
    } else if (c != ' ' && c != '\t') {
      text = true;
    }
  }
  n.filled += text ? 1 : 0;
  return n;
}

// The text of a title line's one cell: without the delimiters that pad it, or its quotes.
std::string title_text(std::string_view line, char delimiter) {
  while (!line.empty() && (line.back() == '\r' || line.back() == delimiter || line.back() == ' '))
    line.remove_suffix(1);
  if (line.size() < 2 || line.front() != '"' || line.back() != '"') return std::string(line);
  const auto inner = line.substr(1, line.size() - 2);
  std::string text;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    text += inner[i];
    if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;  // "" is one quote
  }
  return text;
}

}  // namespace

char sniff_delimiter(std::string_view head) {
  constexpr std::array<char, 4> kCandidates{',', '\t', ';', '|'};
  std::array<std::size_t, 4> counts{};
  bool in_quotes = false;
  for (const char c : first_line(head)) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (std::size_t k = 0; k < kCandidates.size(); ++k)
      counts[k] += c == kCandidates[k] ? 1U : 0U;
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  return kCandidates[best];
}

std::optional<std::string> title_line(std::string_view head, std::optional<char> delimiter) {
  const auto title = first_line(head);
  const auto rest = after_lines(head, 1);
  const auto header = first_line(rest);
  const char d = delimiter.value_or(sniff_delimiter(rest));
  const auto t = count_cells(title, d);
  const auto h = count_cells(header, d);
  if (t.filled != 1 || h.cells < 2 || h.filled != h.cells) return std::nullopt;
  if (const auto row = first_line(after_lines(rest, 1)); !row.empty() && count_cells(row, d).cells != h.cells)
    return std::nullopt;
  return title_text(title, d);
}

}  // namespace cxkpi::cli
