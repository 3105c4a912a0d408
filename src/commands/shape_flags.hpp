#pragma once
// Flags that mean something for one input shape only: a threshold applied while each contact
// is read means nothing for a period table whose columns the export already counted. Given
// for the other shape, such a flag is refused (exit 64) instead of silently doing nothing.

#include <CLI/CLI.hpp>
#include <string>

namespace cxkpi::cli {

enum class Shape;  // compute/compute.hpp

/// Throws Error (usage) for the first flag given on `app` that does not apply to input of
/// `shape` (the shape of `source`; `detected`: told from its columns, not from --shape).
/// `regroups_tables`: the command sums a period table's rows by --by and --group.
void check_flags_fit_shape(const CLI::App& app, Shape shape, bool detected, const std::string& source,
                           bool regroups_tables = false);

}  // namespace cxkpi::cli
