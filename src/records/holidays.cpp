#include "records/holidays.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "errors.hpp"
#include "io/values.hpp"
#include "records/timestamps.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {

void load_holidays(const std::string& path, BusinessCalendar& calendar) {
  std::ifstream in(path);
  if (!in) throw Error::cannot_open(path, std::strerror(errno));
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    auto text = trim(std::string_view(line).substr(0, line.find_first_of(",#")));
    if (text.empty()) continue;
    std::string error;
    const auto t = parse_timestamp(text, error);
    if (!t || t->written_seconds % kSecondsPerDay != 0 || text.size() != 10)
      throw Error::data(SourcePos{path, number, 1, {}}, "holiday",
                        fmt::format("{} is not a date (expected YYYY-MM-DD)", quote_value(text)));
    calendar.add_holiday(day_of(t->written_seconds));
  }
}

}  // namespace cxkpi::cli
