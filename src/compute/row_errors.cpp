#include "compute/row_errors.hpp"

#include <fmt/format.h>

#include <limits>

#include "text/csv.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

// The largest sum a field keeps exactly: int64 in its own units (1 for counts, 1/10000 for
// seconds and money).
std::string largest_sum(Field f) {
  const auto max = std::numeric_limits<std::int64_t>::max();
  const auto scale = scale_of(f);
  return scale == 1 ? std::to_string(max) : fmt::format("{}.{:04}", max / scale, max % scale);
}

// The row as CSV text (cells joined, quoted where needed): what the rejects file keeps.
std::string row_text(const TableReader& reader) {
  std::vector<std::string_view> cells;
  for (std::size_t c = 0; c < reader.header().size(); ++c)
    cells.push_back(reader.cell(c));
  return csv_line(cells);
}

// A row not read into cells: as the input writes it, or the fields a CSV row was split into.
std::string unread_row_text(const TableReader& reader) {
  auto text = reader.source_text();
  return text.empty() ? csv_line(reader.row()) : text;
}

}  // namespace

RowErrors::RowErrors(const RowErrorPolicy& policy) : policy_(policy) {
  if (!policy_.rejects_path.empty())
    rejects_ = std::make_unique<AtomicFile>(policy_.rejects_path, "--rejects " + policy_.rejects_path);
}

RowErrors::~RowErrors() = default;

void RowErrors::keep_rejected(const Error& error, std::string row) {
  nlohmann::ordered_json line;
  line["source"] = error.where().str();
  line["reason"] = error.what();
  line["row"] = std::move(row);
  pending_ += dump_json(line);
  pending_ += '\n';
  if (pending_.size() >= kRejectsBuffer) flush_rejects();
}

void RowErrors::flush_rejects() {
  rejects_->write(pending_);
  pending_.clear();
}

void RowErrors::commit_rejects() {
  if (rejects_ == nullptr) return;
  flush_rejects();
  rejects_->commit();
  rejects_.reset();
}

Error sum_overflow_at(const SumOverflow& overflow, const TableReader& reader) {
  auto where = reader.where(0);
  where.column = 0;  // the sum is the row's, not one cell's
  return Error::data(where, fmt::format("{}: this row takes it past {}", overflow.what(), largest_sum(overflow.field)));
}

void RowErrors::report(const Error& error, const TableReader& reader) {
  skip(error, reader, false);
}

void RowErrors::report_unread(const Error& error, const TableReader& reader) {
  if (!error.row_stepped_past()) throw error;
  skip(error, reader, true);
}

void RowErrors::skip(const Error& error, const TableReader& reader, bool unread) {
  if (!policy_.skip || error.whole_read()) throw error;
  ++counts_[std::string(error.counted_as())];  // counted without the place: "field: message"
  ++total_;
  if (rejects_ != nullptr) keep_rejected(error, unread ? unread_row_text(reader) : row_text(reader));
  if (policy_.max_errors && total_ > *policy_.max_errors) {
    commit_rejects();  // the rows that made the run fail are what the user will look at
    throw Error(ExitCode::data,
                fmt::format("more than {} bad rows (--max-errors); the last: {}", *policy_.max_errors, error.what()));
  }
}

void RowErrors::finish(std::vector<std::string>& warnings) {
  commit_rejects();
  for (const auto& [reason, count] : counts_)
    warnings.push_back(fmt::format("skipped {} bad row{}: {}", count, count == 1 ? "" : "s", reason));
}

}  // namespace cxkpi::cli
