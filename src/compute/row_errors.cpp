#include "compute/row_errors.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "text/csv.hpp"
#include "text/json.hpp"

namespace cxkpi::cli {
namespace {

// The row as CSV text (cells joined, quoted where needed): what the rejects file keeps.
std::string row_text(const TableReader& reader) {
  std::string out;
  for (std::size_t c = 0; c < reader.header().size(); ++c) {
    if (c > 0) out += ',';
    out += csv_escape(reader.cell(c));
  }
  return out;
}

}  // namespace

RowErrors::RowErrors(const RowErrorPolicy& policy) : policy_(policy) {
  if (policy_.rejects_path.empty()) return;
  rejects_ = std::fopen(policy_.rejects_path.c_str(), "w");
  if (rejects_ == nullptr)
    throw Error::output(fmt::format("--rejects {}: {}", policy_.rejects_path, std::strerror(errno)));
}

RowErrors::~RowErrors() {
  if (rejects_ != nullptr) std::fclose(rejects_);
}

void RowErrors::report(const Error& error, const TableReader& reader) {
  if (!policy_.skip) throw error;
  // "file:line:col: field: message" is counted as "field: message", without the place.
  const std::string what = error.what();
  const auto place_end = error.where().file.empty() ? std::string::npos : what.find(": ");
  ++counts_[place_end == std::string::npos ? what : what.substr(place_end + 2)];
  ++total_;
  if (rejects_ != nullptr) {
    nlohmann::ordered_json line;
    line["source"] = error.where().str();
    line["reason"] = what;
    line["row"] = row_text(reader);
    const auto text = dump_json(line) + "\n";
    if (std::fwrite(text.data(), 1, text.size(), rejects_) != text.size())
      throw Error::output(fmt::format("--rejects {}: {}", policy_.rejects_path, std::strerror(errno)));
  }
  if (policy_.max_errors && total_ > *policy_.max_errors)
    throw Error(ExitCode::data,
                fmt::format("more than {} bad rows (--max-errors); the last: {}", *policy_.max_errors, what));
}

void RowErrors::add_warnings(std::vector<std::string>& warnings) const {
  for (const auto& [reason, count] : counts_)
    warnings.push_back(fmt::format("skipped {} bad row{}: {}", count, count == 1 ? "" : "s", reason));
}

}  // namespace cxkpi::cli
