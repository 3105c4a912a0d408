#include "io/json_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "io/encoding_guess.hpp"
#include "io/participants.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// The member parse_json_text adds to an object that repeats a key, holding that key. No
// export writes a key that starts with a NUL.
const std::string kRepeatedKey{"\0repeated key", 13};

// What is wrong with the object a kRepeatedKey member `note` belongs to.
std::string repeated_key_problem(const ojson& note) {
  return fmt::format("key {} is given twice in one object", quote_value(note.get<std::string>()));
}

// Calls leaf(path, value) for each scalar or null member of `object` and, under dotted
// paths, of the objects in it; arrays are passed over. `depth` is the object's own (a row is
// 1). Says in `problem` (when it is empty) why the row cannot be read: an object deeper than
// kMaxJsonDepth (its members are not visited) or a key given twice in one object.
template <class Leaf>
void walk(const ojson& object, std::string& path, std::size_t depth, Leaf& leaf, std::string& problem) {
  if (depth > kMaxJsonDepth) {
    if (problem.empty()) problem = fmt::format("objects are nested more than {} deep", kMaxJsonDepth);
    return;
  }
  for (const auto& [key, value] : object.items()) {
    const auto size = path.size();
    if (size > 0) path += '.';
    path += key;
    if (key == kRepeatedKey && problem.empty())
      problem = repeated_key_problem(value);
    else if (value.is_object())
      walk(value, path, depth + 1, leaf, problem);
    else if (!value.is_array() && key != kRepeatedKey)
      leaf(path, value);
    path.resize(size);
  }
}

// The keys of each object open while parsing, innermost last, and the first key each repeats.
struct OpenObjects {
  std::vector<std::vector<std::string>> keys;
  std::vector<std::string> repeated;

  bool on(ojson::parse_event_t event, ojson& parsed) {
    using Event = ojson::parse_event_t;
    if (event == Event::object_start) {
      keys.emplace_back();
      repeated.emplace_back();
    } else if (event == Event::key) {
      auto& seen = keys.back();
      const auto& key = parsed.get_ref<const std::string&>();
      if (std::find(seen.begin(), seen.end(), key) == seen.end())
        seen.push_back(key);
      else if (repeated.back().empty())
        repeated.back() = key;
    } else if (event == Event::object_end) {
      if (!repeated.back().empty() && parsed.is_object()) parsed[kRepeatedKey] = repeated.back();
      keys.pop_back();
      repeated.pop_back();
    }
    return true;
  }
};

// The text of a scalar as the value parsers expect it; null is a missing cell.
std::string cell_text(const ojson& v) {
  switch (v.type()) {
    case ojson::value_t::string:
      return v.get<std::string>();
    case ojson::value_t::number_integer:
      return std::to_string(v.get<std::int64_t>());
    case ojson::value_t::number_unsigned:
      return std::to_string(v.get<std::uint64_t>());
    case ojson::value_t::number_float:
      return fmt::format("{}", v.get<double>());
    case ojson::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    default:  // null; walk() passes no object or array
      return {};
  }
}

// "an array", "a number", "null": what a value is, for messages.
std::string a_type(const ojson& v) {
  const std::string_view name = v.type_name();
  if (v.is_null()) return "null";
  return fmt::format("{} {}", name.find_first_of("aeiou") == 0 ? "an" : "a", name);
}

// Whether `value` can be the rows of an export: an array that is empty or holds an object.
bool holds_rows(const ojson& value) {
  return value.is_array() &&
         (value.empty() || std::any_of(value.begin(), value.end(), [](const ojson& v) { return v.is_object(); }));
}

std::vector<std::string> row_arrays(const ojson& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items())
    if (holds_rows(value)) out.push_back(key);
  return out;
}

void require_objects(const ojson& rows, const std::string& name, const std::string& path) {
  if (holds_rows(rows)) return;
  throw Error::data(SourcePos{name, 0, 0, path}, "json",
                    fmt::format("expected an array of objects, one per row, but {}[0] is {}", path, a_type(rows[0])));
}

// The rows of a top-level object: its one member array of rows, or that of its "data" object
// (Chatwoot's {"data":{"meta":…,"payload":[…]}}); else the object is one record.
JsonRows rows_of_object(ojson doc, const std::string& name) {
  std::string at = "$";
  ojson* holder = &doc;
  auto arrays = row_arrays(doc);
  if (const auto data = doc.find("data"); arrays.empty() && data != doc.end() && data->is_object()) {
    arrays = row_arrays(*data);
    holder = &*data;
    at = "$.data";
  }
  if (arrays.size() > 1)
    throw Error::data(SourcePos{name, 0, 0, at}, "json",
                      fmt::format("the object holds several arrays ({}); name the rows with --json-path, such as "
                                  "--json-path {}.{}",
                                  fmt::join(arrays, ", "), at, arrays.front()));
  if (arrays.empty()) return {ojson::array({std::move(doc)}), "$", {}};
  return {std::move((*holder)[arrays.front()]), at + "." + arrays.front(), {}};
}

std::vector<std::string> member_names(const ojson& object) {
  std::vector<std::string> names;
  if (object.is_object())
    for (const auto& [key, value] : object.items())
      names.push_back(key);
  return names;
}

// The rows --json-path names: "$.data.payload" (or "data.payload"); "$" is the document.
JsonRows rows_at_path(ojson doc, const std::string& json_path) {
  std::string_view rest = json_path;
  if (rest.starts_with('$')) rest.remove_prefix(1);
  if (rest.starts_with('.')) rest.remove_prefix(1);
  ojson* at = &doc;
  std::string path = "$";
  while (!rest.empty()) {
    const auto dot = rest.find('.');
    const std::string key(rest.substr(0, dot));
    if (!at->is_object() || !at->contains(key))
      throw Error::unknown(fmt::format("--json-path: {} has no member", path), key, member_names(*at), {},
                           HintStyle::quoted);
    at = &(*at)[key];
    path += "." + key;
    rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  }
  if (at->is_object()) return {ojson::array({std::move(*at)}), path, {}};
  if (!at->is_array())
    throw Error::usage(fmt::format("--json-path: {} is {}, not an array of rows or one object", path, a_type(*at)));
  return {std::move(*at), path, {}};
}

}  // namespace

std::size_t json_value_end(std::string_view text, std::size_t begin) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

namespace {

std::size_t skip_blank(std::string_view text, std::size_t from) {
  const auto next = text.find_first_not_of(" \t\r\n", from);
  return next == std::string_view::npos ? text.size() : next;
}

// The byte ranges of two or more objects written back to back ("{…}{…}", or one per line);
// none when `text` is anything else (one document, or invalid JSON for the parser to place).
std::vector<std::pair<std::size_t, std::size_t>> back_to_back_objects(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = skip_blank(text, 0); i < text.size(); i = skip_blank(text, out.back().second)) {
    const auto end = text[i] == '{' ? json_value_end(text, i) : std::string_view::npos;
    if (end == std::string_view::npos) return {};
    out.emplace_back(i, end);
  }
  return out.size() > 1 ? out : decltype(out){};
}

ojson parse_json(const std::string& name, std::string_view all, std::size_t begin, std::size_t end) {
  try {
    return parse_json_text(all.substr(begin, end - begin));
  } catch (const ojson::parse_error& e) {
    throw invalid_json(position_of_byte(name, all, begin + e.byte), e, all.substr(begin, end - begin));
  } catch (const ojson::exception& e) {  // e.g. out_of_range: a number beyond a double
    // One of several records is placed where it starts; a whole document by its path.
    throw unsupported_json(
        begin > 0 || end < all.size() ? position_of_byte(name, all, begin + 1) : SourcePos{name, 0, 0, "$"}, e);
  }
}

// Records written back to back are the rows, in order.
JsonRows back_to_back_rows(const std::string& name, std::string_view text,
                           const std::vector<std::pair<std::size_t, std::size_t>>& objects) {
  JsonRows out;
  out.back_to_back = true;
  for (const auto& [begin, end] : objects)
    out.rows.push_back(parse_json(name, text, begin, end));
  return out;
}

// Rows that each wrap one record alone under the same key ({"ticket":{…}}) are those records.
void unwrap_records(ojson& rows) {
  const auto key = rows.empty() ? std::string() : wrapper_key(rows.front());
  if (key.empty() || std::any_of(rows.begin(), rows.end(), [&](const ojson& r) { return wrapper_key(r) != key; }))
    return;
  for (auto& row : rows) {
    ojson record = std::move(*row.begin());
    row = std::move(record);
  }
}

}  // namespace

void FlatHeader::add(const ojson& row) {
  if (!row.is_object()) return;
  std::string path;
  auto leaf = [this](const std::string& name, const ojson& value) {
    const auto [it, added] = index_.try_emplace(name, names_.size());
    if (added) {
      names_.push_back(name);
      has_value_.push_back(0);
    }
    if (!value.is_null()) has_value_[it->second] = 1;
  };
  std::string problem;  // the row's own, said when it is read
  walk(row, path, 1, leaf, problem);
}

std::vector<std::string> FlatHeader::names() const {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < names_.size(); ++c) {
    const auto& name = names_[c];
    const bool parent = has_value_[c] == 0 && std::any_of(names_.begin(), names_.end(), [&](const std::string& n) {
                          return n.size() > name.size() && n[name.size()] == '.' && n.starts_with(name);
                        });
    if (!parent) out.push_back(name);
  }
  return out;
}

ColumnIndex index_of(const std::vector<std::string>& names) {
  ColumnIndex index;
  for (std::size_t c = 0; c < names.size(); ++c)
    index.emplace(names[c], c);
  return index;
}

void fill_flat_cells(const ojson& row, const ColumnIndex& columns, const SourcePos& at,
                     std::vector<std::string>& cells) {
  if (!row.is_object()) throw Error::data(at, "json", fmt::format("expected an object, got {}", row.type_name()));
  cells.assign(columns.size(), {});
  std::string path;
  auto leaf = [&](const std::string& name, const ojson& value) {
    if (const auto it = columns.find(name); it != columns.end()) cells[it->second] = cell_text(value);
  };
  std::string problem;
  walk(row, path, 1, leaf, problem);
  if (!problem.empty()) throw Error::data(at, "json", problem);
}

ojson parse_json_text(std::string_view text, bool allow_exceptions) {
  OpenObjects open;
  return ojson::parse(
      text, [&open](int, ojson::parse_event_t event, ojson& parsed) { return open.on(event, parsed); },
      allow_exceptions);
}

std::string row_json(const ojson& row) {
  // nlohmann's dump() recurses once per level; a thousand levels stay far inside the stack.
  constexpr std::size_t kMaxShownDepth = 1000;
  std::vector<std::pair<const ojson*, std::size_t>> pending{{&row, 1}};
  while (!pending.empty()) {
    const auto [value, depth] = pending.back();
    pending.pop_back();
    if (!value->is_structured()) continue;
    if (depth > kMaxShownDepth) return fmt::format("(not shown: nested more than {} deep)", kMaxShownDepth);
    for (const auto& child : *value)
      pending.emplace_back(&child, depth + 1);
  }
  return row.dump();
}

std::string wrapper_key(const ojson& row) {
  if (!row.is_object() || row.size() != 1 || !row.begin()->is_object()) return {};
  return row.begin().key();
}

namespace {

// A document whose envelope repeats a key ({"tickets":[…],"tickets":[…]}, or under "data")
// would keep the rows of the last array only: it is refused, as a row that repeats one is.
void refuse_repeated_envelope_key(const ojson& doc, const std::string& name) {
  const auto data = doc.is_object() ? doc.find("data") : doc.end();
  for (const auto* level : {&doc, data != doc.end() ? &*data : nullptr})
    if (level != nullptr && level->is_object())
      if (const auto note = level->find(kRepeatedKey); note != level->end())
        throw Error::data(SourcePos{name, 0, 0, "$"}, "json", repeated_key_problem(*note));
}

}  // namespace

JsonRows json_rows(const std::string& name, std::string_view text, const std::string& json_path) {
  const auto objects = back_to_back_objects(text);
  if (!objects.empty() && !json_path.empty())
    throw Error::usage(
        fmt::format("--json-path: {} holds {} objects one after another, not one document", name, objects.size()));
  JsonRows out;
  if (!objects.empty()) {
    out = back_to_back_rows(name, text, objects);
  } else {
    auto doc = parse_json(name, text, 0, text.size());
    refuse_repeated_envelope_key(doc, name);
    if (!json_path.empty())
      out = rows_at_path(std::move(doc), json_path);
    else
      out = doc.is_object() ? rows_of_object(std::move(doc), name) : JsonRows{std::move(doc), "$", {}};
    if (!out.rows.is_array())
      throw Error::data(SourcePos{name, 0, 0, "$"}, "json",
                        fmt::format("expected an array of objects, got {}", out.rows.type_name()));
    require_objects(out.rows, name, out.path);
  }
  unwrap_records(out.rows);
  fold_participants(out.rows);
  return out;
}

SourcePos position_of_byte(const std::string& name, std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  const auto before = text.substr(0, byte > 0 ? byte - 1 : 0);
  const auto line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto line_start = before.rfind('\n');
  const auto column = before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return {name, line, column, {}};
}

namespace {
// The line of `text` holding byte `at` (at most 64 KiB either side): a line never splits a
// UTF-8 sequence, so what is not UTF-8 in it is the file's own.
std::string_view line_around(std::string_view text, std::size_t at) {
  constexpr std::size_t kReach = std::size_t{64} * 1024;
  at = std::min(at, text.size());
  const auto from = at > kReach ? at - kReach : 0;
  const auto start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const auto begin = start == std::string_view::npos || start < from ? from : start + 1;
  const auto newline = text.find('\n', at);
  const auto end = std::min({newline == std::string_view::npos ? text.size() : newline, at + kReach, text.size()});
  return text.substr(begin, end - begin);
}
}  // namespace

// nlohmann reports "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing value - …"; cxkpi shows the place its own way.
Error invalid_json(const SourcePos& at, const ojson::parse_error& e, std::string_view text) {
  std::string what = e.what();
  const auto k = what.find("syntax error");
  auto reason = k == std::string::npos ? what : what.substr(k);
  if (what.find("UTF-8") != std::string::npos) {
    const auto hint = legacy_encoding_hint(line_around(text, e.byte == 0 ? 0 : e.byte - 1));
    if (!hint.empty()) reason += " (" + hint + ")";
  }
  return Error::data(at, "json", reason);
}

// "[json.exception.out_of_range.406] number overflow parsing '1e999'" → the part after "] ".
Error unsupported_json(const SourcePos& at, const ojson::exception& e) {
  const std::string what = e.what();
  const auto k = what.find("] ");
  return Error::data(at, "json", k == std::string::npos ? what : what.substr(k + 2));
}

}  // namespace cxkpi::cli
