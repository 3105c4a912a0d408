#include "output/format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cxkpi::cli {

std::string render(const ResultTable& table, const FormatOptions& options) {
  switch (options.format) {
    case OutputFormat::json:
      return render_json(table);
    case OutputFormat::ndjson:
      return render_ndjson(table);
    case OutputFormat::csv:
      return render_csv(table, options);
    case OutputFormat::markdown:
      return render_table(table, options, true);
    case OutputFormat::table:
      break;
  }
  return render_table(table, options, false);
}

}  // namespace cxkpi::cli
