#include "text/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>

namespace cxkpi::cli {

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  return std::equal(text.begin(), text.end(), lower.begin(), lower.end(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b; });
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // Rows of the table: two back (for a swap), the one before and the current one; kept
  // between calls, since a header of a million columns asks this of every known name.
  thread_local std::vector<std::size_t> rows;
  rows.assign(3 * (b.size() + 1), 0);
  auto* two_back = rows.data();
  auto* previous = two_back + b.size() + 1;
  auto* current = previous + b.size() + 1;
  std::iota(previous, previous + b.size() + 1, std::size_t{0});
  std::size_t previous_least = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t least = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      least = std::min(least, current[j]);
    }
    // Every later cell comes from these two rows plus something: past the limit, it stays so.
    if (least > limit && previous_least > limit) return least;
    previous_least = least;
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || u >= 0x80;
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// Whether a camelCase or PascalCase word starts at h[i], a capital inside a word of
// `word` characters: after a lower-case letter or digit ("agentName", "ContactId"), or as
// the last capital of an acronym before a lower-case word ("AWSAccount", "CSATScore").
// A word of one letter keeps its capitals ("eNPS"), and so does a plural's lone "s"
// ("IDs", "AHTs"), so those read as one word.
bool camel_word_starts(std::string_view h, std::size_t i, std::size_t word) {
  if (word < 2 || !is_upper(h[i])) return false;
  const char before = h[i - 1];
  if (is_lower(before) || (before >= '0' && before <= '9')) return true;
  if (!is_upper(before) || i + 1 >= h.size() || !is_lower(h[i + 1])) return false;
  const bool lone_s = h[i + 1] == 's' && (i + 2 >= h.size() || !is_lower(h[i + 2]));
  return !lone_s;
}

// Appends text[i] as people are shown it; returns how many bytes of `text` it took.
std::size_t append_shown(std::string& out, std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7f) {
    out += fmt::format("\\x{:02x}", c);
    return 1;
  }
  const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // U+0080 to U+009F in UTF-8
    out += fmt::format("\\u{:04x}", next);
    return 2;
  }
  out += static_cast<char>(c);  // other UTF-8 bytes pass through; terminals show them
  return 1;
}

}  // namespace

std::string quote_value(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "\"";
  const auto shown = text.substr(0, kMaxShown);
  for (std::size_t i = 0; i < shown.size();) {
    if (shown[i] == '"' || shown[i] == '\\') {
      out.append("\\").append(1, shown[i++]);
    } else {
      i += append_shown(out, shown, i);
    }
  }
  if (text.size() > kMaxShown) out += "…";
  return out + "\"";
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();)
    i += append_shown(out, text, i);
  return out;
}

std::string normalize_header(std::string_view header) {
  std::string out;
  char separator = 0;    // what goes before the next word character: 0, '_' or '.'
  std::size_t word = 0;  // characters of the current word so far
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!is_word_byte(header[i])) {
      // A dot between two word characters is a JSON path step ("Agent.Username"); any other
      // punctuation or space only separates words.
      const bool step = header[i] == '.' && word > 0 && i + 1 < header.size() && is_word_byte(header[i + 1]);
      separator = step ? '.' : '_';
      word = 0;
      continue;
    }
    if (camel_word_starts(header, i, word)) {
      separator = '_';
      word = 0;
    }
    if (separator != 0 && !out.empty()) out += separator;
    separator = 0;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(header[i])));
    ++word;
  }
  return out;
}

bool names_a_rate(std::string_view header) {
  static constexpr std::array<std::string_view, 9> kRateWords{"rate",    "avg",        "average", "mean",  "pct",
                                                              "percent", "percentage", "ratio",   "ratios"};
  if (header.find('%') != std::string_view::npos) return true;
  const auto name = normalize_header(header);
  for (std::size_t start = 0; start < name.size();) {
    const auto end = std::min(name.find_first_of("_.", start), name.size());
    if (std::find(kRateWords.begin(), kRateWords.end(), std::string_view(name).substr(start, end - start)) !=
        kRateWords.end())
      return true;
    start = end + 1;
  }
  return false;
}

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    const auto d = edit_distance(normalize_header(word), normalize_header(c));
    if (best == nullptr || d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  if (best == nullptr || best_distance > std::max<std::size_t>(2, word.size() / 3)) return std::nullopt;
  return *best;
}

}  // namespace cxkpi::cli
