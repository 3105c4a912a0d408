#include "io/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Four drawings a second at most: enough to see it move, too few to slow the reading.
constexpr auto kRedraw = std::chrono::milliseconds(250);

// Carriage return and erase to the end of the line (ECMA-48 EL): the next drawing, or
// whatever is written to stderr after the file is read, starts on a clean line.
constexpr std::string_view kErase = "\r\x1b[K";

// Writes the line's own controls as they are (write_stderr would escape them), ignoring
// failure as every stderr message does; the text drawn has its controls escaped.
void write_raw(std::string_view rest) noexcept {
  while (!rest.empty()) {
    const auto n = ::write(STDERR_FILENO, rest.data(), rest.size());
    if (n <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

void draw(std::string_view text) noexcept {
  write_raw(kErase);
  write_raw(text);
}

std::string bytes_text(std::uint64_t bytes) {
  constexpr std::array<std::string_view, 4> kUnits{"B", "kB", "MB", "GB"};
  auto value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < kUnits.size()) {
    value /= 1000;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::string rate_text(double per_second) {
  if (per_second >= 1e6) return fmt::format("{:.1f} M", per_second / 1e6);
  if (per_second >= 1e3) return fmt::format("{:.1f} k", per_second / 1e3);  // "1.2 k rows/s"
  return fmt::format("{:.0f}", per_second);
}

std::string clock_text(double seconds) {
  const auto s = static_cast<std::int64_t>(std::ceil(seconds));
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string progress_text(std::string_view name, std::uint64_t done, std::uint64_t total, std::uint64_t rows,
                          double seconds) {
  const auto percent = total == 0 ? 100 : static_cast<int>(100 * std::min(done, total) / total);
  auto text = fmt::format("cxkpi: {}: {} of {} ({} %)", name, bytes_text(done), bytes_text(total), percent);
  if (seconds <= 0 || done == 0) return text;
  const auto bytes_per_second = static_cast<double>(done) / seconds;
  const auto left = static_cast<double>(total > done ? total - done : 0) / bytes_per_second;
  return text + fmt::format(", {} rows/s, {} left", rate_text(static_cast<double>(rows) / seconds), clock_text(left));
}

ProgressLine::ProgressLine(std::string name, std::uint64_t total_bytes) : name_(std::move(name)), total_(total_bytes) {}

ProgressLine::~ProgressLine() {
  if (shown_) draw({});
}

void ProgressLine::advance(const char* bytes, std::size_t n) {
  done_ += n;
  // Rows are counted as line ends: a quoted cell's line break counts too, which only nudges a speed.
  rows_ += static_cast<std::uint64_t>(std::count(bytes, bytes + n, '\n'));
  const auto now = Clock::now();
  if (shown_ && now - drawn_ < kRedraw) return;
  drawn_ = now;
  shown_ = true;
  const std::chrono::duration<double> elapsed = now - start_;
  draw(escape_controls(progress_text(name_, done_, total_, rows_, elapsed.count())));
}

}  // namespace cxkpi::cli
