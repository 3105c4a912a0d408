#pragma once
// JSON input: an array of objects, an export's envelope holding one, or objects back to back
// (read whole; see json_rows.hpp), and NDJSON: one object per line (streamed). Nested
// objects flatten to dotted columns ("Agent.Username"); the header is the columns in
// first-seen order (for NDJSON, of its first lines).

#include <memory>
#include <string>

#include "io/table.hpp"

namespace cxkpi::cli {

/// `json_path` (--json-path, "" when not given) names where the rows are.
std::unique_ptr<TableReader> make_json_reader(const std::string& name, const std::string& text,
                                              const std::string& json_path = {});
/// How NDJSON lines are parsed: simdjson's On-Demand parser (lines it does not take plainly
/// go to nlohmann, so messages stay the same), or nlohmann alone (to compare against in tests).
enum class NdjsonParser { simdjson, nlohmann };

std::unique_ptr<TableReader> make_ndjson_reader(InputStream in, std::string head,
                                                NdjsonParser parser = NdjsonParser::simdjson);

/// What parses NDJSON on this machine, for `-v`: the simdjson version and its kernel.
std::string ndjson_parser_description();

}  // namespace cxkpi::cli
