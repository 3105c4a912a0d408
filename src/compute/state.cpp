// Partial states (format v1): written from a bucket table, read back and added up.
#include "compute/state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "errors.hpp"
#include "records/presets.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

constexpr std::array<std::pair<Sample, std::string_view>, kSampleCount> kSampleNames{{
    {Sample::first_response, "first_response"},
    {Sample::resolution, "resolution"},
    {Sample::read_time, "read_time"},
}};

// ---- writing ----

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

// The cells every D line of a bucket starts with: "D", the hash, the period and the groups.
std::string bucket_prefix(const std::string& sha, const Bucket& b) {
  auto out = fmt::format("D\t{}\t{}\t{}", sha, b.period.order, escaped(b.period.label));
  for (const auto& g : b.groups)
    out += "\t" + escaped(g);
  return out;
}

void write_sample(std::string& out, const std::string& prefix, std::string_view name, const Distribution& d) {
  if (d.count() == 0) return;
  const auto* kind = d.approximate() ? "sketch" : "hist";
  for (const auto& [key, count] : d.entries())
    out += fmt::format("{}\t{}:{}\t{}\t{}\n", prefix, kind, name, key, count);
  if (!d.approximate()) return;  // an exact histogram gives its own least, greatest and sum
  const auto sum = d.sum();
  if (!(sum < 9.2233720368547758e18L)) sum_overflow(Field::first_responses);
  out += fmt::format("{}\tdist:{}:min\t\t{}\n", prefix, name, d.raw_min());
  out += fmt::format("{}\tdist:{}:max\t\t{}\n", prefix, name, d.raw_max());
  out += fmt::format("{}\tdist:{}:sum\t\t{}\n", prefix, name, static_cast<std::int64_t>(sum));
}

void write_bucket(std::string& out, const std::string& sha, const Bucket& b) {
  const auto prefix = bucket_prefix(sha, b);
  out += prefix + "\tbucket\t\t0\n";
  for (const auto& f : kFields)
    if (const auto raw = b.sums.raw(f.field); raw != 0) out += fmt::format("{}\t{}\t\t{}\n", prefix, f.name, raw);
  for (const auto& [sample, name] : kSampleNames)
    write_sample(out, prefix, name, b.sums.sample(sample));
}

// ---- reading ----

// One line of a state, split into its cells (escapes undone), with its place.
struct Line {
  std::vector<std::string> cells;
  SourcePos at;
};

std::string unescaped(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\\' || i + 1 == cell.size()) {
      out += cell[i];
      continue;
    }
    const char next = cell[++i];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
  }
  return out;
}

[[noreturn]] void malformed(const SourcePos& at, std::string_view why) {
  throw Error::data(at, fmt::format("not a cxkpi state line: {}", why));
}

// The CSV form a SQL engine exports (cxkpi sql): a header t,sha,period_order,period,g_<name>…,
// field,key,value, then RFC 4180 records (quoted cells, "" for a quote). A D record's cells are
// a D line's; an S or P record carries its settings or field list in `key`.
constexpr std::string_view kCsvHeader = "t,sha,period_order,period,";

// The records of a CSV text, each with the line it starts on (RFC 4180: quoted cells may hold
// commas, quotes doubled and newlines).
std::vector<Line> csv_records(const StateText& state) {
  std::vector<Line> records;
  const std::string_view text = state.text;
  std::size_t number = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    Line line{{}, {state.name, number, 0, {}}};
    std::string cell;
    for (bool done = false; !done;) {
      if (i < text.size() && text[i] == '"') {
        for (++i; i < text.size(); ++i) {
          if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            ++i;
          } else if (text[i] == '"') {
            ++i;
            break;
          } else {
            if (text[i] == '\n') ++number;
            cell += text[i];
          }
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n')
        cell += text[i++];
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      line.cells.push_back(std::move(cell));
      cell.clear();
      done = i >= text.size() || text[i] == '\n';
      ++i;
    }
    ++number;
    if (line.cells.size() > 1 || !line.cells.front().empty()) records.push_back(std::move(line));
  }
  return records;
}

std::vector<Line> csv_lines_of(const StateText& state) {
  auto records = csv_records(state);
  if (records.empty()) return records;
  const auto& header = records.front().cells;
  const auto n = header.size();
  if (n < 7 || header[n - 3] != "field" || header[n - 2] != "key" || header[n - 1] != "value")
    malformed(records.front().at, "a CSV state's header is t,sha,period_order,period,g_<name>…,field,key,value");
  std::vector<Line> lines;
  for (std::size_t r = 1; r < records.size(); ++r) {
    auto& record = records[r];
    if (record.cells.size() != n) malformed(record.at, fmt::format("a CSV state's record has {} cells", n));
    if (record.cells[0] == "S" || record.cells[0] == "P")
      record.cells = {record.cells[0], record.cells[1], record.cells[n - 2]};
    lines.push_back(std::move(record));
  }
  return lines;
}

std::vector<Line> lines_of(const StateText& state) {
  if (state.text.starts_with(kCsvHeader)) return csv_lines_of(state);
  std::vector<Line> lines;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < state.text.size()) {
    auto end = state.text.find('\n', start);
    if (end == std::string::npos) end = state.text.size();
    ++number;
    auto text = std::string_view(state.text).substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    start = end + 1;
    if (text.empty()) continue;
    Line line{{}, {state.name, number, 0, {}}};
    for (std::size_t from = 0;;) {
      const auto tab = text.find('\t', from);
      line.cells.push_back(unescaped(text.substr(from, tab == std::string_view::npos ? tab : tab - from)));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::int64_t whole_number(const Line& line, std::size_t cell, std::string_view what) {
  const auto& text = line.cells[cell];
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    malformed(line.at, fmt::format("{} {} is not a whole number in the int64 range", what, quote_value(text)));
  return value;
}

// A state's settings: one per distinct S line, and the hashes their lines may carry.
struct SettingsSeen {
  std::map<std::string, std::pair<nlohmann::json, SourcePos>> by_sha;
  std::vector<nlohmann::json> parts;  // every S line, repeats included
};

nlohmann::json parse_settings(const Line& line) {
  if (line.cells.size() != 3) malformed(line.at, "an S line has 3 cells");
  auto json = nlohmann::json::parse(line.cells[2], nullptr, false);
  if (json.is_discarded() || !json.is_object()) malformed(line.at, "its settings are not a JSON object");
  if (settings_sha(json) != line.cells[1])
    malformed(line.at, fmt::format("the hash {} is not that of its settings ({})", line.cells[1], settings_sha(json)));
  return json;
}

std::string shown(const nlohmann::json& value) {
  return value.is_null() ? "(not given)" : value.dump();
}

// Two states' settings must agree on every key but "shard", which says which part each holds.
void check_same_settings(const nlohmann::json& a, const SourcePos& at_a, const nlohmann::json& b,
                         const SourcePos& at_b) {
  std::set<std::string> keys;
  for (const auto* s : {&a, &b})
    for (const auto& [key, value] : s->items())
      keys.insert(key);
  for (const auto& key : keys) {
    if (key == "shard") continue;
    const auto va = a.contains(key) ? a[key] : nlohmann::json();
    const auto vb = b.contains(key) ? b[key] : nlohmann::json();
    if (va != vb)
      throw Error::usage(
          fmt::format("states made with different settings cannot be merged: {} is {} in {} but {} in {}", key,
                      shown(va), at_a.str(), shown(vb), at_b.str()));
  }
}

void add_settings(SettingsSeen& seen, const Line& line) {
  auto json = parse_settings(line);
  if (!seen.by_sha.empty()) {
    const auto& first = seen.by_sha.begin()->second;
    check_same_settings(first.first, first.second, json, line.at);
  }
  seen.parts.push_back(json);
  seen.by_sha.try_emplace(line.cells[1], std::move(json), line.at);
}

// The values of one sample of one bucket, gathered from lines in any order.
struct SampleParts {
  std::map<std::int64_t, std::int64_t> exact;   // value → count
  std::map<std::int64_t, std::int64_t> sketch;  // bin → count
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  std::int64_t sum = 0;
};

struct BucketParts {
  Sums sums;
  std::array<SampleParts, kSampleCount> samples;
};

using BucketKey = std::tuple<std::int64_t, std::string, std::vector<std::string>>;

class StateSum {
 public:
  explicit StateSum(const SettingsSeen& seen) : seen_(seen) {}

  void add(const Line& line) {
    const auto& kind = line.cells[0];
    if (line.cells.size() < 2 || !seen_.by_sha.contains(line.cells[1]))
      malformed(line.at, "its hash names no S line of the states");
    if (kind == "P") return add_supplied(line);
    if (kind == "W") return add_warning(line);
    if (kind == "D") return add_data(line);
    malformed(line.at, fmt::format("{} is not a line kind (S, P, W or D)", quote_value(kind)));
  }

  BucketTable finish(std::size_t exact_limit);

 private:
  void add_supplied(const Line& line) {
    if (line.cells.size() != 3) malformed(line.at, "a P line has 3 cells");
    std::string_view names = line.cells[2];
    while (!names.empty()) {
      const auto comma = std::min(names.find(','), names.size());
      const auto name = names.substr(0, comma);
      names.remove_prefix(std::min(comma + 1, names.size()));
      const auto f = field_named(name);
      if (!f) malformed(line.at, fmt::format("{} is not a field", quote_value(name)));
      supplied_.add(*f);
    }
  }

  void add_warning(const Line& line) {
    if (line.cells.size() != 4) malformed(line.at, "a W line has 4 cells");
    warnings_.emplace(whole_number(line, 2, "the warning's number"), line.cells[3]);
  }

  void add_data(const Line& line);
  void add_to_sample(const Line& line, BucketParts& bucket, std::string_view field, std::int64_t value);

  const SettingsSeen& seen_;
  std::map<BucketKey, BucketParts> buckets_;
  std::optional<std::size_t> group_count_;
  FieldSet supplied_;
  std::set<std::pair<std::int64_t, std::string>> warnings_;
};

std::int64_t add_checked(const SourcePos& at, std::int64_t a, std::int64_t b, std::string_view what) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    throw Error::data(at, fmt::format("{}: the sum passes the int64 range and cannot be kept exactly", what));
  return sum;
}

std::optional<Sample> sample_named(std::string_view name) {
  for (const auto& [sample, sample_name] : kSampleNames)
    if (name == sample_name) return sample;
  return std::nullopt;
}

void StateSum::add_data(const Line& line) {
  const auto n = line.cells.size();
  if (n < 7) malformed(line.at, "a D line has at least 7 cells");
  if (group_count_ && *group_count_ != n - 7) malformed(line.at, "its number of group cells differs from other lines");
  group_count_ = n - 7;
  BucketKey key{whole_number(line, 2, "the period order"), line.cells[3],
                std::vector<std::string>(line.cells.begin() + 4, line.cells.end() - 3)};
  auto& bucket = buckets_[std::move(key)];
  const auto& field = line.cells[n - 3];
  const auto value = whole_number(line, n - 1, "the value");
  if (field == "bucket") return;
  if (field == "cov" && value > 0)
    throw Error::data(line.at, fmt::format("{} rows lie outside --from/--to of cxkpi sql, e.g. id {}: a range that "
                                           "holds them counts them",
                                           value, quote_value(line.cells[n - 2])));
  if (field.starts_with("chk:") && value > 0)
    throw Error::data(line.at, fmt::format("{} rows break the rule {}, e.g. id {}", value, field.substr(4),
                                           quote_value(line.cells[n - 2])));
  if (const auto f = field_named(field)) {
    if (!line.cells[n - 2].empty()) malformed(line.at, "a sum's line has an empty key");
    try {
      bucket.sums.add_raw(*f, value);
    } catch (const SumOverflow&) {
      add_checked(line.at, std::numeric_limits<std::int64_t>::max(), 1, field);
    }
    return;
  }
  add_to_sample(line, bucket, field, value);
}

void StateSum::add_to_sample(const Line& line, BucketParts& bucket, std::string_view field, std::int64_t value) {
  const auto colon = field.find(':');
  const auto kind = field.substr(0, colon);
  const auto rest = colon == std::string_view::npos ? std::string_view{} : field.substr(colon + 1);
  const auto sample = sample_named(rest.substr(0, rest.find(':')));
  if (!sample) malformed(line.at, fmt::format("{} is not a field", quote_value(field)));
  auto& parts = bucket.samples[static_cast<std::size_t>(*sample)];
  const auto place = [&](std::map<std::int64_t, std::int64_t>& into) {
    if (value <= 0) malformed(line.at, "a histogram count is above 0");
    auto& count = into[whole_number(line, line.cells.size() - 2, "the key")];
    count = add_checked(line.at, count, value, field);
  };
  const auto what = rest.substr(rest.find(':') + 1);
  if (kind == "hist" && rest.find(':') == std::string_view::npos) return place(parts.exact);
  if (kind == "sketch" && rest.find(':') == std::string_view::npos) return place(parts.sketch);
  if (kind != "dist") malformed(line.at, fmt::format("{} is not a field", quote_value(field)));
  if (what == "min") {
    parts.min = std::min(parts.min.value_or(value), value);
  } else if (what == "max") {
    parts.max = std::max(parts.max.value_or(value), value);
  } else if (what == "sum") {
    parts.sum = add_checked(line.at, parts.sum, value, field);
  } else {
    malformed(line.at, fmt::format("{} is not a field", quote_value(field)));
  }
}

// A sample's parts as one Distribution: the exact values added as a local read adds them (so
// they fold into the sketch past the same limit), and any sketched part merged in.
Distribution distribution_of(const SampleParts& parts, std::size_t exact_limit) {
  Distribution d;
  for (const auto& [value, count] : parts.exact)
    d.add(value, count, exact_limit);
  if (!parts.sketch.empty())
    d.merge(Distribution::from_sketch(parts.sketch, parts.min.value_or(0), parts.max.value_or(0), parts.sum));
  return d;
}

BucketTable StateSum::finish(std::size_t exact_limit) {
  BucketTable table;
  table.supplied = supplied_;
  for (auto& [key, parts] : buckets_) {
    Bucket b{Period{std::get<0>(key), std::get<1>(key)}, std::get<2>(key), std::move(parts.sums), std::nullopt};
    for (const auto& [sample, name] : kSampleNames)
      b.sums.merge_sample(sample, distribution_of(parts.samples[static_cast<std::size_t>(sample)], exact_limit));
    b.sums.set_present(supplied_);
    table.total.merge(b.sums);
    table.buckets.push_back(std::move(b));
  }
  table.total.set_present(supplied_);
  for (const auto& w : warnings_)
    if (std::find(table.warnings.begin(), table.warnings.end(), w.second) == table.warnings.end())
      table.warnings.push_back(w.second);
  return table;
}

std::size_t exact_limit_of(const nlohmann::json& settings) {
  const auto it = settings.find("exact_limit");
  if (it == settings.end() || !it->is_number_unsigned()) return kExactAtAnySize;
  return it->get<std::size_t>();
}

// "[2,3]" for messages.
std::string shard_text(const nlohmann::json& shard) {
  return fmt::format("{}/{}", shard[0].get<std::int64_t>(), shard[1].get<std::int64_t>());
}

// The shard indices of `parts`, all of the same N (0 when none says): each once, and all of them.
std::vector<std::string> check_shard_set(const std::vector<nlohmann::json>& parts, bool allow_partial) {
  std::int64_t n = 0;
  std::set<std::int64_t> seen;
  for (const auto& p : parts) {
    const auto shard = p.value("shard", nlohmann::json());
    if (shard.is_null()) {
      if (n != 0) throw Error::usage("states with --shard i/N and states without it cannot be merged together");
      continue;
    }
    if (n != 0 && shard[1].get<std::int64_t>() != n)
      throw Error::usage(fmt::format("states of {} shards and of {} cannot be merged together", n, shard_text(shard)));
    n = shard[1].get<std::int64_t>();
    if (!seen.insert(shard[0].get<std::int64_t>()).second)
      throw Error::usage(fmt::format("shard {} is given twice: its sums would count twice", shard_text(shard)));
  }
  std::vector<std::string> missing;
  for (std::int64_t i = 1; i <= n; ++i)
    if (!seen.contains(i)) missing.push_back(fmt::format("{}/{}", i, n));
  if (missing.empty()) return {};
  const auto what = fmt::format("shard {} missing", fmt::join(missing, ", "));
  if (!allow_partial) throw Error::usage(what + " (--allow-partial merges the others and says so)");
  return {fmt::format("partial result: {}", what)};
}

}  // namespace

std::vector<std::string> check_shards(const std::vector<nlohmann::json>& parts, bool allow_partial) {
  if (parts.empty()) return {};
  const auto key = parts.front().value("window_key", nlohmann::json());
  const auto sharded_by = parts.front().value("sharded_by", nlohmann::json());
  if (key.is_array() && parts.size() > 1)
    throw Error::usage(
        "these states count windows by customer and cases by case_id, which no one split keeps together: "
        "emit them from separate runs");
  if (key.is_string() && parts.size() > 1 && sharded_by != key)
    throw Error::usage(
        fmt::format("these states count per-customer windows or cases, which only add up over inputs split by {}: "
                    "split the log with cxkpi shard --key {} and give each part --sharded-by {}",
                    key.get<std::string>(), key.get<std::string>(), key.get<std::string>()));
  return check_shard_set(parts, allow_partial);
}

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string supplied_list(const FieldSet& supplied) {
  std::string out;
  for (const auto& f : kFields)
    if (supplied.has(f.field)) out += (out.empty() ? "" : ",") + std::string(f.name);
  return out;
}

std::string settings_text(const nlohmann::json& settings) {
  return settings.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string settings_sha(const nlohmann::json& settings) {
  return fmt::format("{:016x}", fnv1a64(settings_text(settings)));
}

std::string write_state(const BucketTable& table, const std::vector<nlohmann::json>& settings) {
  std::string out;
  const auto sha = settings_sha(settings.front());
  for (const auto& s : settings)
    out += fmt::format("S\t{}\t{}\n", settings_sha(s), escaped(settings_text(s)));
  out += fmt::format("P\t{}\t{}\n", sha, supplied_list(table.supplied));
  for (std::size_t i = 0; i < table.warnings.size(); ++i)
    out += fmt::format("W\t{}\t{}\t{}\n", sha, i + 1, escaped(table.warnings[i]));
  for (const auto& b : table.buckets)
    write_bucket(out, sha, b);
  return out;
}

MergedState merge_states(const std::vector<StateText>& states) {
  std::vector<std::vector<Line>> all;
  SettingsSeen seen;
  for (const auto& state : states) {
    all.push_back(lines_of(state));
    for (const auto& line : all.back())
      if (line.cells[0] == "S") add_settings(seen, line);
  }
  if (seen.by_sha.empty())
    throw Error::data(fmt::format("{}: no S line: not a cxkpi state (cxkpi … --emit-state writes one)",
                                  states.empty() ? std::string("<stdin>") : states.front().name));
  StateSum sum(seen);
  for (const auto& lines : all)
    for (const auto& line : lines)
      if (line.cells[0] != "S") sum.add(line);
  MergedState merged;
  for (const auto& [sha, json] : seen.by_sha)
    merged.settings.push_back(json.first);
  merged.parts = std::move(seen.parts);
  merged.table = sum.finish(exact_limit_of(merged.settings.front()));
  if (const auto preset = merged.settings.front().value("preset", nlohmann::json()); preset.is_string())
    merged.table.preset = preset_named(preset.get<std::string>());
  return merged;
}

}  // namespace cxkpi::cli
