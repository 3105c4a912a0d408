#include "records/contact_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Flags: 1/0, y/n, yes/no, true/false, in any case; empty is missing.
std::optional<bool> parse_flag(std::string_view text, bool& ok) {
  const auto s = trim(text);
  ok = true;
  if (s.empty()) return std::nullopt;
  if (s == "1") return true;
  if (s == "0") return false;
  for (const auto word : {"y", "yes", "true"})
    if (equals_ignoring_case(s, word)) return true;
  for (const auto word : {"n", "no", "false"})
    if (equals_ignoring_case(s, word)) return false;
  ok = false;
  return std::nullopt;
}

// The common score cell: one to three digits.
bool small_whole_number(std::string_view s, int& out) {
  if (s.empty() || s.size() > 3) return false;
  int v = 0;
  for (const char c : s) {
    const unsigned digit = static_cast<unsigned char>(c) - unsigned{'0'};
    if (digit > 9) return false;
    v = v * 10 + static_cast<int>(digit);
  }
  out = v;
  return true;
}

}  // namespace

ContactReader::ContactReader(const TableReader& reader, const RecordColumnMap& columns, bool decimal_comma,
                             const MissingValues& missing)
    : reader_(reader),
      columns_(columns),
      decimal_comma_(decimal_comma),
      missing_(missing),
      kind_(columns.present().row_kind()) {
  for (const auto& column : record_columns()) {
    const auto col = columns.column_of(column.field);
    if (!col || column.reading.shape == Shape::unread) continue;
    const auto& format = columns.format_of(column.field);
    (column.reading.shape == Shape::presence ? presences_ : slots_)
        .push_back({*col, column.field, column.reading, &format, plain_of(column.reading, format, decimal_comma)});
  }
  std::stable_sort(slots_.begin(), slots_.end(), [](const Slot& a, const Slot& b) { return a.column < b.column; });
  blank_.kind = kind_;
}

ContactReader::Plain ContactReader::plain_of(const CellReading& reading, const CellFormat& format, bool decimal_comma) {
  if (!format.plain()) return Plain::none;
  switch (reading.shape) {
    case Shape::flag:
      return Plain::flag;
    case Shape::amount:  // with a decimal comma, 1.234 is 1234: the general parser reads a '.'
      return decimal_comma ? Plain::amount_without_dot : Plain::amount;
    case Shape::score:
      return Plain::score;
    case Shape::presence:
    case Shape::unread:
      break;
  }
  return Plain::none;
}

namespace {

// The common cell shapes, read inline: `0`/`1` flags, plain numbers, small scores, and an
// empty cell (missing). False for anything else, which the general parsers then read.
template <class Slot>
[[gnu::always_inline]] inline bool read_plain(std::string_view text, const Slot& slot, Contact& c) {
  using Plain = decltype(slot.plain);
  const auto& r = slot.reading;
  switch (slot.plain) {
    case Plain::none:
      return false;
    case Plain::flag:
      if (text.size() == 1 && (text[0] == '0' || text[0] == '1')) {
        c.*r.flag = text[0] == '1';
        return true;
      }
      break;
    case Plain::amount_without_dot:
      if (text.find('.') != std::string_view::npos) return false;
      [[fallthrough]];
    case Plain::amount:
      if (std::int64_t raw = 0; parse_plain_amount(text, raw)) {
        c.*r.amount = raw;
        return true;
      }
      break;
    case Plain::score:
      if (int v = 0; small_whole_number(text, v)) {
        c.*r.score = v;
        return true;
      }
      break;
  }
  if (!text.empty()) return false;
  c.blank.add(slot.field);  // missing: the member stays empty, and the row says the cell is blank
  return true;
}

}  // namespace

// Reads the slots from `cells` (a RowCells, or the reader asked cell by cell).
template <class Cells>
void ContactReader::read_slots(const Cells& cells, Contact& c) const {
  for (const auto& slot : slots_) {
    const auto text = cells[slot.column];
    if (!read_plain(text, slot, c)) read_cell(text, slot, c);
  }
  for (const auto& slot : presences_)
    c.*slot.reading.presence = !missing_(cells[slot.column]);
}

void ContactReader::read(Contact& c) const {
  // CSV rows are views into the reader's buffer: one view of all cells instead of a
  // virtual call per cell. Other readers give cells one at a time.
  c = blank_;
  if (const auto row = reader_.row(); !row.empty()) return read_slots(row, c);
  struct AskReader {
    const TableReader& reader;
    std::string_view operator[](std::size_t column) const { return reader.cell(column); }
  };
  read_slots(AskReader{reader_}, c);
}

void ContactReader::read_cell(std::string_view text, const Slot& slot, Contact& c) const {
  if (missing_(text)) return read_blank(slot, c);  // spaces, or a word such as N/A (--na), like an empty cell
  switch (slot.reading.shape) {
    case Shape::flag:
      return read_flag(text, slot, c);
    case Shape::amount:
      return read_amount(text, slot, c);
    case Shape::score:
      return read_score(text, slot, c);
    case Shape::presence:
    case Shape::unread:
      return;  // never in slots_
  }
}

Error ContactReader::error_at(RecordField f, std::string_view message) const {
  const auto col = columns_.column_of(f).value_or(0);
  return Error::data(reader_.where(col), columns_.has(f) ? reader_.header()[col] : record_field_name(f), message);
}

void ContactReader::read_blank(const Slot& slot, Contact& c) {
  if (!slot.format->blank_is_zero) {  // missing: the member stays empty, and the row says the cell is blank
    c.blank.add(slot.field);
    return;
  }
  if (slot.reading.shape == Shape::flag) c.*slot.reading.flag = false;  // blank=0 or present, as the export says
  if (slot.reading.shape == Shape::amount) c.*slot.reading.amount = 0;
}

void ContactReader::read_flag(std::string_view text, const Slot& slot, Contact& c) const {
  if (slot.format->present_is_yes) {
    c.*slot.reading.flag = true;
    return;
  }
  if (const auto& yes = slot.format->yes_words; !yes.empty()) {  // --map answered=outcome:AGENT,ANSWERED
    c.*slot.reading.flag = is_one_of(text, yes);
    return;
  }
  bool ok = true;
  const auto v = parse_flag(text, ok);
  if (!ok)
    throw error_at(
        slot.field,
        fmt::format("{} is not a yes/no flag (expected 1/0, Y/N, yes/no or true/false; --map {}=HEADER:WORDS "
                    "names the words that mean yes)",
                    quote_value(text), record_field_name(slot.field)));
  c.*slot.reading.flag = v;
}

void ContactReader::read_amount(std::string_view text, const Slot& slot, Contact& c) const {
  const auto v = parse_value(text, slot.reading.unit, decimal_comma_, slot.format->unit);
  if (!v.ok()) throw error_at(slot.field, v.error);
  if (v.raw == 0 && slot.format->zero_is_blank) return c.blank.add(slot.field);  // 0=blank: "none", as the export says
  c.*slot.reading.amount = v.raw;
}

void ContactReader::read_score(std::string_view text, const Slot& slot, Contact& c) const {
  if (const auto& words = slot.format->score_words; !words.empty()) return read_score_word(text, slot, c);
  const auto v = parse_integer_in(text, -1'000'000, 1'000'000);
  if (!v.ok()) throw error_at(slot.field, fmt::format("{} is not a whole-number score", quote_value(text)));
  c.*slot.reading.score = static_cast<int>(v.raw);
}

// A survey answered in words (--map csat=HEADER:good=5,bad=1,offered=blank): each cell is one
// of the words given, in any case. Any other word is an error of its row, not an answer left
// out: a word the map does not know may be an answer counted nowhere (a survey's new label).
void ContactReader::read_score_word(std::string_view text, const Slot& slot, Contact& c) const {
  const auto* word = slot.format->score_word(text);
  if (word == nullptr) {
    std::vector<std::string_view> known;
    for (const auto& w : slot.format->score_words)
      known.push_back(w.word);
    throw error_at(slot.field, fmt::format("{} is none of the words --map gives {} ({})", quote_value(text),
                                           record_field_name(slot.field), fmt::join(known, ", ")));
  }
  if (!word->score) return c.blank.add(slot.field);  // WORD=blank: no answer, as a blank cell
  c.*slot.reading.score = *word->score;
}

}  // namespace cxkpi::cli
