#pragma once
// Words in messages: a value quoted so that any byte shows, names compared the way headers
// are (case and punctuation aside), and the "did you mean" hint for a misspelt name.

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

/// `text` quoted for a message: shortened to 40 characters, controls escaped as by
/// escape_controls, `"` and `\` with a backslash.
std::string quote_value(std::string_view text);

/// `text` with the characters a terminal acts on written out: C0 controls (ESC, BEL, CR, LF,
/// ...) and DEL as \xNN, C1 controls (U+0080 to U+009F) as \u0080 to \u009f. A value read
/// from the input (a group, a period label, a column name) is shown so to people, so that an
/// escape sequence in it cannot move the cursor, retitle the window or hide a line.
std::string escape_controls(std::string_view text);

/// "Talk Time (s)" → "talk_time_s": lower case, runs of other characters become '_', and
/// camelCase or PascalCase words are split ("agentName" → "agent_name", "ContactId" →
/// "contact_id"). A dot between words is kept, as the step of a flattened JSON path:
/// "Agent.AgentInteractionDuration" → "agent.agent_interaction_duration".
std::string normalize_header(std::string_view header);

/// Whether `text` is `lower` (written in lower case) but for the case of ASCII letters.
bool equals_ignoring_case(std::string_view text, std::string_view lower);

/// Whether a header names a rate or an average rather than a total: a `%` anywhere, or a
/// word such as rate, avg, average, mean, pct, percent or ratio ("Abandoned %", "Answer
/// Rate", "pct_abandoned"). A period table's fields are totals and a log's are per contact,
/// so such a column is never read as one, whatever its other words.
bool names_a_rate(std::string_view header);

/// Edits that turn `a` into `b`: a letter added, dropped or changed, or two neighbours
/// swapped (the optimal string alignment distance). Past `limit` it may stop early and give
/// any number above `limit`: enough to tell "too far", at a few rows' cost.
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t limit = std::numeric_limits<std::size_t>::max());

/// The closest of `candidates` to `word`, if it is close enough to suggest.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cxkpi::cli
