#pragma once
// The progress line shown on stderr while a large file is read on a terminal: bytes read of
// the file's size, rows a second and the time left, redrawn at most four times a second and
// erased once the file is read. Whether to show one (a terminal, no --quiet, a file large
// enough) is the command's choice (FileInputOptions::progress_over); this only draws it.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cxkpi::cli {

class ProgressLine {
 public:
  ProgressLine(std::string name, std::uint64_t total_bytes);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine();

  /// Counts `n` bytes read (and the line ends among them, as rows) and redraws the line when
  /// the last drawing is old enough.
  void advance(const char* bytes, std::size_t n);

 private:
  using Clock = std::chrono::steady_clock;
  std::string name_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  std::uint64_t rows_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point drawn_{};
  bool shown_ = false;
};

/// One drawing of the line: "cxkpi: calls.csv: 120 MB of 512 MB (23 %), 1.2 M rows/s, 0:42
/// left"; rate and time left once `seconds` > 0.
std::string progress_text(std::string_view name, std::uint64_t done, std::uint64_t total, std::uint64_t rows,
                          double seconds);

}  // namespace cxkpi::cli
