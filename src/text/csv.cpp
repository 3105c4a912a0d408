#include "text/csv.hpp"

namespace cxkpi::cli {

std::string csv_escape(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tsv_escape(std::string_view cell) {
  if (cell.find_first_of("\t\n\r\\") == std::string_view::npos) return std::string(cell);
  std::string out;
  out.reserve(cell.size() + 2);
  for (const char c : cell) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace cxkpi::cli
