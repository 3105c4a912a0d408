#include "io/participants.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace cxkpi::cli {
namespace {

// A Genesys participant: an object with a text purpose.
bool is_participant(const ojson& p) {
  return p.is_object() && p.contains("purpose") && p["purpose"].is_string();
}

bool folds(const ojson& row) {
  if (!row.is_object() || !row.contains("participants")) return false;
  const auto& list = row["participants"];
  return list.is_array() && !list.empty() && std::all_of(list.begin(), list.end(), is_participant);
}

// The first value of `key` that is text: one name for the purpose, as a column
// holds one value.
void keep_first(ojson& into, const ojson& from, const char* key) {
  if (!into.contains(key) && from.contains(key) && from[key].is_string()) into[key] = from[key];
}

// A metric's whole-number value, as the API writes them (milliseconds for t*,
// counts for n*).
std::optional<std::int64_t> whole_value(const ojson& m) {
  if (!m.is_object() || !m.contains("value")) return std::nullopt;
  const auto& value = m["value"];
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return std::nullopt;
  if (!value.is_number_integer()) return std::nullopt;
  return value.get<std::int64_t>();
}

// A session's metrics added to its purpose's, summed exactly. A value that is
// no whole number, or a sum past int64, makes the metric unknown (null: a blank
// cell) for the purpose.
void add_metrics(ojson& into, const ojson& session) {
  if (!session.contains("metrics") || !session["metrics"].is_array()) return;
  for (const auto& m : session["metrics"]) {
    if (!m.is_object() || !m.contains("name") || !m["name"].is_string()) continue;
    const auto& name = m["name"].get_ref<const std::string&>();
    const auto value = whole_value(m);
    const bool seen = into.contains(name);
    auto& sum = into[name];
    std::int64_t total = value.value_or(0);
    if (seen && !sum.is_number_integer()) {  // already unknown (null), or a name kept as text
      continue;
    }
    if (!value || (seen && __builtin_add_overflow(sum.get<std::int64_t>(), *value, &total)))
      sum = nullptr;
    else
      sum = total;
  }
}

void fold_row(ojson& row) {
  auto by_purpose = ojson::object();
  for (const auto& p : row["participants"]) {
    auto& into = by_purpose[p["purpose"].get<std::string>()];
    if (into.is_null()) into = ojson::object();
    keep_first(into, p, "participantName");
    keep_first(into, p, "userId");
    if (!p.contains("sessions") || !p["sessions"].is_array()) continue;
    for (const auto& s : p["sessions"]) {
      if (!s.is_object()) continue;
      keep_first(into, s, "mediaType");
      add_metrics(into, s);
    }
  }
  row["participants"] = std::move(by_purpose);
}

}  // namespace

void fold_participants(ojson& rows) {
  for (auto& row : rows)
    if (folds(row)) fold_row(row);
}

}  // namespace cxkpi::cli
