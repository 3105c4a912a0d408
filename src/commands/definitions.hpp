#pragma once
// --definitions VENDOR: the service-level and abandonment variants a vendor's own dashboard
// computes (METRICS.md §8), so that cxkpi's figures reconcile with it. One table row per
// vendor names the documents it follows and what it sets; a vendor whose definition could
// not be found in its documents is refused with the reason, never guessed.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "cxkpi/catalog.hpp"

namespace cxkpi::cli {

struct DefinitionPack {
  std::string_view name;
  std::string_view document;  ///< the vendor documents the variants follow
  std::string_view refused;   ///< why cxkpi cannot follow this vendor; empty when it can
  ServiceLevelMode service_level = ServiceLevelMode::offered;
  bool short_out_of_service_level = false;  ///< --short-abandon S takes short abandons out of service level
  bool short_out_of_abandonment = true;     ///< --short-abandon S takes short abandons out of abandonment
  bool short_within_threshold = false;      ///< S may not exceed T
  bool refuses_short_abandon = false;       ///< the vendor has no short abandon
  bool refuses_strict = false;              ///< the vendor counts a wait of exactly T as within
  std::string_view service_level_text;      ///< the vendor's service level in cxkpi's terms
  std::string_view abandonment_text;        ///< the vendor's abandonment rate in cxkpi's terms
  std::string_view short_abandon_text;      ///< what --short-abandon S means (or why it is refused)
  std::string_view threshold_text;          ///< how a wait of exactly T counts, as documented (or not)
};

/// The pack called `name`; throws Error (usage) for an unknown name or a refused pack.
const DefinitionPack& definition_pack(std::string_view name);

/// Adds --definitions NAME, writing the name into `target`.
CLI::Option* add_definitions_flag(CLI::App& app, std::string& target);

/// Sets the variants of the pack `name` (none when empty) into `settings`, and refuses (usage)
/// a flag it contradicts (--threshold only where service level is computed). Returns the pack,
/// or nullptr when `name` is empty.
const DefinitionPack* apply_definitions(std::string_view name, Settings& settings, bool service_level = true);

/// "--definitions NAME" names one of these: the list for --help and explain.
std::string definition_pack_names();

}  // namespace cxkpi::cli
