#pragma once
// Rendering a ReportTable: one row per bucket, one column (or JSON object) per metric.

#include <string>

#include "compute/report.hpp"
#include "output/format.hpp"

namespace cxkpi::cli {

std::string render_report(const ReportTable& report, const FormatOptions& options);

}  // namespace cxkpi::cli
