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
    for (std::size_t i = 0; i < cells_.size(); ++i)
      header_.emplace_back(cells_[i]);
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
  pos_ = indexed_ = next_break_ = next_newline_ = next_quote_ = next_quoted_newline_ = 0;
  index_.clear();
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
  const std::size_t count = cells_.size();
  if (count != header_.size()) {
    const auto bare_cr = [&] {
      for (std::size_t i = 0; i < count; ++i)
        if (cells_[i].find('\r') != std::string_view::npos) return true;
      return false;
    };
    if (count > header_.size() && !row_quoted_ && bare_cr())
      throw cr_only_line_ends(buf_.name(), row_line_).mark_row_stepped_past();
    // The row is read to its end: the next call goes on with the row after it.
    throw Error::data(
        SourcePos{buf_.name(), row_line_, 0, {}},
        fmt::format("row has {} field{} but the header has {}", count, count == 1 ? "" : "s", header_.size()))
        .mark_row_stepped_past();
  }
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

// How many bytes are indexed at a time: enough rows to keep the loop over blocks busy, few
// enough that the offsets stay in cache while the rows are cut from them.
constexpr std::size_t kIndexWindow = std::size_t{1} << 15;

// The position in index_.breaks of the newline that ends the row starting at pos_, indexing
// (and refilling) the buffer as far as that takes; index_.breaks.size() when the input ends
// first. Each byte is indexed once, however many refills a long row needs.
std::size_t CsvReader::find_row_end() {
  for (;;) {
    if (next_newline_ < index_.newlines.size()) return break_at(index_.newlines[next_newline_]);
    if (indexed_ == buf_.size()) {
      if (buf_.eof()) return index_.breaks.size();
      if (indexed_ - pos_ > kMaxRowBytes)
        throw Error::data(SourcePos{buf_.name(), line_, 0, {}},
                          fmt::format("a row is longer than {} MiB (is this a CSV file?)", kMaxRowBytes >> 20));
    }
    if (indexed_ < buf_.size()) {
      forget_read(0);
      index_more();
    } else {
      const auto shift = buf_.refill(pos_);
      forget_read(shift);
      pos_ -= shift;
      indexed_ -= shift;
    }
  }
}

// The position in index_.breaks of the newline at `end`. A row with as many fields as the
// header has it right after its delimiters; any other row is found by a binary search.
std::size_t CsvReader::break_at(std::size_t end) const {
  const std::size_t expected = next_break_ + header_.size() - 1;
  if (!header_.empty() && expected < index_.breaks.size() && index_.breaks[expected] == end) return expected;
  const auto* first = index_.breaks.data() + next_break_;
  return static_cast<std::size_t>(std::lower_bound(first, index_.breaks.data() + index_.breaks.size(), end) -
                                  index_.breaks.data());
}

// Indexes the next window of buf_.
void CsvReader::index_more() {
  const std::size_t to = std::min(buf_.size(), indexed_ + kIndexWindow);
  index_csv(buf_.data(), indexed_, to, delimiter_, index_);
  indexed_ = to;
}

// Drops from the index what lies before pos_ (rows already read), and moves the rest `shift`
// bytes left with the buffer, so that the index holds a window and the row being read.
void CsvReader::forget_read(std::size_t shift) {
  index_.drop_before(pos_, shift);
  next_break_ = next_newline_ = next_quote_ = next_quoted_newline_ = 0;
}

bool CsvReader::read_row() {
  for (;;) {
    if (rest_taken_) return false;
    const std::size_t end_break = find_row_end();
    if (pos_ >= buf_.size()) return false;  // end of input
    const bool at_newline = end_break < index_.breaks.size();
    const std::size_t end = at_newline ? index_.breaks[end_break] : buf_.size();  // the newline, or EOF
    const bool blank = end == pos_ || (end == pos_ + 1 && buf_.data()[pos_] == '\r');
    if (blank)
      cells_ = {};
    else
      split_fields(end, index_.breaks.view(next_break_, end_break));
    ++line_;  // the newline that ends the row
    pos_ = end + 1;
    next_break_ = at_newline ? end_break + 1 : end_break;
    next_newline_ += at_newline ? 1 : 0;
    if (!blank) return true;
  }
}

// The quotes in buf_[pos_, end), and whether a newline is inside them; moves the cursors past them.
CsvReader::RowQuotes CsvReader::quotes_before(std::size_t end) {
  const auto count_in_row = [&](const Offsets& list, std::size_t& next) {
    while (next < list.size() && list[next] < pos_)
      ++next;
    std::size_t n = 0;
    for (; next < list.size() && list[next] < end; ++next)
      ++n;
    return n;
  };
  RowQuotes row;
  row.count = count_in_row(index_.quotes, next_quote_);
  if (row.count > 0) row.newline_in = count_in_row(index_.quoted_newlines, next_quoted_newline_) > 0;
  return row;
}

// Splits buf_[pos_, end) into fields. Quoted fields are unescaped in place (the result is
// never longer than the source), so the views stay inside buf_.
void CsvReader::split_fields(std::size_t end, std::span<const std::size_t> delimiters) {
  const RowQuotes quotes = quotes_before(end);
  if (end > pos_ && buf_.data()[end - 1] == '\r') --end;
  field_lines_.clear();
  row_line_ = line_;
  row_quoted_ = quotes.count > 0;
  // Most rows have no quotes: the delimiters indexed are the field boundaries (and every
  // field is on row_line_: where() needs no per-field lines).
  if (!row_quoted_) {
    cut_at_delimiters(end, delimiters);
    return;
  }
  cells_ = {};  // a quote error stops the read (it is not a row to skip)
  if (quotes.newline_in || !split_simply_quoted(end, delimiters, quotes.count)) split_quoted(end);
  cells_ = RowCells(fields_);
}

// The cells of a row without quotes, between the delimiters indexed: one copy of the
// offsets, framed by the byte before the row and its end, and each cell is cut from them
// when asked for, so a row's unused columns cost nothing.
void CsvReader::cut_at_delimiters(std::size_t end, std::span<const std::size_t> delimiters) {
  const std::size_t count = delimiters.size() + 1;
  if (bounds_.size() < count + 1) bounds_.resize(count + 1);
  bounds_[0] = pos_ - 1;  // SIZE_MAX for a row at offset 0: RowCells adds 1 back (unsigned)
  std::copy(delimiters.begin(), delimiters.end(), bounds_.begin() + 1);
  bounds_[count] = end;
  cells_ = RowCells(buf_.data(), bounds_.data(), count);
}

// The full parse of a row with quotes: quoted fields may hold delimiters, doubled quotes and
// newlines, so each field's line is kept and line_ moves past the newlines in quotes.
void CsvReader::split_quoted(std::size_t end) {
  const char* data = buf_.data();
  fields_.clear();
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
bool CsvReader::split_simply_quoted(std::size_t end, std::span<const std::size_t> delimiters, std::size_t row_quotes) {
  const char* data = buf_.data();
  std::size_t quotes = 0;
  std::size_t start = pos_;
  fields_.clear();
  for (std::size_t k = 0; k <= delimiters.size(); ++k) {
    const std::size_t stop = k < delimiters.size() ? delimiters[k] : end;
    std::string_view field(data + start, stop - start);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
      field = field.substr(1, field.size() - 2);
      quotes += 2;
    }
    fields_.push_back(field);
    start = stop + 1;
  }
  if (quotes == row_quotes) return true;
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
