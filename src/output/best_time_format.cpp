#include "output/best_time_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "output/cells.hpp"
#include "output/html_page.hpp"
#include "output/json_values.hpp"
#include "output/text_table.hpp"
#include "text/ansi.hpp"
#include "text/json.hpp"
#include "text/numbers.hpp"

namespace cxkpi::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kDefinition = "100 × answered / offered per local weekday × hour of opened_at";

struct Figures {
  Result rate;
  Result asa;
  // Why a figure is null: the rate's reason when it has none, else the asa's.
  [[nodiscard]] std::string reason() const { return !rate.value ? rate.reason : !asa.value ? asa.reason : ""; }
};

Figures figures(const BestTimeReport& r, const CallCounts& c) {
  Figures f{answer_rate(c), answer_speed(c)};
  if (!r.waits && f.asa.value) {
    f.asa.value.reset();
    f.asa.reason = "no wait_s column";
  }
  return f;
}

// What the two counts are called for people: calls offered and answered, or dial attempts and connects.
struct Words {
  std::string_view offered;
  std::string_view answered;
  std::string_view rate;
};
Words words(const BestTimeReport& r) {
  return r.outbound ? Words{"attempts", "connects", "connect rate"} : Words{"offered", "answered", "answer rate"};
}

std::string hour_label(int hour) {
  return fmt::format("{:02}", hour);
}

// ---- JSON and NDJSON ----------------------------------------------------------------

ordered_json counts_json(const BestTimeReport& r, ordered_json o, const CallCounts& c) {
  const auto f = figures(r, c);
  o["offered"] = c.offered;
  o["answered"] = c.answered;
  o["answer_rate"] = f.rate.value ? json_number(*f.rate.value) : ordered_json(nullptr);
  o["asa"] = f.asa.value ? json_number(*f.asa.value) : ordered_json(nullptr);
  if (const auto why = f.reason(); !why.empty()) o["reason"] = why;
  return o;
}

ordered_json slot_json(const BestTimeReport& r, Slot s, ordered_json o = ordered_json::object()) {
  o["weekday"] = kWeekdayNames[static_cast<std::size_t>(s.weekday)];
  o["hour"] = s.hour;
  return counts_json(r, std::move(o), r.grid.at(s));
}

ordered_json weekday_json(const BestTimeReport& r, int weekday, ordered_json o = ordered_json::object()) {
  o["weekday"] = kWeekdayNames[static_cast<std::size_t>(weekday)];
  return counts_json(r, std::move(o), r.grid.weekday_total(weekday));
}

ordered_json hour_json(const BestTimeReport& r, int hour, ordered_json o = ordered_json::object()) {
  o["hour"] = hour;
  return counts_json(r, std::move(o), r.grid.hour_total(hour));
}

ordered_json best_json(const BestTimeReport& r) {
  return r.best.slot ? slot_json(r, *r.best.slot) : ordered_json(nullptr);
}

std::string render_json(const BestTimeReport& r) {
  ordered_json doc;
  doc["schema"] = kSchemaVersion;
  doc["metric"] = "best-time-to-call";
  doc["unit"] = unit_name(Unit::percent);
  doc["definition"] = kDefinition;
  doc["tz"] = r.tz;
  doc["min_n"] = r.min_n;
  doc["outbound"] = r.outbound;
  doc["grid"] = ordered_json::array();
  for (int d = 0; d < kWeekdays; ++d)
    for (int h = 0; h < kHoursPerDay; ++h)
      doc["grid"].push_back(slot_json(r, {d, h}));
  doc["weekdays"] = ordered_json::array();
  for (int d = 0; d < kWeekdays; ++d)
    doc["weekdays"].push_back(weekday_json(r, d));
  doc["hours"] = ordered_json::array();
  for (int h = 0; h < kHoursPerDay; ++h)
    doc["hours"].push_back(hour_json(r, h));
  doc["total"] = counts_json(r, ordered_json::object(), r.grid.total());
  doc["best"] = best_json(r);
  if (!r.best.slot) doc["best_reason"] = r.best.reason;
  doc["warnings"] = r.warnings;
  return dump_json(doc) + "\n";
}

// One line per bucket, marginal and total, then the best bucket; `kind` tells them apart.
std::string render_ndjson(const BestTimeReport& r) {
  std::string out;
  const auto line = [&](const ordered_json& o) { out += ndjson_line(o); };
  for (int d = 0; d < kWeekdays; ++d)
    for (int h = 0; h < kHoursPerDay; ++h)
      line(slot_json(r, {d, h}, {{"kind", "bucket"}}));
  for (int d = 0; d < kWeekdays; ++d)
    line(weekday_json(r, d, {{"kind", "weekday"}}));
  for (int h = 0; h < kHoursPerDay; ++h)
    line(hour_json(r, h, {{"kind", "hour"}}));
  line(counts_json(r, {{"kind", "total"}}, r.grid.total()));
  ordered_json best{{"kind", "best"}, {"min_n", r.min_n}, {"best", best_json(r)}};
  if (!r.best.slot) best["reason"] = r.best.reason;
  line(best);
  return out;
}

// ---- tables -------------------------------------------------------------------------

std::string number(const std::optional<double>& v, bool for_people, int precision) {
  return NumberCells(for_people, precision).number(v);
}

void add_columns(TextTable& t, const BestTimeReport& r, bool for_people) {
  const auto w = words(r);
  t.add_column("weekday", "weekday", ColumnKind::label);
  t.add_column("hour", "hour", ColumnKind::label);
  t.add_column("offered", for_people ? std::string(w.offered) : "offered", ColumnKind::number);
  t.add_column("answered", for_people ? std::string(w.answered) : "answered", ColumnKind::number);
  t.add_column("answer_rate", for_people ? fmt::format("{} (%)", w.rate) : "answer_rate", ColumnKind::number);
  t.add_column("asa", for_people ? "asa (s)" : "asa", ColumnKind::number);
  if (!for_people) t.add_column("reason", "reason", ColumnKind::note);
}

TextTable grid_table(const BestTimeReport& r, bool for_people, int precision) {
  TextTable t;
  add_columns(t, r, for_people);
  const auto add = [&](std::string weekday, std::string hour, const CallCounts& c) {
    if (for_people && c.offered == 0) return;  // people read the heatmap for the empty buckets
    const auto f = figures(r, c);
    std::vector<std::string> row{std::move(weekday),
                                 std::move(hour),
                                 std::to_string(c.offered),
                                 std::to_string(c.answered),
                                 number(f.rate.value, for_people, precision),
                                 number(f.asa.value, for_people, precision)};
    if (!for_people) row.push_back(f.reason());
    t.rows.push_back(std::move(row));
  };
  for (int d = 0; d < kWeekdays; ++d)
    for (int h = 0; h < kHoursPerDay; ++h)
      add(std::string(kWeekdayNames[static_cast<std::size_t>(d)]), for_people ? hour_label(h) : std::to_string(h),
          r.grid.at({d, h}));
  if (!for_people) return t;  // CSV: the 168 buckets only, one type per column
  for (int d = 0; d < kWeekdays; ++d)
    add(std::string(kWeekdayNames[static_cast<std::size_t>(d)]), "all", r.grid.weekday_total(d));
  for (int h = 0; h < kHoursPerDay; ++h)
    add("all", hour_label(h), r.grid.hour_total(h));
  add("all", "all", r.grid.total());
  return t;
}

std::string best_line(const BestTimeReport& r, int precision, bool ascii) {
  const std::string_view at_least = ascii ? ">=" : "≥";
  if (!r.best.slot)
    return fmt::format("best: none ({})\n",
                       ascii ? fmt::format("no bucket with n >= min-n ({})", r.min_n) : r.best.reason);
  const auto s = *r.best.slot;
  const auto& c = r.grid.at(s);
  const auto w = words(r);
  const auto f = figures(r, c);
  return fmt::format("best: {} {} - {} {} % ({} of {} {}), asa {}; buckets with n {} {} considered\n",
                     kWeekdayNames[static_cast<std::size_t>(s.weekday)], hour_label(s.hour), w.rate,
                     number(f.rate.value, true, precision), c.answered, c.offered, w.offered,
                     f.asa.value ? format_fixed(*f.asa.value, precision) + " s" : "n/a", at_least, r.min_n);
}

// ---- heatmap ------------------------------------------------------------------------

// Four shades over the range of the rates of buckets with n ≥ min-n (of every non-empty
// bucket when none has that many), so that the usual 80-95 % still shows its differences;
// rates outside it take the nearest shade. The legend prints each shade's range.
class Shades {
 public:
  Shades(const AnswerGrid& grid, std::int64_t min_n, bool ascii, bool colour) : ascii_(ascii), colour_(colour) {
    for (const std::int64_t floor_n : {min_n, std::int64_t{1}}) {
      for (int d = 0; d < kWeekdays; ++d)
        for (int h = 0; h < kHoursPerDay; ++h)
          if (const auto& c = grid.at({d, h}); c.offered >= floor_n) include(*answer_rate(c).value);
      if (any_) return;
    }
  }
  [[nodiscard]] std::size_t level(double rate) const {
    if (!(high_ > low_)) return kLevels - 1;
    const double x = std::floor((rate - low_) / (high_ - low_) * static_cast<double>(kLevels));
    return x <= 0 ? 0 : std::min(static_cast<std::size_t>(x), kLevels - 1);
  }
  // `count` glyphs of a level, in its colour with --color: red for the lowest rates to bold green for the highest.
  [[nodiscard]] std::string glyph(std::size_t level, std::size_t count = 1) const {
    std::string glyphs;
    for (std::size_t i = 0; i < count; ++i)
      glyphs += (ascii_ ? kAscii : kUnicode)[level];
    return paint(glyphs, kColours[level], colour_);
  }
  [[nodiscard]] std::string_view empty() const { return ascii_ ? "-" : "·"; }
  [[nodiscard]] std::string legend(int precision, std::int64_t min_n) const {
    std::vector<std::string> parts;
    const std::string_view dash = ascii_ ? "-" : "–";
    const auto edge = [&](std::size_t k) { return low_ + (high_ - low_) * static_cast<double>(k) / kLevels; };
    if (any_ && !(high_ > low_))
      parts.push_back(fmt::format("{} {} %", glyph(kLevels - 1, 2), format_fixed(high_, precision)));
    for (std::size_t k = 0; any_ && high_ > low_ && k < kLevels; ++k)
      parts.push_back(fmt::format("{} {}{}{} %", glyph(k, 2), format_fixed(edge(k), precision), dash,
                                  format_fixed(edge(k + 1), precision)));
    parts.push_back(fmt::format("single {}: n < {}", glyph(kLevels - 1), min_n));
    parts.push_back(fmt::format("{0}{0} none offered", empty()));
    parts.push_back(fmt::format("[{}] best", glyph(kLevels - 1)));
    return fmt::format("{}\n", fmt::join(parts, "   "));
  }

 private:
  void include(double rate) {
    low_ = any_ ? std::min(low_, rate) : rate;
    high_ = any_ ? std::max(high_, rate) : rate;
    any_ = true;
  }
  static constexpr std::size_t kLevels = 4;
  static constexpr std::array<std::string_view, kLevels> kUnicode{"░", "▒", "▓", "█"};
  static constexpr std::array<std::string_view, kLevels> kAscii{".", ":", "+", "#"};
  static constexpr std::array<std::string_view, kLevels> kColours{sgr::red, sgr::yellow, sgr::green, sgr::bold_green};
  bool ascii_;
  bool colour_;
  bool any_ = false;
  double low_ = 0;
  double high_ = 0;
};

// A cell is three columns wide: two shade glyphs after a space; one glyph when the bucket
// has fewer than min-n contacts; the best bucket boxed.
std::string cell(const Shades& shades, const CallCounts& c, std::int64_t min_n, bool best) {
  const auto rate = answer_rate(c).value;
  if (!rate) return fmt::format(" {0}{0}", shades.empty());
  const auto level = shades.level(*rate);
  if (best) return fmt::format("[{}]", shades.glyph(level));
  return c.offered < min_n ? fmt::format(" {} ", shades.glyph(level)) : " " + shades.glyph(level, 2);
}

std::string heat_row(const BestTimeReport& r, const Shades& shades, std::string_view label, const CallCounts& total,
                     int precision, const std::function<CallCounts(int)>& at, std::optional<int> weekday) {
  std::string line = pad(label, 4, false);
  for (int h = 0; h < kHoursPerDay; ++h) {
    const bool best = weekday && r.best.slot && r.best.slot->weekday == *weekday && r.best.slot->hour == h;
    line += cell(shades, at(h), r.min_n, best);
  }
  line += pad(number(answer_rate(total).value, true, precision), 12, true);
  line += pad(std::to_string(total.offered), 10, true);
  return line + "\n";
}

std::string render_heatmap(const BestTimeReport& r, int precision, bool ascii, bool colour) {
  const auto w = words(r);
  const Shades shades(r.grid, r.min_n, ascii, colour);
  std::string out = fmt::format("{} (%) by weekday {} hour of opened_at, {}\n", w.rate, ascii ? "x" : "×", r.tz);
  out += "    ";
  for (int h = 0; h < kHoursPerDay; ++h)
    out += " " + hour_label(h);
  out += pad("rate (%)", 12, true) + pad(w.offered, 10, true) + "\n";
  for (int d = 0; d < kWeekdays; ++d)
    out += heat_row(
        r, shades, kWeekdayNames[static_cast<std::size_t>(d)], r.grid.weekday_total(d), precision,
        [&](int h) {
          return r.grid.at({d, h});
        },
        d);
  out += heat_row(
      r, shades, "all", r.grid.total(), precision, [&](int h) { return r.grid.hour_total(h); }, std::nullopt);
  out += "\n" + shades.legend(precision, r.min_n);
  return out + best_line(r, precision, ascii);
}

// ---- HTML page and SVG chart ----------------------------------------------------------

std::string best_sentence(const BestTimeReport& r, int precision) {
  auto line = best_line(r, precision, false);
  line.pop_back();  // its newline
  return line;
}

// One row per weekday, one column per hour, darker for a higher rate; no call offered: grey.
Chart heatmap_chart(const BestTimeReport& r, int precision) {
  const auto w = words(r);
  Chart c{ChartKind::heatmap,
          "c0-heatmap",
          fmt::format("{} (%) by weekday × hour of opened_at, {}", w.rate, r.tz),
          fmt::format("Darker is a higher {}, on a scale spanning the buckets with at least {} {}; hatched: fewer "
                      "(too few to colour); grey: no call. {}. The table below gives every bucket.",
                      w.rate, r.min_n, w.offered, best_sentence(r, precision)),
          fmt::format("{} (%)", w.rate),
          {},
          {},
          {},
          {}};
  for (int h = 0; h < kHoursPerDay; ++h)
    c.categories.push_back(hour_label(h));
  for (int d = 0; d < kWeekdays; ++d) {
    c.series.push_back({std::string(kWeekdayNames[static_cast<std::size_t>(d)]), {}, {}});
    for (int h = 0; h < kHoursPerDay; ++h) {
      const auto& counts = r.grid.at({d, h});
      c.series.back().values.push_back(answer_rate(counts).value);
      c.series.back().too_few.push_back(counts.offered > 0 && counts.offered < r.min_n);
    }
  }
  return c;
}

}  // namespace

HtmlPage best_time_page(const BestTimeReport& report, const FormatOptions& options) {
  const auto w = words(report);
  const auto total = report.grid.total();
  MetricSection section{"best-time-to-call",
                        fmt::format("{} (%)", w.rate),
                        number(answer_rate(total).value, true, options.precision),
                        {best_sentence(report, options.precision)},
                        {},
                        {heatmap_chart(report, options.precision)},
                        grid_table(report, true, options.precision),
                        {},
                        fmt::format("{} (percent)", kDefinition),
                        "",
                        {}};
  return {"cxkpi best-time-to-call",
          fmt::format("{} by local weekday and hour ({})", w.rate, report.tz),
          {std::move(section)},
          {},
          {},
          {fmt::format("{} {}, {} {}", total.offered, w.offered, total.answered, w.answered)},
          report.warnings};
}

std::string render_best_time(const BestTimeReport& report, const FormatOptions& options, const BestTimeView& view) {
  if (options.format == OutputFormat::json) return render_json(report);
  if (options.format == OutputFormat::ndjson) return render_ndjson(report);
  if (options.format == OutputFormat::table && view.heatmap)
    return render_heatmap(report, options.precision, view.ascii, view.colour);
  const bool people = for_people(options);
  auto grid = render_grid(grid_table(report, people, options.precision), options);
  if (!people) return grid;
  return grid + (options.format == OutputFormat::markdown ? "\n" : "") +
         best_line(report, options.precision, view.ascii);
}

}  // namespace cxkpi::cli
