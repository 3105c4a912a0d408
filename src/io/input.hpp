#pragma once
// Byte input from a file or standard input, read in chunks (never mapped whole), so memory
// stays flat however large the export is.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace cxkpi::cli {

class ProgressLine;  // io/progress.hpp

class InputStream {
 public:
  /// Opens `path`; "-" is standard input. Throws Error (exit 66) when it cannot be opened.
  static InputStream open(const std::string& path);
  /// Serves `text` (e.g. input converted to UTF-8) under the name `name`.
  static InputStream from_memory(std::string name, std::string text);

  InputStream(InputStream&& other) noexcept;
  InputStream& operator=(InputStream&& other) noexcept;
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;
  ~InputStream();

  /// True for text in memory that has been read to its end (a file or pipe may yet grow).
  [[nodiscard]] bool drained() const { return fd_ < 0 && memory_pos_ == memory_.size(); }
  /// Reads up to `size` bytes; 0 means end of input. Throws Error (exit 66) on a read error.
  std::size_t read(char* buffer, std::size_t size);
  /// From now on, a read that brings a NUL byte throws Error (data): text has none, and the
  /// first 64 KiB, where a binary file shows itself, have been checked before this is called.
  void refuse_nul_bytes() { refuse_nul_ = true; }
  /// Shows a progress line on stderr while this is read, when it is a regular file larger
  /// than `min_bytes` (standard input redirected from one too; a pipe has no size); the line
  /// is erased at the end of the file (or when this closes).
  void show_progress(std::uint64_t min_bytes);
  /// The name used in messages: the path, or `<stdin>`.
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  InputStream(int fd, std::string name, bool owned) : fd_(fd), name_(std::move(name)), owned_(owned) {}
  std::size_t read_bytes(char* buffer, std::size_t size);
  int fd_ = -1;
  std::string name_;
  bool owned_ = false;
  std::string memory_;  // used when fd_ < 0
  std::size_t memory_pos_ = 0;
  bool refuse_nul_ = false;
  std::size_t bytes_read_ = 0;  // for the place of a NUL byte
  struct EraseProgress {        // defined where ProgressLine is complete
    void operator()(ProgressLine* line) const noexcept;
  };
  std::unique_ptr<ProgressLine, EraseProgress> progress_;
};

/// Reads the rest of `in` into a string (for whole-document formats such as a JSON array).
std::string read_all(InputStream& in);

}  // namespace cxkpi::cli
