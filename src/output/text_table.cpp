#include "output/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "errors.hpp"
#include "text/csv.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
void select_columns(TextTable& t, const std::vector<std::string>& fields) {
  std::vector<std::size_t> picked;
  for (const auto& f : fields) {
    const auto it = std::find(t.keys.begin(), t.keys.end(), f);
    if (it == t.keys.end()) {
      const auto hint = did_you_mean(f, t.keys);
      throw Error::usage(fmt::format("--fields: no column {}{} (columns: {})", quote_value(f),
                                     hint ? fmt::format(" (did you mean {}?)", *hint) : "", fmt::join(t.keys, ", ")));
    }
    picked.push_back(static_cast<std::size_t>(it - t.keys.begin()));
  }
  const auto pick = [&](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    for (const auto c : picked)
      out.push_back(cells[c]);
    return out;
  };
  for (std::size_t c = 0; c < t.text_columns; ++c)
    t.left_columns.push_back(t.header[c]);
  t.text_columns = 0;
  t.header = pick(t.header);
  t.keys = pick(t.keys);
  for (auto& r : t.rows)
    r = pick(r);
}

std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  const std::string fill(width - std::min(width, display_width(s)), ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string render_labelled(const LabelledLines& lines) {
  std::size_t width = 0;
  for (const auto& [label, value] : lines)
    width = std::max(width, display_width(label));
  std::string out;
  for (const auto& [label, value] : lines)
    out += pad(label, width, false) + "  " + value + "\n";
  return out;
}

std::string render_aligned(const TextTable& t, bool markdown) {
  std::vector<std::size_t> widths(t.header.size());
  for (std::size_t c = 0; c < widths.size(); ++c) {
    widths[c] = std::max<std::size_t>(display_width(t.header[c]), markdown ? 3 : 0);
    for (const auto& r : t.rows)
      widths[c] = std::max(widths[c], display_width(r[c]));
  }
  const auto right = [&](std::size_t c) {
    return c >= t.text_columns &&
           std::find(t.left_columns.begin(), t.left_columns.end(), t.header[c]) == t.left_columns.end();
  };
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
  std::string out;
  const auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += ',';
      const bool label = is_header || c < t.text_columns;
      const bool formula =
          !cells[c].empty() && std::string_view("=+-@\t\r").find(cells[c].front()) != std::string_view::npos;
      out += csv_escape(safe && label && formula ? "'" + cells[c] : cells[c]);
    }
    out += '\n';
  };
  if (header) line(t.header, true);
  for (const auto& r : t.rows)
    line(r, false);
  return out;
}

}  // namespace cxkpi::cli
