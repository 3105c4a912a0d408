#pragma once
// JSON input: an array of objects, or an object holding one such array (read whole), and
// NDJSON: one object per line (streamed). The header is the keys in first-seen order.

#include <memory>
#include <string>

#include "io/table.hpp"

namespace cxkpi::cli {

std::unique_ptr<TableReader> make_json_reader(const std::string& name, std::string text);
std::unique_ptr<TableReader> make_ndjson_reader(InputStream in, std::string head);

}  // namespace cxkpi::cli
