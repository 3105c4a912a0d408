#include "io/input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "errors.hpp"
#include "io/progress.hpp"

namespace cxkpi::cli {

InputStream InputStream::open(const std::string& path) {
  if (path == "-") return {STDIN_FILENO, "<stdin>", false};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error::cannot_open(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error::cannot_open(path, "is a directory");
  }
  return {fd, path, true};
}

InputStream InputStream::from_memory(std::string name, std::string text) {
  InputStream in(-1, std::move(name), false);
  in.memory_ = std::move(text);
  return in;
}

InputStream::InputStream(InputStream&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      name_(std::move(other.name_)),
      owned_(std::exchange(other.owned_, false)),
      memory_(std::move(other.memory_)),
      memory_pos_(std::exchange(other.memory_pos_, 0)),
      refuse_nul_(other.refuse_nul_),
      bytes_read_(other.bytes_read_),
      progress_(std::move(other.progress_)) {}

InputStream& InputStream::operator=(InputStream&& other) noexcept {
  if (this != &other) {
    if (owned_) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    name_ = std::move(other.name_);
    owned_ = std::exchange(other.owned_, false);
    memory_ = std::move(other.memory_);
    memory_pos_ = std::exchange(other.memory_pos_, 0);
    refuse_nul_ = other.refuse_nul_;
    bytes_read_ = other.bytes_read_;
    progress_ = std::move(other.progress_);
  }
  return *this;
}

InputStream::~InputStream() {
  if (owned_) ::close(fd_);
}

std::size_t InputStream::read(char* buffer, std::size_t size) {
  const auto n = read_bytes(buffer, size);
  if (refuse_nul_)
    if (const auto* nul = static_cast<const char*>(std::memchr(buffer, 0, n)))
      throw Error::data(fmt::format("{}: byte {} is a NUL: the input holds binary data, which no text export has",
                                    name_, bytes_read_ + static_cast<std::size_t>(nul - buffer) + 1));
  bytes_read_ += n;
  if (progress_) {
    progress_->advance(buffer, n);
    if (n == 0) progress_.reset();  // the end of the file: the line is erased
  }
  return n;
}

void InputStream::show_progress(std::uint64_t min_bytes) {
  struct stat st {};
  if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return;  // a pipe has no size to measure by
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > min_bytes) progress_.reset(new ProgressLine(name_, size));
}

void InputStream::EraseProgress::operator()(ProgressLine* line) const noexcept {
  delete line;
}

std::size_t InputStream::read_bytes(char* buffer, std::size_t size) {
  if (fd_ < 0) {
    const auto n = std::min(size, memory_.size() - memory_pos_);
    std::memcpy(buffer, memory_.data() + memory_pos_, n);
    memory_pos_ += n;
    return n;
  }
  for (;;) {
    const auto n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) throw Error::cannot_open(name_, std::strerror(errno));
  }
}

std::string read_all(InputStream& in) {
  std::string out;
  constexpr std::size_t kChunk = 1 << 16;
  for (;;) {
    const auto old_size = out.size();
    out.resize(old_size + kChunk);
    const auto n = in.read(out.data() + old_size, kChunk);
    out.resize(old_size + n);
    if (n == 0) return out;
  }
}

}  // namespace cxkpi::cli
