#include <fmt/format.h>

#include "compute/compute.hpp"
#include "cxkpi/checks.hpp"
#include "errors.hpp"
#include "io/values.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

const NumberInput* given(const std::vector<NumberInput>& numbers, Field f) {
  for (const auto& n : numbers)
    if (n.field == f) return &n;
  return nullptr;
}

}  // namespace

Error flag_value_error(const std::string& flag, const ParsedValue& parsed) {
  auto message = fmt::format("{}: {}", flag, parsed.error);
  return parsed.lost_digits ? Error::usage(message) : Error::data(message);
}

std::string canonical_flag(Field f) {
  std::string flag = "--" + std::string(name_of(f));
  for (auto& c : flag)
    if (c == '_') c = '-';
  return flag;
}

ResultTable compute_from_numbers(const MetricSpec& metric, const Settings& settings,
                                 const std::vector<NumberInput>& numbers) {
  Sums sums;
  for (const auto& n : numbers) {
    const auto parsed = parse_value(n.text, info(n.field).kind);
    if (!parsed.ok()) throw flag_value_error(n.flag, parsed);
    sums.add_raw(n.field, parsed.raw);
  }
  ResultTable table{&metric, metric.plan(settings, sums.present()), {}, {}, {}, {}, {}, {}};
  if (!table.plan.problem.empty()) throw Error::usage(fmt::format("{}: {}", metric.name, table.plan.problem));
  std::vector<std::string> missing;
  for (const Field f : table.plan.required)
    if (!sums.present().has(f)) missing.push_back(canonical_flag(f));
  if (!missing.empty())
    throw Error::usage(fmt::format("{} needs {} (or a FILE with those columns); see cxkpi {} --help", metric.name,
                                   fmt::join(missing, ", "), metric.name));
  auto violation = check_row(sums);
  if (!violation && metric.check != nullptr) violation = metric.check(sums, settings);
  if (violation) {
    const auto* n = given(numbers, violation->part);
    throw Error::data(fmt::format("{}: {}", n ? n->flag : canonical_flag(violation->part), violation->message));
  }
  table.total = metric.finalize(sums, settings);
  table.warnings = table.plan.warnings;
  return table;
}

std::vector<NumberInput> parse_score_counts(const std::string& flag, const std::string& text, ScoreRange range,
                                            Field (*score_field)(int)) {
  std::vector<NumberInput> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    const auto eq = item.find('=');
    if (eq == std::string::npos)
      throw Error::data(fmt::format("{}: {} is not SCORE=COUNT (e.g. 5=120)", flag, quote_value(item)));
    const auto score = parse_integer_in(item.substr(0, eq), range.low, range.high);
    if (!score.ok()) throw Error::data(fmt::format("{}: score {}", flag, score.error));
    const Field f = score_field(static_cast<int>(score.raw));
    if (given(out, f)) throw Error::data(fmt::format("{}: score {} is given twice", flag, score.raw));
    out.push_back({f, flag, item.substr(eq + 1)});
    start = comma + 1;
  }
  return out;
}

}  // namespace cxkpi::cli
