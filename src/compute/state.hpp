#pragma once
// Partial states, format v1: the buckets of a record log written as lines of exact sums and
// histograms, which `cxkpi merge` adds up in any order and then finalises as a local run does.
// Tab-separated UTF-8; in text cells tab, newline and backslash are escaped (\t \n \\).
//
//   S <sha> <settings JSON>               what the sums were made under (sorted keys, no spaces)
//   P <sha> <field,field,…>               the fields the input supplied (merged by union)
//   W <sha> <n> <text>                    the n-th warning of the run that wrote it
//   D <sha> <order> <period> <g1>…<gN> <field> <key> <int64>
//
// A D line's field is a sum's name (added), `bucket` (the bucket exists, value 0),
// `hist:<sample>` (key: a raw value, value: its count; added), `sketch:<sample>` (key: a
// sketch bin; added), `dist:<sample>:min|max|sum` (of a sketched sample: least, greatest,
// added) or `chk:<rule>` (rows breaking a rule, key an example id: refused when above 0).
// <sha> is the 64-bit FNV-1a hash of the settings JSON in hex, so that every line names the
// settings it belongs to and lines can be shuffled.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "compute/buckets.hpp"

namespace cxkpi::cli {

/// 64-bit FNV-1a of `text`.
std::uint64_t fnv1a64(std::string_view text);

/// The settings' canonical text: sorted keys, no spaces.
std::string settings_text(const nlohmann::json& settings);

/// The hash a state's lines carry: FNV-1a 64 of the settings' canonical text, in hex.
std::string settings_sha(const nlohmann::json& settings);

/// The names of the fields in `supplied`, comma-separated in kFields order (a P line's cell).
std::string supplied_list(const FieldSet& supplied);

/// `table`'s buckets as state lines under `settings` (one S line each; the D lines carry the
/// first one's hash).
std::string write_state(const BucketTable& table, const std::vector<nlohmann::json>& settings);

/// A state read whole: its name for messages and its text.
struct StateText {
  std::string name;
  std::string text;
};

/// States added up: the settings they share (one per distinct S line: they differ at most in
/// "shard"), and their buckets, total, supplied fields and warnings, as a local read leaves them.
struct MergedState {
  std::vector<nlohmann::json> settings;  // sorted by hash
  std::vector<nlohmann::json> parts;     // every S line read (one per input part), repeats included
  BucketTable table;
};

/// Adds `states` up. Throws Error: 64 when their settings differ (naming the key), 65 for a
/// malformed line, a sum past the int64 range or a rule-break count (each with file:line).
MergedState merge_states(const std::vector<StateText>& states);

/// Refuses (64) sums of per-customer windows or cases (settings key "window_key") from more
/// than one part unless every part was split by that key ("sharded_by"), and a set of shards
/// ("shard": [i, N]) with one missing or repeated; with `allow_partial` a missing shard is
/// returned as a warning instead.
std::vector<std::string> check_shards(const std::vector<nlohmann::json>& parts, bool allow_partial);

}  // namespace cxkpi::cli
