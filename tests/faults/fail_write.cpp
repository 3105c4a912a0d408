// A write(2) that fails on purpose, loaded with LD_PRELOAD by check_write_failures.py: the writes to
// any file whose path contains $CXKPI_FAULT_PATH let $CXKPI_FAULT_AFTER bytes through (0 when
// unset), then fail with ENOSPC, as a full disk does part of the way through a file, or with
// the errno $CXKPI_FAULT_ERRNO gives (5, EIO: a failing disk or a lost network mount). With
// $CXKPI_FAULT_SLEEP_MS they are slowed down instead (each sleeps that long and then
// succeeds), so that a test can signal cxkpi while its temporary file exists.
#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace {

using WriteFn = ssize_t (*)(int, const void*, size_t);

WriteFn real_write() {
  static const auto fn = reinterpret_cast<WriteFn>(dlsym(RTLD_NEXT, "write"));
  return fn;
}

// Whether `fd` is open on a path that contains `part`.
bool names(int fd, const char* part) {
  char link[64];
  char path[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const auto length = readlink(link, path, sizeof path - 1);
  if (length < 0) return false;
  path[length] = '\0';
  return std::strstr(path, part) != nullptr;
}

std::size_t env_number(const char* name) {
  const char* text = std::getenv(name);
  return text == nullptr ? 0 : static_cast<std::size_t>(std::strtoull(text, nullptr, 10));
}

void sleep_ms(std::size_t ms) {
  timespec pause{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
  while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
  }
}

std::size_t let_through = 0;  // bytes written so far to the failing path

}  // namespace

extern "C" ssize_t write(int fd, const void* buf, size_t n) {
  const char* part = std::getenv("CXKPI_FAULT_PATH");
  if (part == nullptr || *part == '\0' || !names(fd, part)) return real_write()(fd, buf, n);
  if (const auto ms = env_number("CXKPI_FAULT_SLEEP_MS"); ms > 0) {
    sleep_ms(ms);
    return real_write()(fd, buf, n);
  }
  const auto after = env_number("CXKPI_FAULT_AFTER");
  if (let_through < after) {
    const auto written = real_write()(fd, buf, n < after - let_through ? n : after - let_through);
    if (written > 0) let_through += static_cast<std::size_t>(written);
    return written;
  }
  const auto err = env_number("CXKPI_FAULT_ERRNO");
  errno = err > 0 ? static_cast<int>(err) : ENOSPC;
  return -1;
}
