#pragma once
// --emit-state, --sharded-by and --shard of the commands that read record logs, the settings a
// state records (the flags given that change what is summed), and the arguments that give
// `cxkpi merge` the same settings again.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cxkpi {
struct RecordRules;  // cxkpi/record.hpp
}

namespace cxkpi::cli {

struct BucketTable;  // compute/buckets.hpp
struct OutputFlags;  // commands/flags.hpp

struct StateFlags {
  bool emit = false;       // --emit-state
  std::string sharded_by;  // --sharded-by customer_id|case_id|id
  std::string shard;       // --shard i/N (1-based)
};

void add_state_flags(CLI::App& app, StateFlags& flags);

/// The settings of the state `app` (a parsed command) makes of `table`: each option given
/// that changes what is summed, keyed by its name (--short-abandon → short_abandon), and the
/// format's own keys (v, cxkpi, command, amount_scale, sketch, exact_limit, preset,
/// window_key, sharded_by, shard).
nlohmann::json state_settings(const CLI::App& app, const StateFlags& flags, const RecordRules& rules,
                              const BucketTable& table);

/// Writes the state of `table` where -o says. Refuses (64) --censor without --as-of: each
/// part would censor at its own latest contact.
int emit_state(const CLI::App& app, const StateFlags& flags, const RecordRules& rules, const BucketTable& table,
               const OutputFlags& output);

/// The arguments that give the command named in `settings` the options they record.
std::vector<std::string> settings_arguments(const nlohmann::json& settings);

/// The arguments given to `app` (a parsed command) for options not in `except`, as
/// `--name` (flags) or `--name=value` (one per value).
std::vector<std::string> given_arguments(const CLI::App& app, const std::vector<std::string>& except);

}  // namespace cxkpi::cli
