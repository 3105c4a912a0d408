#include "commands/state_flags.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "commands/flags.hpp"
#include "compute/buckets.hpp"
#include "compute/state.hpp"
#include "cxkpi_version.hpp"
#include "errors.hpp"
#include "io/sink.hpp"
#include "records/presets.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// Options that leave the sums alone, besides the groups of input and output flags: how rows
// are read (each part may come from a different export), and what is chosen when the sums
// are finalised (at merge time).
constexpr std::array<std::string_view, 18> kNotSettings{
    "help",       "percentiles", "percentile_method", "no_stream", "spark",       "compare",        "emit_state",
    "sharded_by", "shard",       "max_buckets",       "shape",     "time_format", "no_scale_check", "base_file",
    "warn",       "crit",        "per_hour",          "ci",
};

// Keys of the settings that no option gives: they are not given back to a command.
constexpr std::array<std::string_view, 10> kFormatKeys{"v",           "cxkpi",  "command",    "amount_scale", "sketch",
                                                       "exact_limit", "preset", "window_key", "sharded_by",   "shard"};

std::string key_of(const CLI::Option& o) {
  auto name = o.get_name();
  name.erase(0, name.find_first_not_of('-'));
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

bool is_setting(const CLI::Option& o) {
  const auto& group = o.get_group();
  if (o.get_positional() || group == kInputGroup || group == "Output" || group == "Numbers" ||
      group.starts_with("Checks"))
    return false;
  return std::find(kNotSettings.begin(), kNotSettings.end(), key_of(o)) == kNotSettings.end();
}

// An option's value as given: true for a flag, its word, or its words.
nlohmann::json given_value(const CLI::Option& o) {
  if (o.get_type_size() == 0) return true;
  const auto& results = o.results();
  if (results.size() == 1) return results.front();
  return results;
}

// --shard i/N as [i, N], checked: 1 ≤ i ≤ N.
nlohmann::json shard_of(const std::string& text) {
  if (text.empty()) return nullptr;
  int i = 0;
  int n = 0;
  const auto slash = text.find('/');
  const auto* begin = text.data();
  const auto* end = text.data() + text.size();
  const auto [after_i, e1] = std::from_chars(begin, begin + std::min(slash, text.size()), i);
  const auto ok_i = e1 == std::errc() && slash != std::string::npos && after_i == begin + slash;
  const auto [after_n, e2] = ok_i ? std::from_chars(after_i + 1, end, n) : std::from_chars_result{end, std::errc()};
  if (!ok_i || e2 != std::errc() || after_n != end || i < 1 || n < 1 || i > n)
    throw Error::usage(fmt::format("--shard {}: expected i/N with 1 ≤ i ≤ N, e.g. 2/8", quote_value(text)));
  return nlohmann::json::array({i, n});
}

// The key per-customer windows or cases need every part split by, or null for sums of rows.
// Windows by customer and cases by case id together need both keys, which no one split gives.
nlohmann::json window_key(const RecordRules& rules) {
  const bool by_case_id = rules.cases && !rules.cases->by_customer;
  if (rules.window && by_case_id) return nlohmann::json::array({"customer_id", "case_id"});
  if (rules.window || rules.cases) return by_case_id ? "case_id" : "customer_id";
  return nullptr;
}

}  // namespace

void add_state_flags(CLI::App& app, StateFlags& flags) {
  const auto* group = "Partial states (cxkpi merge)";
  app.add_flag("--emit-state", flags.emit,
               "write the exact sums and histograms of each bucket as a partial state for cxkpi merge, instead of "
               "results")
      ->group(group);
  app.add_option("--sharded-by", flags.sharded_by,
                 "with --emit-state: this input holds every row of each of its customer_id (or case_id, id) values")
      ->check(CLI::IsMember({"customer_id", "case_id", "id"}))
      ->group(group);
  app.add_option("--shard", flags.shard, "with --sharded-by: this input is shard i of N (1-based), e.g. 3/8")
      ->type_name("i/N")
      ->group(group);
}

nlohmann::json state_settings(const CLI::App& app, const StateFlags& flags, const RecordRules& rules,
                              const BucketTable& table) {
  auto settings = nlohmann::json::object();
  for (const auto* o : app.get_options([](const CLI::Option* o) { return o->count() > 0 && is_setting(*o); })) {
    const auto& results = o->results();
    if (results.size() == 1 && !o->get_default_str().empty() && results.front() == o->get_default_str()) continue;
    settings[key_of(*o)] = given_value(*o);
  }
  settings["v"] = 1;
  settings["cxkpi"] = kVersion;
  settings["command"] = app.get_name();
  settings["amount_scale"] = kAmountScale;
  settings["sketch"] = "loglinear-64";  // the bins of Distribution::bucket_of
  settings["exact_limit"] =
      rules.exact_limit == kExactAtAnySize ? nlohmann::json(nullptr) : nlohmann::json(rules.exact_limit);
  settings["preset"] = table.preset ? nlohmann::json(std::string(table.preset->name)) : nlohmann::json(nullptr);
  settings["window_key"] = window_key(rules);
  settings["sharded_by"] = flags.sharded_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(flags.sharded_by);
  settings["shard"] = shard_of(flags.shard);
  return settings;
}

int emit_state(const CLI::App& app, const StateFlags& flags, const RecordRules& rules, const BucketTable& table,
               const OutputFlags& output) {
  if (rules.window && rules.window->censor && !rules.window->as_of)
    throw Error::usage(
        "--censor with --emit-state needs --as-of: each part would otherwise censor at its own latest contact");
  if (!flags.shard.empty() && flags.sharded_by.empty())
    throw Error::usage("--shard i/N needs --sharded-by: the column the parts were split by");
  if (rules.count_agents)
    throw Error::usage("--emit-state cannot carry distinct agents yet (resolved-per-agent): run it on the whole log");
  if (!table.base.file.empty() || !table.base.flags.empty())
    throw Error::usage("--emit-state carries the log's sums only: give --base-file or --orders … to the local run");
  write_output(write_state(table, {state_settings(app, flags, rules, table)}), output.output);
  return 0;
}

std::vector<std::string> settings_arguments(const nlohmann::json& settings) {
  std::vector<std::string> args;
  for (const auto& [key, value] : settings.items()) {
    if (std::find(kFormatKeys.begin(), kFormatKeys.end(), key) != kFormatKeys.end()) continue;
    auto flag = "--" + key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    if (value.is_boolean()) {
      args.push_back(flag);
    } else if (value.is_array()) {
      for (const auto& v : value)
        args.push_back(fmt::format("{}={}", flag, v.get<std::string>()));
    } else {
      args.push_back(fmt::format("{}={}", flag, value.get<std::string>()));
    }
  }
  return args;
}

std::vector<std::string> given_arguments(const CLI::App& app, const std::vector<std::string>& except) {
  std::vector<std::string> args;
  for (const auto* o : app.get_options([](const CLI::Option* o) { return o->count() > 0 && !o->get_positional(); })) {
    const auto name = o->get_name();
    if (std::find(except.begin(), except.end(), name) != except.end()) continue;
    if (o->get_type_size() == 0) {
      args.push_back(name);
      continue;
    }
    for (const auto& r : o->results())
      args.push_back(fmt::format("{}={}", name, r));
  }
  return args;
}

}  // namespace cxkpi::cli
