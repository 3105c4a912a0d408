#include "output/format.hpp"

namespace cxkpi::cli {

std::string render(const ResultTable& table, const FormatOptions& options) {
  if (options.format == OutputFormat::json) return render_json(table);
  if (options.format == OutputFormat::ndjson) return render_ndjson(table);
  return render_grid(table, options);
}

}  // namespace cxkpi::cli
