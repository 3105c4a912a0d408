#include "records/contact_reader.hpp"

#include <fmt/format.h>

#include <cctype>

#include "io/values.hpp"

namespace cxkpi::cli {
namespace {

// Flags: 1/0, y/n, yes/no, true/false, in any case; empty is missing.
bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  return true;
}

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

ContactReader::ContactReader(const TableReader& reader, const RecordColumnMap& columns, bool decimal_comma)
    : reader_(reader), columns_(columns), decimal_comma_(decimal_comma), kind_(columns.measures().row_kind()) {
  for (std::size_t f = 0; f < kRecordFieldCount; ++f)
    column_[f] = columns.column_of(static_cast<RecordField>(f)).value_or(kNoColumn);
}

Contact ContactReader::read() const {
  // CSV rows are views into the reader's buffer: one span for all cells instead of a
  // virtual call per cell. Other readers give cells one at a time.
  const auto row = reader_.row();
  Contact c;
  c.offered = flag(row, RecordField::offered);
  c.answered = flag(row, RecordField::answered);
  c.abandoned = flag(row, RecordField::abandoned);
  c.resolved = flag(row, RecordField::resolved);
  c.first_contact_resolved = flag(row, RecordField::first_contact_resolved);
  c.wait = amount(row, RecordField::wait_s, FieldKind::seconds);
  c.talk = amount(row, RecordField::talk_s, FieldKind::seconds);
  c.hold = amount(row, RecordField::hold_s, FieldKind::seconds);
  c.wrap = amount(row, RecordField::wrap_s, FieldKind::seconds);
  c.cost = amount(row, RecordField::cost, FieldKind::money);
  c.csat = score(row, RecordField::csat);
  c.nps = score(row, RecordField::nps);
  c.ces = score(row, RecordField::ces);
  c.transferred = flag(row, RecordField::transferred);
  if (column_[static_cast<std::size_t>(RecordField::agent)] != kNoColumn)
    c.has_agent = !is_missing(text(row, RecordField::agent));
  c.kind = kind_;
  c.read = amount(row, RecordField::read_s, FieldKind::seconds);
  c.agent_score = score(row, RecordField::agent_score);
  c.enps = score(row, RecordField::enps_score);
  return c;
}

Error ContactReader::error_at(RecordField f, std::string_view message) const {
  const auto col = columns_.column_of(f).value_or(0);
  return Error::data(reader_.where(col), columns_.has(f) ? reader_.header()[col] : record_field_name(f), message);
}

std::string_view ContactReader::text(std::span<const std::string_view> row, RecordField f) const {
  const auto col = column_[static_cast<std::size_t>(f)];
  if (col == kNoColumn) return {};
  return row.empty() ? reader_.cell(col) : row[col];
}

std::optional<bool> ContactReader::flag(std::span<const std::string_view> row, RecordField f) const {
  const auto t = text(row, f);
  if (t.size() == 1 && (t[0] == '0' || t[0] == '1')) return t[0] == '1';
  if (t.empty()) return std::nullopt;
  bool ok = true;
  const auto v = parse_flag(t, ok);
  if (!ok)
    throw error_at(f, fmt::format("{} is not a yes/no flag (expected 1/0, Y/N, yes/no or true/false)", quote_value(t)));
  return v;
}

std::optional<std::int64_t> ContactReader::amount(std::span<const std::string_view> row, RecordField f,
                                                  FieldKind kind) const {
  const auto t = text(row, f);
  if (std::int64_t raw = 0; parse_plain_amount(t, raw)) return raw;
  if (is_missing(t)) return std::nullopt;
  const auto v = parse_value(t, kind, decimal_comma_);
  if (!v.ok()) throw error_at(f, v.error);
  return v.raw;
}

std::optional<int> ContactReader::score(std::span<const std::string_view> row, RecordField f) const {
  const auto t = text(row, f);
  if (int v = 0; small_whole_number(t, v)) return v;
  if (is_missing(t)) return std::nullopt;
  const auto v = parse_integer_in(t, -1'000'000, 1'000'000);
  if (!v.ok()) throw error_at(f, fmt::format("{} is not a whole-number score", quote_value(t)));
  return static_cast<int>(v.raw);
}

}  // namespace cxkpi::cli
