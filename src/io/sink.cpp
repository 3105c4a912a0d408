#include "io/sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "errors.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void write_stdout(std::string_view text) {
  if (write_all(STDOUT_FILENO, text)) return;
  if (errno == EPIPE) throw BrokenPipe{};
  throw Error::output(std::strerror(errno));
}

// Temporary files to remove if a signal ends the process before they are renamed. The
// handler may only call async-signal-safe functions, so the names are kept in fixed slots
// (cxkpi writes at most -o and --rejects at once) and the handler calls unlink and raise.
constexpr std::size_t kTempSlots = 4;
constexpr std::size_t kTempName = 4096;
std::array<std::array<char, kTempName>, kTempSlots> temp_names{};
std::array<std::atomic<bool>, kTempSlots> temp_live{};

extern "C" void remove_temps_and_reraise(int sig) {
  for (std::size_t i = 0; i < kTempSlots; ++i)
    if (temp_live[i].load()) ::unlink(temp_names[i].data());
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

int hold_temp(const std::string& name) {
  static const bool installed = [] {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
      std::signal(sig, remove_temps_and_reraise);
    return true;
  }();
  (void)installed;
  if (name.size() >= kTempName) return -1;
  for (std::size_t i = 0; i < kTempSlots; ++i) {
    if (temp_live[i].load()) continue;
    std::memcpy(temp_names[i].data(), name.c_str(), name.size() + 1);
    temp_live[i].store(true);
    return static_cast<int>(i);
  }
  return -1;
}

void release_temp(int slot) {
  if (slot >= 0) temp_live[static_cast<std::size_t>(slot)].store(false);
}

// The file a path finally names: a symbolic link is written through, so its target is the
// file replaced (a dangling link names the file it points to).
std::string resolve_links(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec))) return path;
  const auto target = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : target.string();
}

// The new file gets the permissions (and, when we may, the owner) of the file it replaces
// (`replaced`, nullptr when there is none), or those a plain open would give a new file.
void copy_permissions(int fd, const struct stat* replaced) {
  if (replaced != nullptr) {
    ::fchmod(fd, replaced->st_mode & 07777);
    if (::fchown(fd, replaced->st_uid, replaced->st_gid) != 0) {
      // only root may change the owner; the mode is what matters
    }
    return;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path, std::string label)
    : target_(resolve_links(path)), label_(std::move(label)) {
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // Devices and pipes (-o /dev/stdout, /dev/null, a FIFO) are written in place: renaming
    // a temporary file over them would replace the device node itself.
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail(errno);
    return;
  }
  temp_ = target_ + ".XXXXXX";
  fd_ = ::mkostemp(temp_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    temp_.clear();
    fail(errno);
  }
  slot_ = hold_temp(temp_);
  copy_permissions(fd_, exists ? &st : nullptr);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
  release_temp(slot_);
}

void AtomicFile::write(std::string_view text) {
  if (!write_all(fd_, text)) fail(errno);
}

void AtomicFile::commit() {
  if (!temp_.empty() && ::fsync(fd_) != 0) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (temp_.empty()) return;
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
  temp_.clear();
  release_temp(slot_);
  slot_ = -1;
}

void AtomicFile::fail(int err) {
  throw Error::output(label_ + ": " + std::strerror(err));
}

void write_output(std::string_view text, const std::string& path) {
  if (path.empty() || path == "-") return write_stdout(text);
  AtomicFile file(path, path);
  file.write(text);
  file.commit();
}

// Messages end their lines with '\n'; any other control character in them came from the
// input (a header, a group, a label in -v) and is written out (escape_controls), so that it
// cannot drive the terminal.
void write_stderr(std::string_view text) noexcept {
  try {
    std::string shown;
    for (std::size_t start = 0; start < text.size();) {
      const auto end = std::min(text.find('\n', start), text.size());
      shown += escape_controls(text.substr(start, end - start));
      if (end < text.size()) shown += '\n';
      start = end + 1;
    }
    (void)write_all(STDERR_FILENO, shown);
  } catch (...) {  // out of memory: the message as it is beats none
    (void)write_all(STDERR_FILENO, text);
  }
}

void write_stderr_line(std::string_view message) noexcept {
  try {
    (void)write_all(STDERR_FILENO, "cxkpi: " + escape_controls(message) + "\n");
  } catch (...) {  // out of memory: the message as it is beats none
    (void)(write_all(STDERR_FILENO, "cxkpi: ") && write_all(STDERR_FILENO, message) && write_all(STDERR_FILENO, "\n"));
  }
}

void reserve_standard_descriptors() noexcept {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (null >= 0 && null != fd) ::close(null);  // open takes the lowest free number: fd itself
  }
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace cxkpi::cli
