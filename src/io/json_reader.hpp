#pragma once
// JSON input: an array of objects, or an object holding one such array (read whole), and
// NDJSON: one object per line (streamed). The header is the keys in first-seen order.

#include <memory>
#include <string>

#include "io/table.hpp"

namespace cxkpi::cli {

std::unique_ptr<TableReader> make_json_reader(const std::string& name, const std::string& text);
/// How NDJSON lines are parsed: simdjson's On-Demand parser (lines it does not take plainly
/// go to nlohmann, so messages stay the same), or nlohmann alone (to compare against in tests).
enum class NdjsonParser { simdjson, nlohmann };

std::unique_ptr<TableReader> make_ndjson_reader(InputStream in, std::string head,
                                                NdjsonParser parser = NdjsonParser::simdjson);

/// What parses NDJSON on this machine, for `-v`: the simdjson version and its kernel.
std::string ndjson_parser_description();

}  // namespace cxkpi::cli
