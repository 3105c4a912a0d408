#include "output/sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "errors.hpp"

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

// Devices and pipes (-o /dev/stdout, /dev/null, a FIFO) are written in place: renaming a
// temporary file over them would replace the device node itself.
void write_in_place(std::string_view text, const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw Error::output(path + ": " + std::strerror(errno));
  const bool ok = write_all(fd, text);
  const int saved = errno;
  ::close(fd);
  if (!ok) throw Error::output(path + ": " + std::strerror(saved));
}

void write_file(std::string_view text, const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return write_in_place(text, path);
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw Error::output(path + ": " + std::strerror(errno));
  // mkstemp creates 0600; give the file the permissions a plain open would have.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = ok ? errno : saved;
    ::unlink(temp.c_str());
    throw Error::output(path + ": " + std::strerror(err));
  }
}

}  // namespace

void write_output(std::string_view text, const std::string& path) {
  if (path.empty() || path == "-")
    write_stdout(text);
  else
    write_file(text, path);
}

}  // namespace cxkpi::cli
