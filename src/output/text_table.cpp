#include "output/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "errors.hpp"
#include "output/cells.hpp"
#include "text/csv.hpp"
#include "text/display_width.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// The columns named in `fields` (machine names), in that order; a usage Error for an unknown name.
std::vector<std::size_t> columns_named(const TextTable& t, const std::vector<std::string>& fields) {
  std::vector<std::size_t> picked;
  for (const auto& f : fields) {
    const auto it = std::find(t.keys.begin(), t.keys.end(), f);
    if (it == t.keys.end())
      throw Error::unknown("--fields: no column", f, t.keys, fmt::format(" (columns: {})", fmt::join(t.keys, ", ")));
    picked.push_back(static_cast<std::size_t>(it - t.keys.begin()));
  }
  return picked;
}

// The table with only the columns at `picked`, in that order.
TextTable pick_columns(const TextTable& t, const std::vector<std::size_t>& picked) {
  const auto pick = [&](const auto& cells) {
    std::remove_cvref_t<decltype(cells)> out;
    for (const auto c : picked)
      out.push_back(cells[c]);
    return out;
  };
  TextTable out{pick(t.keys), pick(t.header), pick(t.kinds), {}};
  out.rows.reserve(t.rows.size());
  for (const auto& r : t.rows)
    out.rows.push_back(pick(r));
  return out;
}

// Every column but the note columns that no row fills.
std::vector<std::size_t> filled_columns(const TextTable& t) {
  std::vector<std::size_t> kept;
  for (std::size_t c = 0; c < t.kinds.size(); ++c)
    if (t.kinds[c] != ColumnKind::note ||
        std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& r) { return !r[c].empty(); }))
      kept.push_back(c);
  return kept;
}

// Whether a number shown carries a mark (numbers are cxkpi's own text, so a mark there is
// never input): the small-sample mark after a value, the approximate mark before one.
template <typename Marked>
bool shows_mark(const TextTable& t, Marked marked) {
  for (std::size_t c = 0; c < t.kinds.size(); ++c)
    if (t.kinds[c] == ColumnKind::number &&
        std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& r) { return marked(std::string_view(r[c])); }))
      return true;
  return false;
}

// A cell of a table for people: its control characters written out (escape_controls), so that
// a group or a column name read from the input cannot drive the terminal; in Markdown a `|`
// escaped too (`\|`), so that it cannot end the cell early and shift the row's columns.
std::string shown_cell(std::string_view cell, bool markdown) {
  auto shown = escape_controls(cell);
  if (!markdown) return shown;
  std::string out;
  out.reserve(shown.size());
  for (const char c : shown) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// A table for people (see shown_cell); CSV keeps its cells as they are.
TextTable for_terminal(const TextTable& t, bool markdown) {
  auto shown = t;
  for (auto& cell : shown.header)
    cell = shown_cell(cell, markdown);
  for (auto& row : shown.rows)
    for (auto& cell : row)
      cell = shown_cell(cell, markdown);
  return shown;
}

bool is_formula(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

// The table as CSV or TSV, without a copy of its cells (--fields picks columns as each line is written).
std::string delimited_text(const TextTable& t, const FormatOptions& options) {
  CsvLines lines(t, options);
  for (const auto& r : t.rows)
    lines.add(r);
  return lines.take();
}

}  // namespace

// The lines under a table for people that say what its marks mean.
std::string footnotes(const TextTable& t, bool markdown) {
  std::string out;
  if (shows_mark(t, [](std::string_view cell) { return cell.ends_with(kSmallSampleMark); }))
    out += small_sample_footnote(markdown);
  if (shows_mark(t, [](std::string_view cell) { return cell.ends_with(kSmallTestMark); }))
    out += small_test_footnote(markdown);
  if (shows_mark(t, [](std::string_view cell) { return cell.starts_with(kApproximateMark); }))
    out += approximate_footnote(markdown);
  return out;
}

void TextTable::add_column(std::string key, std::string heading, ColumnKind kind) {
  keys.push_back(std::move(key));
  header.push_back(std::move(heading));
  kinds.push_back(kind);
}

TextTable label_table(const std::vector<std::string>& header) {
  return {header, header, std::vector<ColumnKind>(header.size(), ColumnKind::label), {}};
}

TextTable select_columns(const TextTable& t, const std::vector<std::string>& fields) {
  return pick_columns(t, columns_named(t, fields));
}

std::string render_grid(const TextTable& table, const FormatOptions& options) {
  if (delimited(options)) return delimited_text(table, options);
  const auto shown = !options.fields.empty() ? select_columns(table, options.fields)
                     : for_people(options)   ? pick_columns(table, filled_columns(table))
                                             : table;
  const bool markdown = options.format == OutputFormat::markdown;
  return render_aligned(shown, markdown) + footnotes(shown, markdown);
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  const std::string fill(width - std::min(width, display_width(s)), ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string render_labelled(const LabelledLines& lines) {
  std::size_t width = 0;
  for (const auto& [label, value] : lines)
    width = std::max(width, display_width(escape_controls(label)));
  std::string out;
  for (const auto& [label, value] : lines)
    out += pad(escape_controls(label), width, false) + "  " + escape_controls(value) + "\n";
  return out;
}

std::string render_aligned(const TextTable& table, bool markdown) {
  const auto t = for_terminal(table, markdown);
  std::vector<std::size_t> widths(t.header.size());
  for (std::size_t c = 0; c < widths.size(); ++c) {
    widths[c] = std::max<std::size_t>(display_width(t.header[c]), markdown ? 3 : 0);
    for (const auto& r : t.rows)
      widths[c] = std::max(widths[c], display_width(r[c]));
  }
  const auto right = [&](std::size_t c) { return t.kinds[c] == ColumnKind::number; };
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out = markdown ? "| " : "";
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const bool last = c + 1 == cells.size();
      out += pad(cells[c], widths[c], right(c));
      out += markdown ? (last ? " |" : " | ") : (last ? "" : "  ");
    }
    while (!markdown && !out.empty() && out.back() == ' ')
      out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.header);
  if (markdown) {
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < widths.size(); ++c)
      rule.push_back(right(c) ? std::string(widths[c] - 1, '-') + ":" : std::string(widths[c], '-'));
    out += line(rule);
  }
  for (const auto& r : t.rows)
    out += line(r);
  return out;
}

std::string render_csv(const TextTable& t, bool safe, bool header) {
  FormatOptions options;
  options.format = OutputFormat::csv;
  options.safe_csv = safe;
  options.header = header;
  return delimited_text(t, options);
}

CsvLines::CsvLines(const TextTable& columns, const FormatOptions& options)
    : picked_(columns_named(columns, options.fields)),
      kinds_(columns.kinds),
      safe_(options.safe_csv),
      tsv_(options.format == OutputFormat::tsv) {
  if (options.fields.empty()) {
    picked_.resize(columns.kinds.size());
    std::iota(picked_.begin(), picked_.end(), std::size_t{0});
  }
  if (options.header) line(columns.header, true);
}

void CsvLines::line(const std::vector<std::string>& cells, bool is_header) {
  for (std::size_t i = 0; i < picked_.size(); ++i) {
    const auto c = picked_[i];
    if (i > 0) out_ += tsv_ ? '\t' : ',';
    const bool guarded = safe_ && (is_header || kinds_[c] == ColumnKind::label) && is_formula(cells[c]);
    const auto cell = guarded ? "'" + cells[c] : cells[c];
    out_ += tsv_ ? tsv_escape(cell) : csv_escape(cell);
  }
  out_ += '\n';
}

}  // namespace cxkpi::cli
