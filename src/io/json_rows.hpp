#pragma once
// Where the rows of a JSON export are, and the cells of a row. Exports wrap their records in
// an envelope ({"tickets":[…],"next_page":…}, {"data":{"payload":[…]}}), write them back to
// back with no separator (Kinesis Firehose objects in S3), wrap each alone
// ({"ticket":{…}}), and nest objects in them: nested objects flatten to dotted column names
// ("Agent.Username"); arrays inside a row are not columns.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "errors.hpp"

namespace cxkpi::cli {

// ordered_json keeps keys in file order, so the header reads as the file does.
using ojson = nlohmann::ordered_json;

/// Objects nested deeper than this in a row are refused (exit 65), as flattening recurses.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// A column's index by its flattened name (viewing the header, which must outlive it).
using ColumnIndex = std::unordered_map<std::string_view, std::size_t>;

/// The columns of flattened rows: the dotted paths of scalar and null members, in the order
/// first seen.
class FlatHeader {
 public:
  /// Adds the paths of `row` not seen yet. Arrays add none; objects deeper than
  /// kMaxJsonDepth are not entered (reading that row fails).
  void add(const ojson& row);
  /// The column names. A path that was null wherever it was seen is left out when an object
  /// in another row has members below it: `"Queue": null` beside `"Queue": {"Name": …}`.
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::vector<std::string> names_;
  std::vector<char> has_value_;  // a row held something other than null there
  std::unordered_map<std::string, std::size_t> index_;
};

/// `text` parsed as ojson::parse does (throwing as it does; with `allow_exceptions` false,
/// giving a discarded value instead), except that a key given twice in one object is not
/// silently given its last value: the object keeps a note of it, and fill_flat_cells refuses
/// the row that holds it.
ojson parse_json_text(std::string_view text, bool allow_exceptions = true);

/// One entry per name: its position.
ColumnIndex index_of(const std::vector<std::string>& names);

/// Fills `cells` (one per column of `columns`) from `row` flattened; members whose path is
/// not a column are ignored, and null is a missing cell. Throws Error at `at` for a row that
/// is not an object, nests objects deeper than kMaxJsonDepth or repeats a key in an object.
void fill_flat_cells(const ojson& row, const ColumnIndex& columns, const SourcePos& at,
                     std::vector<std::string>& cells);

/// `row` as JSON text, for --rejects; a row nested deeper than the serializer can recurse
/// through safely is described instead.
std::string row_json(const ojson& row);

/// The key of a record wrapped alone in an object (`{"ticket":{…}}` → "ticket"), or "".
std::string wrapper_key(const ojson& row);

/// The rows of a JSON document and where they were found.
struct JsonRows {
  ojson rows = ojson::array();
  std::string path = "$";     // the JSON path of the rows: "$", "$.tickets", "$.data.payload"
  bool back_to_back = false;  // objects written one after another, "$[2]" the third of them
};

/// The rows of the JSON text `text` read from `name`: the document's array; else the one
/// member array of objects of its top-level object (or of its "data" object), the other
/// members (next_page, count, meta) being ignored; else the object itself as one row.
/// Objects written back to back are the rows, and rows that each wrap one record alone are
/// unwrapped. `json_path` ("$.data.payload", from --json-path) names the rows instead.
/// Throws Error for invalid JSON, an array that holds no objects, and two candidate arrays.
JsonRows json_rows(const std::string& name, std::string_view text, const std::string& json_path);

/// Where the object or array starting at text[begin] ('{' or '[') ends: the position after
/// the bracket that closes it, or npos when none does. Strings are passed over; nothing else
/// is checked (the parser does that).
std::size_t json_value_end(std::string_view text, std::size_t begin);

/// The line and column of byte `byte` (1-based, as nlohmann counts) of `text`.
SourcePos position_of_byte(const std::string& name, std::string_view text, std::size_t byte);
/// The error for invalid JSON (nlohmann's message, without its prefix) at `at`, in `text`
/// (what was parsed): for ill-formed UTF-8 in text that looks like Latin-1 or Windows-1252,
/// the message says which --encoding to try.
Error invalid_json(const SourcePos& at, const ojson::parse_error& e, std::string_view text);
/// The error for JSON that parses but cannot be held (a number beyond a double).
Error unsupported_json(const SourcePos& at, const ojson::exception& e);

}  // namespace cxkpi::cli
