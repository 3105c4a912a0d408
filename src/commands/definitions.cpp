#include "commands/definitions.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "errors.hpp"

namespace cxkpi::cli {
namespace {

// Cisco computes service level one of three ways, set per peripheral or call type: the
// reporting guides name no default, so each is a pack of its own and plain "cisco" asks which.
constexpr std::string_view kCiscoDocument =
    "Cisco Unified ICM/CCE reporting guides: Service Level Type and its formulas (ServiceLevelCalls, "
    "ServiceLevelCallsOffered, ServiceLevelAband), Planning for Short Calls; Cisco Unified Intelligence Center "
    "report templates: SL Aban Ignored, SL Aban Negative, SL Aban Positive";
constexpr std::string_view kCiscoShortAbandons =
    "--short-abandon S is the Abandoned Call Wait Time: \"If call wait time is higher than this threshold, the call "
    "is counted as Offered\", so a shorter abandon is neither offered nor abandoned, in abandonment and service level "
    "alike; S may not exceed T (only then does a short call stay out of service level)";
constexpr std::string_view kCiscoThreshold =
    "the guides count calls answered \"within\" the threshold, \"before the Service Level threshold expires\", and do "
    "not say how a wait of exactly T counts: cxkpi keeps ≤ T (--strict makes it < T)";
constexpr std::string_view kCiscoAbandonment =
    "abandoned / offered, short calls (under --short-abandon S) counted as neither: cxkpi's abandonment with "
    "--short-abandon";

// A vendor cxkpi cannot follow, and why.
constexpr DefinitionPack refused_pack(std::string_view name, std::string_view document, std::string_view why) {
  return {.name = name,
          .document = document,
          .refused = why,
          .service_level = ServiceLevelMode::offered,
          .short_out_of_service_level = false,
          .short_out_of_abandonment = true,
          .short_within_threshold = false,
          .refuses_short_abandon = false,
          .refuses_strict = false,
          .service_level_text = {},
          .abandonment_text = {},
          .short_abandon_text = {},
          .threshold_text = {}};
}

// One of Cisco's Service Level Types: its abandonment, short calls and threshold are the same.
constexpr DefinitionPack cisco_pack(std::string_view name, ServiceLevelMode mode, bool short_out,
                                    std::string_view service_level_text) {
  return {.name = name,
          .document = kCiscoDocument,
          .refused = {},
          .service_level = mode,
          .short_out_of_service_level = short_out,
          .short_out_of_abandonment = true,
          .short_within_threshold = true,
          .refuses_short_abandon = false,
          .refuses_strict = false,
          .service_level_text = service_level_text,
          .abandonment_text = kCiscoAbandonment,
          .short_abandon_text = kCiscoShortAbandons,
          .threshold_text = kCiscoThreshold};
}

// Sources, read for this table:
// - Amazon Connect Administrator Guide, Historical metrics definitions (github.com/awsdocs/
//   amazon-connect-admin-guide doc_source/historical-metrics-definitions.md): "Service level X
//   seconds: Percentage of contacts removed from the queue between 0 and X seconds after being
//   added to it ... an agent answers the contact, the customer abandons the contact, or the
//   customer requests a call back ... (Contacts removed from queue in X seconds / Contacts
//   queued) * 100"; "Contacts abandoned: ... Contacts queued for callback are not counted as
//   abandoned". Reference queries for the data lake: abandonment rate = is_abandoned / is_queued.
// - Genesys Cloud Resource Center, Configure the service level calculation
//   (help.mypurecloud.com/articles/configure-the-service-level-calculation): "(answered −
//   answered that miss the service level target) / ((answered + abandoned) + switches)", the
//   switches adding flow-outs, or subtracting short abandons ("Include Short Abandons in
//   Calculation" disabled) or abandons; Glossary (help.mypurecloud.com/?p=691): "abandoned
//   rate ... Formula: Abandoned in Assignment/Offered to Assignment".
// - Cisco ICM/CCE reporting guides (service level types, Table 3 "Service Level Formulas";
//   "Planning for Short Calls"); Unified Intelligence Center 9.0 report templates (SL Aban
//   Ignored, Positive, Negative).
// - Zendesk: the Talk articles found (call statuses, native Talk time duration metrics) define
//   no service level or abandonment rate.
constexpr std::array kPacks{
    DefinitionPack{
        .name = "amazon-connect",
        .document = "Amazon Connect Administrator Guide: Historical metrics definitions (Service level X seconds, "
                    "Contacts abandoned, Contacts queued); Reference queries for the data lake (Abandonment rate)",
        .refused = {},
        .service_level = ServiceLevelMode::abandons_positive,
        .short_out_of_service_level = false,
        .short_out_of_abandonment = true,
        .short_within_threshold = false,
        .refuses_short_abandon = true,
        .refuses_strict = true,
        .service_level_text =
            "contacts removed from the queue within T (answered or abandoned; Connect also counts a callback request, "
            "which a log without callbacks cannot show) over contacts queued: (A_T + abandoned within T) / offered, "
            "offered being the contacts that entered the queue (the amazon-connect presets read a record with "
            "Queue.EnqueueTimestamp as offered)",
        .abandonment_text = "contacts the customer disconnected while in the queue over contacts queued (callbacks are "
                            "not abandons): abandoned / offered, offered being the contacts queued",
        .short_abandon_text = "Connect counts every abandon, it has no short abandon: --short-abandon is refused",
        .threshold_text = "removed from the queue \"between 0 and X seconds\": a wait of exactly T is within, ≤ T; "
                          "--strict is refused"},
    DefinitionPack{
        .name = "genesys",
        .document = "Genesys Cloud Resource Center: Configure the service level calculation; Glossary (abandoned rate)",
        .refused = {},
        .service_level = ServiceLevelMode::answered_plus_abandoned,
        .short_out_of_service_level = true,
        .short_out_of_abandonment = false,
        .short_within_threshold = false,
        .refuses_short_abandon = false,
        .refuses_strict = false,
        .service_level_text = "answered within the target over answered + abandoned: Genesys's formula with flow-outs "
                              "left out (a log records none)",
        .abandonment_text = "Abandoned in Assignment / Offered to Assignment: abandoned / offered, short abandons "
                            "counted",
        .short_abandon_text = "--short-abandon S is \"Include Short Abandons in Calculation\" turned off: abandons "
                              "shorter than S leave service level's denominator; the abandoned rate keeps them",
        .threshold_text = "the Resource Center does not say how an answer at exactly the target counts: cxkpi keeps "
                          "≤ T (--strict makes it < T)"},
    refused_pack("cisco", kCiscoDocument,
                 "Cisco computes service level one of three ways, the Service Level Type set per peripheral or call "
                 "type, and documents no default: name it, --definitions cisco-ignored, cisco-negative or "
                 "cisco-positive"),
    cisco_pack("cisco-ignored", ServiceLevelMode::abandons_ignored, false,
               "SL Aban Ignored, ServiceLevelCalls / (ServiceLevelCallsOffered − ServiceLevelAband): answered within T "
               "over the contacts offered less those abandoned within T, A_T / (offered − abandoned within T); short "
               "calls leave both offered and abandoned, so they cancel out"),
    // offered with short abandons out: offered-minus-short, which without --short-abandon (no
    // short calls) is offered alone
    cisco_pack("cisco-negative", ServiceLevelMode::offered, true,
               "SL Aban Negative, ServiceLevelCalls / ServiceLevelCallsOffered: answered within T over the contacts "
               "offered less short calls, A_T / (offered − short abandons); an abandon counts as missed"),
    cisco_pack("cisco-positive", ServiceLevelMode::abandons_positive, true,
               "SL Aban Positive, (ServiceLevelCalls + ServiceLevelAband) / ServiceLevelCallsOffered: answered or "
               "abandoned within T over the contacts offered, short calls out of both, (A_T + abandoned within T − "
               "short) / (offered − short)"),
    refused_pack("zendesk",
                 "Zendesk Talk: Metrics and attributes for Zendesk Talk, About native Talk time duration metrics, call "
                 "statuses",
                 "Zendesk's Talk documents define call statuses (abandoned in queue, in IVR, on hold) and wait times, "
                 "but no service level or abandonment rate formula could be found in them (its SLA policies are "
                 "targets per ticket, not a share of calls answered within T), and cxkpi does not guess one"),
};

std::vector<std::string> pack_names() {
  std::vector<std::string> names;
  names.reserve(kPacks.size());
  for (const auto& p : kPacks)
    names.emplace_back(p.name);
  return names;
}

// The flags a pack may contradict: the variants it sets itself come through CLI11's excludes.
void refuse_contradictions(const DefinitionPack& pack, const RecordRules& rules, bool service_level) {
  if (pack.refuses_strict && rules.strict)
    throw Error::usage(fmt::format("--definitions {}: {}", pack.name, pack.threshold_text));
  if (rules.short_abandon_raw == 0) return;
  if (pack.refuses_short_abandon)
    throw Error::usage(fmt::format("--definitions {}: {}", pack.name, pack.short_abandon_text));
  if (service_level && pack.short_within_threshold && rules.short_abandon_raw > rules.threshold_raw)
    throw Error::usage(
        fmt::format("--definitions {}: --short-abandon may not exceed --threshold (Cisco: \"If the abandoned threshold "
                    "is lower than the service level threshold, the call will not affect the Service level\")",
                    pack.name));
}

}  // namespace

const DefinitionPack& definition_pack(std::string_view name) {
  for (const auto& p : kPacks) {
    if (p.name != name) continue;
    if (!p.refused.empty()) throw Error::usage(fmt::format("--definitions {}: {}", p.name, p.refused));
    return p;
  }
  throw Error::unknown("--definitions: unknown definitions", name, pack_names());
}

std::string definition_pack_names() {
  return fmt::format("{}", fmt::join(pack_names(), ", "));
}

CLI::Option* add_definitions_flag(CLI::App& app, std::string& target) {
  return app.add_option("--definitions", target,
                        fmt::format("service level and abandonment as a vendor's dashboard computes them: {} "
                                    "(cxkpi explain service-level --definitions NAME says what each counts)",
                                    definition_pack_names()));
}

const DefinitionPack* apply_definitions(std::string_view name, Settings& settings, bool service_level) {
  if (name.empty()) return nullptr;
  const auto& pack = definition_pack(name);
  refuse_contradictions(pack, settings.records, service_level);
  settings.service_level.mode = pack.service_level;
  settings.service_level.short_out = pack.short_out_of_service_level;
  settings.abandonment.den = AbandonBase::offered;
  settings.abandonment.short_out = pack.short_out_of_abandonment;
  return &pack;
}

}  // namespace cxkpi::cli
