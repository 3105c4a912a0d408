#pragma once
// How the columns of an input are read: a header that looks like a known name misspelt is
// refused before any row is read (records/header_check), and -v says on stderr, column by
// column, what each one was read as.

#include <string>
#include <vector>

#include "compute/compute.hpp"
#include "compute/log_scan.hpp"
#include "io/column_map.hpp"
#include "io/table.hpp"

namespace cxkpi::cli {

/// Throws Error for a log's header that looks like a record column misspelt and that no
/// flag names (--map, --label, --group, --by-column), or for a --label naming no column.
void check_log_headers(const TableReader& reader, const ScanSettings& scan);
/// As check_log_headers, for a table of period totals (--map and --label name columns).
void check_period_headers(const TableReader& reader, const FileInputOptions& input);

/// Under -v, says on stderr what each column of a log is read as: a field, a --group or
/// --by-column label, or nothing.
void tell_log_columns(const TableReader& reader, const LogLayout& layout, const ScanSettings& scan);
/// Under -v, says what each column of a period table is read as: a field, the period, a label.
void tell_period_columns(const TableReader& reader, const ColumnMap& columns, const FileInputOptions& input);

}  // namespace cxkpi::cli
