#pragma once
// Headers that look like a known column name misspelt (`answerd` for `answered`). Left
// unread, such a column would silently take its field out of every figure (each contact an
// abandon), so it is refused unless the command line names it: --map reads it as a field,
// --label (or --group, --by-column) as a label.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

/// The names a table is read by: a record log's columns and their aliases, or a period
/// table's fields, their aliases and its period names.
enum class HeaderNames : std::uint8_t { records, periods };

/// A known name a header looks like, misspelt.
struct Misspelling {
  std::string_view name;     // the known name it is close to (`answered`, `contact_id`)
  std::string_view meaning;  // what --map calls it (`answered`, `id`, `period`)
};

/// The known name `header` looks like misspelt, among `names`; none when the header is
/// itself a known name of any table, or no name is close enough (see the .cpp for the rule).
std::optional<Misspelling> misspelling_of(std::string_view header, HeaderNames names);

/// What to do about a header that looks like `m.name` misspelt: `looks like answered
/// misspelt: --map answered=answerd reads it as answered, --label answerd keeps it a label`.
std::string misspelling_advice(std::string_view header, const Misspelling& m);

/// Why `header` is refused unless the command line names it, if it is: it counts answers of
/// a score no scale has (`csat_0`, `ces_8`: `counts answers of score 0, …`), or it looks like
/// a known name misspelt (misspelling_advice).
std::optional<std::string> header_refusal(std::string_view header, HeaderNames names);

/// Throws Error (data, exit 65) naming each header of `header` that looks like a known name
/// misspelt, unless `named` (the columns --map, --label, --group and --by-column name) holds
/// it; and Error (usage) for a --label naming no column.
void refuse_misspelt_headers(const std::vector<std::string>& header, HeaderNames names,
                             const std::vector<std::string>& named, const std::vector<std::string>& labels,
                             const std::string& source);

}  // namespace cxkpi::cli
