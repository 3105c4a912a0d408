#include "records/header_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>

#include "errors.hpp"
#include "io/column_map.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// How many edits (a letter added, dropped or changed, or two neighbours swapped) a header
// may be from a name and still look like it, by the length of the shorter: none below six
// letters, where one edit makes another word (date and data, time and type, agent and
// agents); one up to eleven (answerd, wiat_s, CreatedAt); two from twelve, where one slip
// rarely comes alone (was_abandoned for is_abandoned).
std::size_t edits_allowed(std::size_t shorter) {
  constexpr std::size_t kShortest = 6;
  constexpr std::size_t kLong = 12;
  return shorter < kShortest ? 0 : shorter < kLong ? 1 : 2;
}

// `name_stem` + `_unit` → {stem, unit} when the last word is a unit of time.
std::optional<std::pair<std::string_view, std::string_view>> split_unit(std::string_view name) {
  constexpr std::array<std::string_view, 14> kUnits{"s",   "sec",  "secs",    "seconds", "ms", "msec", "m",
                                                    "min", "mins", "minutes", "h",       "hr", "hrs",  "hours"};
  const auto cut = name.rfind('_');
  if (cut == std::string_view::npos) return std::nullopt;
  const auto unit = name.substr(cut + 1);
  if (std::find(kUnits.begin(), kUnits.end(), unit) == kUnits.end()) return std::nullopt;
  return std::pair{name.substr(0, cut), unit};
}

// Close names that are other things, not slips: the same measure in another unit (wait_ms
// beside wait_s) and the one who does a thing beside the thing done (viewer, resolver).
bool names_another_thing(std::string_view header, std::string_view name) {
  const auto a = split_unit(header);
  const auto b = split_unit(name);
  if (a && b && a->first == b->first) return true;
  return header.size() == name.size() && header.ends_with("er") && name.ends_with("ed") &&
         header.substr(0, header.size() - 2) == name.substr(0, name.size() - 2);
}

// A header any table knows is no slip, whichever table is read: `opened` is a campaign
// count in a period table, `handle_time` an input of a table of intervals.
bool is_known(std::string_view normalised) {
  return record_role_of_header(normalised) || role_of_header(normalised).kind != ColumnRole::Kind::label ||
         staffing_column_of_header(normalised) != StaffingColumn::none;
}

std::string_view meaning_of(std::string_view name, HeaderNames names) {
  if (names == HeaderNames::records) return record_field_name(*record_role_of_header(name));
  const auto role = role_of_header(name);
  return role.kind == ColumnRole::Kind::field ? name_of(role.field) : std::string_view{"period"};
}

// The bytes `text` holds, as a set of 64 (a byte and the one 64 apart share a place).
std::uint64_t bytes_held(std::string_view text) {
  std::uint64_t set = 0;
  for (const char c : text)
    set |= std::uint64_t{1} << (static_cast<unsigned char>(c) % 64);
  return set;
}

// Fewest edits between two texts holding `a` and `b`: every byte one holds and the other
// lacks takes an edit of its own. A header of a million columns meets every known name, and
// this rules most pairs out (c123456 and talk_s share nothing) before an edit distance.
std::size_t fewest_edits(std::uint64_t a, std::uint64_t b) {
  return static_cast<std::size_t>(std::max(std::popcount(a & ~b), std::popcount(b & ~a)));
}

// A header as it is typed in a shell word.
std::string shell_word(std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-' || c == '=';
  });
  return plain ? std::string(text) : fmt::format("'{}'", text);
}

// A count of answers per score past the ends of every scale (csat_0, csat_11, ces_8, nps_11): read
// as a label, its answers would silently drop out of the score. Why it is refused, if it is.
std::optional<std::string> out_of_scale(std::string_view normalised) {
  struct Scale {
    std::string_view prefix;
    int bottom;
    int top;
  };
  constexpr std::array<Scale, 3> kScales{{{"csat_", 1, 10}, {"ces_", 1, 7}, {"nps_", 0, 10}}};
  for (const auto& [prefix, bottom, top] : kScales) {
    const auto digits = normalised.substr(std::min(prefix.size(), normalised.size()));
    int score = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), score);
    if (!normalised.starts_with(prefix) || digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
      continue;
    if (score < bottom || score > top)
      return fmt::format("counts answers of score {}, outside every scale of {} ({}{} … {}{})", score,
                         prefix.substr(0, prefix.size() - 1), prefix, bottom, prefix, top);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> header_refusal(std::string_view h, HeaderNames names) {
  if (auto reason = out_of_scale(normalize_header(h))) return reason;
  if (const auto m = misspelling_of(h, names)) return misspelling_advice(h, *m);
  return std::nullopt;
}

std::string misspelling_advice(std::string_view header, const Misspelling& m) {
  const auto looks_like = m.name == m.meaning ? std::string(m.name) : fmt::format("{} ({})", m.name, m.meaning);
  return fmt::format("looks like {} misspelt: --map {} reads it as {}, --label {} keeps it a label", looks_like,
                     shell_word(fmt::format("{}={}", m.meaning, header)), m.meaning, shell_word(header));
}

std::optional<Misspelling> misspelling_of(std::string_view header, HeaderNames names) {
  const auto h = normalize_header(header);
  if (h.empty() || is_known(h) || names_a_rate(header)) return std::nullopt;  // "Abandon %" is a rate, no slip
  std::optional<Misspelling> best;
  std::size_t best_edits = 0;
  const auto held = bytes_held(h);
  for (const auto name : names == HeaderNames::records ? record_header_names() : period_header_names()) {
    const auto allowed = edits_allowed(std::min(h.size(), name.size()));
    const auto longer = std::max(h.size(), name.size());
    if (allowed == 0 || longer - std::min(h.size(), name.size()) > allowed) continue;
    if (fewest_edits(held, bytes_held(name)) > allowed) continue;
    const auto edits = edit_distance(h, name, allowed);
    if (edits > allowed || names_another_thing(h, name) || (best && edits >= best_edits)) continue;
    best = Misspelling{name, meaning_of(name, names)};
    best_edits = edits;
  }
  return best;
}

void refuse_misspelt_headers(const std::vector<std::string>& header, HeaderNames names,
                             const std::vector<std::string>& named, const std::vector<std::string>& labels,
                             const std::string& source) {
  for (const auto& label : labels)
    if (!find_column(header, label)) throw no_such_column(header, label, source, "--label");
  std::vector<std::string> refusals;
  for (const auto& h : header) {
    const auto is_named = [&](const std::string& n) { return normalize_header(n) == normalize_header(h); };
    if (std::any_of(named.begin(), named.end(), is_named)) continue;
    if (const auto reason = header_refusal(h, names))
      refusals.push_back(fmt::format("column {} {}", quote_value(h), *reason));
  }
  if (!refusals.empty()) throw Error::data(fmt::format("{}: {}", source, fmt::join(refusals, "; ")));
}

}  // namespace cxkpi::cli
