#pragma once
// Writing the rendered output: to stdout, or to `-o FILE` through a temporary file that is
// renamed into place, so a cron job never sees a half-written file.

#include <string>
#include <string_view>

namespace cxkpi::cli {

/// Thrown when the reader of our stdout went away (`cxkpi … | head`): exit quietly with 0.
struct BrokenPipe {};

/// A file written whole or not at all: the bytes go to a temporary file beside the target,
/// which commit() renames into place. The target keeps its permissions, a symbolic link is
/// written through (its target is replaced, the link stays), and the temporary file is
/// removed if the file is never committed, also on SIGINT, SIGTERM and SIGHUP. Devices and
/// pipes (`/dev/stdout`, a FIFO) are written in place. Every failure is Error (exit 74).
class AtomicFile {
 public:
  /// `label` names the file in messages (e.g. "--rejects out.ndjson").
  AtomicFile(const std::string& path, std::string label);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void write(std::string_view text);
  void commit();

 private:
  [[noreturn]] void fail(int err);

  std::string target_;  // the file finally written (a link's target)
  std::string label_;
  std::string temp_;  // empty when writing in place
  int fd_ = -1;
  int slot_ = -1;  // the signal-cleanup slot that holds temp_
};

/// Writes `text` to `path` ("" or "-" = stdout). Throws Error (exit 74) on failure.
void write_output(std::string_view text, const std::string& path);

/// Writes to stderr and ignores failure: a full disk, a closed stderr or a logger that went
/// away must never change a result or an exit code.
void write_stderr(std::string_view text) noexcept;

/// Writes `cxkpi: <message>` as one line of stderr, as write_stderr does: every control
/// character of `message` is escaped, a line feed too (`\x0a`), so that a label or a value
/// holding one cannot split the message or forge a line of its own.
void write_stderr_line(std::string_view message) noexcept;

/// Makes sure descriptors 0, 1 and 2 are open (on /dev/null if closed), so that a file we
/// open never becomes "stderr" when cxkpi was started with `2>&-`.
void reserve_standard_descriptors() noexcept;

/// True when `a` and `b` name the same existing file (through links, `.`, hard links).
bool same_file(const std::string& a, const std::string& b);

}  // namespace cxkpi::cli
