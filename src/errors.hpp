#pragma once
// cxkpi::cli::Error: the one exception type of the CLI. It carries the exit code and, for
// bad input, the place: `calls.csv:1043:7: csat: "six" is not a number (expected 1-5)`.
// Only main() turns it into an exit; nothing else calls std::exit.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cxkpi::cli {

enum class ExitCode : int {
  ok = 0,
  usage = 64,     // unknown flag, missing value, conflicting options
  data = 65,      // bad input data
  no_input = 66,  // input file cannot be opened
  internal = 70,  // a bug
  io = 74,        // output error
};

/// Where in the input a value came from. Rendered `file:line:column`, `file:line` or
/// `file:$[3].key` (JSON); the file is `<stdin>` for standard input.
struct SourcePos {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based field number; 0 when unknown
  std::string path;        // JSON path when line/column are unknown

  [[nodiscard]] std::string str() const;
};

/// How a "did you mean" hint shows the name it suggests: as it is (metric, field and command
/// names), or quoted (a header, which may hold any byte).
enum class HintStyle { plain, quoted };

class Error : public std::runtime_error {
 public:
  // std::runtime_error copies the message whatever it is given, so a reference is enough.
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExitCode code() const { return code_; }
  /// Where bad data was found (file empty when the error has no place).
  [[nodiscard]] const SourcePos& where() const { return where_; }
  /// The column or flag the error is about ("" when none).
  [[nodiscard]] const std::string& field() const { return field_; }
  /// The message without its place: `csat: "six" is not a number (expected 1-5)`.
  [[nodiscard]] std::string_view reason() const { return std::string_view(what()).substr(reason_at_); }

  /// Whether a reader threw this about one row that it has stepped past (a CSV row with the
  /// wrong number of fields, an NDJSON line that is not a JSON object), so that reading can
  /// go on after it. A reader cannot step past a quote never closed or a row over 64 MiB.
  [[nodiscard]] bool row_stepped_past() const { return row_stepped_past_; }
  Error& mark_row_stepped_past() {
    row_stepped_past_ = true;
    return *this;
  }
  /// Whether the error is about the whole read, not the row it was found on (a breakdown
  /// into more buckets than fit in memory): --on-error skip stops on it, as on a usage error.
  [[nodiscard]] bool whole_read() const { return whole_read_; }
  Error& mark_whole_read() {
    whole_read_ = true;
    return *this;
  }
  /// What --on-error skip counts the row as, when not its reason: one count for a kind of
  /// error whose reasons all differ (each repeated id names its own earlier row).
  [[nodiscard]] std::string_view counted_as() const { return counted_as_.empty() ? reason() : counted_as_; }
  void count_as(std::string what) { counted_as_ = std::move(what); }

  static Error usage(const std::string& message) { return {ExitCode::usage, message}; }
  /// The usage error for a `word` that names none of `candidates`: `<what> "<word>"`, a hint
  /// at the closest candidate when one is close (` (did you mean X?)`), then `then`.
  static Error unknown(std::string_view what, std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view then = {}, HintStyle style = HintStyle::plain);
  /// Bad input at `pos`: "<pos>: <field>: <what>".
  static Error data(const SourcePos& pos, std::string_view field, std::string_view what);
  /// Bad input at `pos` that is not about one field (a whole row): "<pos>: <what>".
  static Error data(const SourcePos& pos, std::string_view what);
  static Error data(const std::string& message) { return {ExitCode::data, message}; }
  static Error cannot_open(std::string_view file, std::string_view why);
  static Error output(std::string_view why);

 private:
  static Error placed(const SourcePos& pos, std::string_view reason);

  ExitCode code_;
  SourcePos where_;
  std::string field_;
  std::size_t reason_at_ = 0;  // where the reason starts in the message, after the place
  bool row_stepped_past_ = false;
  bool whole_read_ = false;
  std::string counted_as_;
};

/// " (did you mean X?)" when one of `candidates` is close to `word`, else "".
std::string hint_for(std::string_view word, const std::vector<std::string>& candidates,
                     HintStyle style = HintStyle::plain);

}  // namespace cxkpi::cli
