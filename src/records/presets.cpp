#include "records/presets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "errors.hpp"
#include "records/record_columns.hpp"
#include "text/words.hpp"

namespace cxkpi::cli {
namespace {

// What a contact export (a call or chat log) has no evidence for.
constexpr std::array kContactUnsupported{
    UnsupportedMetric{"csat nps ces", "the export has no survey answer"},
    UnsupportedMetric{"first-response-time resolution-time",
                      "a contact export has no ticket times (first reply, resolution)"},
    UnsupportedMetric{"fcr resolved-per-agent contacts-to-resolution cost-per-resolution",
                      "the export does not say whether the issue was resolved"},
};

// Amazon Connect contact records (CTR), as Kinesis streams them: nested Agent{} and Queue{}
// flatten to dotted columns. Durations are whole seconds (ctr-data-model.md).
constexpr std::array<std::string_view, 4> kConnectSignature{"contact_id", "initiation_timestamp",
                                                            "queue.enqueue_timestamp", "queue.duration"};
constexpr std::array<std::string_view, 10> kConnectMaps{
    "id=ContactId",
    "opened_at=InitiationTimestamp",
    "channel=Channel",
    "queue=Queue.Name",
    "agent=Agent.Username",
    "offered=Queue.EnqueueTimestamp:present",  // "If this contact was queued": Queue null never queued
    "wait_s=Queue.Duration:s",
    "talk_s=Agent.AgentInteractionDuration:s",
    "hold_s=Agent.CustomerHoldDuration:s",
    "wrap_s=Agent.AfterContactWorkDuration:s",
};

// The analytics data lake's contact_record table, downloaded as CSV from Athena: snake_case
// columns, durations in milliseconds, NULL an empty cell (data-lake-contact-data,
// data-lake-reference-queries: "Most duration fields are stored in milliseconds").
constexpr std::array<std::string_view, 4> kDataLakeSignature{"contact_id", "initiation_timestamp",
                                                             "queue_enqueue_timestamp", "queue_duration_ms"};
constexpr std::array<std::string_view, 10> kDataLakeMaps{
    "id=contact_id",
    "opened_at=initiation_timestamp",
    "channel=channel",
    "queue=queue_name",
    "agent=agent_username",
    "offered=queue_enqueue_timestamp:present",  // NULL: never queued
    "wait_s=queue_duration_ms:ms",
    "talk_s=agent_interaction_duration_ms:ms",
    "hold_s=agent_customer_hold_duration_ms:ms",
    "wrap_s=agent_after_contact_work_duration_ms:ms",
};

// Genesys Cloud Performance > Interactions view, exported as CSV: Title-case headers, the
// Total columns in milliseconds, Abandoned and Non-ACD as YES/NO; a blank Total Hold or
// Total ACW is a segment that did not occur (0), not a missing value.
constexpr std::array<std::string_view, 4> kGenesysSignature{"conversation_id", "users_interacted", "abandoned",
                                                            "total_queue|total_handle"};
constexpr std::array<std::string_view, 12> kGenesysMaps{
    "id=Conversation ID",           "opened_at=Date",
    "channel=Media Type",           "queue=Queue",
    "agent=Users - Interacted",
    "offered=Non-ACD:NO",  // "Non-ACD calls are not associated with a queue": not offered to one
    "abandoned=Abandoned",          "wait_s=Total Queue:ms",
    "talk_s=Total Talk:ms,blank=0", "hold_s=Total Hold:ms,blank=0",
    "wrap_s=Total ACW:ms,blank=0",  "transferred=Transferred",
};

constexpr std::array kPresets{
    Preset{"amazon-connect",
           "Amazon Connect contact records (CTR): a JSON array, NDJSON, Kinesis Firehose objects back to back, or "
           "the same flattened to a CSV with dotted headers",
           "Amazon Connect Administrator Guide, Contact records data model (ctr-data-model) and Historical metrics "
           "definitions",
           kConnectSignature,
           kConnectMaps,
           {},
           {},
           "A record is offered when it has Queue.EnqueueTimestamp (Queue null: never queued, neither offered nor "
           "abandoned), answered when it has an Agent, abandoned when queued with no Agent: Connect's contacts "
           "abandoned / contacts queued. Connect's average handle time counts every contact connected to an agent, "
           "OUTBOUND ones too; cxkpi counts the answered contacts of a queue, so a record that never queued adds to "
           "no figure. Connect's service level X counts abandons within X as met, over contacts queued: "
           "service-level --mode abandons-positive gives it; cxkpi's default counts answers within T only. Records "
           "delivered twice are refused as repeated ids: --dedupe last keeps the later delivery.",
           kContactUnsupported},
    Preset{"amazon-connect-datalake",
           "Amazon Connect analytics data lake: the contact_record table queried in Athena and downloaded as CSV "
           "(durations in *_ms columns)",
           "Amazon Connect Administrator Guide, Contact data in the data lake (data-lake-contact-data) and Reference "
           "queries for the data lake (data-lake-reference-queries)",
           kDataLakeSignature,
           kDataLakeMaps,
           {},
           {},
           "Durations are milliseconds. A row is offered when queue_enqueue_timestamp is filled (NULL: never "
           "queued), answered when it has an agent, abandoned when queued with no agent: abandoned / queued. "
           "Average handle time counts the answered contacts of a queue, not OUTBOUND ones. Service level is "
           "answered within T over queued, as the data lake reference query computes it; the Admin Guide's service "
           "level X also counts abandons within X: service-level --mode abandons-positive.",
           kContactUnsupported},
    Preset{"genesys",
           "Genesys Cloud Performance > Workspace > Interactions view exported as CSV (durations in ms, Abandoned "
           "and Non-ACD YES/NO)",
           "Genesys Cloud Resource Center: Metric definitions, Interactions view, Average Speed of Answer and Average "
           "Handle Time glossary, Configure the service level calculation",
           kGenesysSignature,
           kGenesysMaps,
           {},
           {},
           "The Total columns are milliseconds; a blank Total Talk, Total Hold or Total ACW is a segment that did not "
           "occur (0). A Non-ACD interaction (YES) was routed through no queue: it is not offered, so it adds to no "
           "queue figure (abandonment, ASA, service level) and, in cxkpi, to no handle time either: the Genesys "
           "glossary's average handle time also counts handled Non-ACD interactions (outbound, direct to an agent). "
           "Service level is answered within T over answered + abandoned, Genesys's default (no flow-outs, short "
           "abandons counted).",
           kContactUnsupported},
};

// Whether `test` holds for an item of `list`, whose items `separator` divides.
template <class Test>
bool any_item(std::string_view list, char separator, Test test) {
  for (std::string_view rest = list; !rest.empty();) {
    const auto end = rest.find(separator);
    if (test(rest.substr(0, end))) return true;
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  return false;
}

bool signature_holds(std::string_view entry, const std::vector<std::string>& normalised) {
  return any_item(entry, '|', [&](std::string_view name) {
    return std::find(normalised.begin(), normalised.end(), name) != normalised.end();
  });
}

// The headers that made up the signature, as the input writes them, for -v and `columns`.
std::string found_by(const Preset& preset, const std::vector<std::string>& header,
                     const std::vector<std::string>& normalised) {
  std::vector<std::string> found;
  for (std::size_t c = 0; c < header.size(); ++c)
    if (std::any_of(preset.signature.begin(), preset.signature.end(),
                    [&](std::string_view entry) { return signature_holds(entry, {normalised[c]}); }))
      found.push_back(header[c]);
  return fmt::format("found by {}", fmt::join(found, ", "));
}

bool matches(const Preset& preset, const std::vector<std::string>& normalised) {
  return std::all_of(preset.signature.begin(), preset.signature.end(),
                     [&](std::string_view entry) { return signature_holds(entry, normalised); });
}

std::vector<std::string> preset_names() {
  std::vector<std::string> names{"none"};
  for (const auto& p : kPresets)
    names.emplace_back(p.name);
  return names;
}

// A preset named on the command line must fit the input: its signature holds the columns its
// readings depend on (Connect's offered is Queue.EnqueueTimestamp), so without them every
// row would be read on another rule.
AppliedPreset named_preset(const Preset& preset, const std::vector<std::string>& normalised) {
  if (!matches(preset, normalised)) {
    std::vector<std::string_view> lacking;
    for (const auto entry : preset.signature)
      if (!signature_holds(entry, normalised)) lacking.push_back(entry);
    throw Error::data(fmt::format("--preset {}: the input has no {} column, which the {} export has", preset.name,
                                  fmt::join(lacking, ", "), preset.name));
  }
  return {&preset, fmt::format("--preset {}", preset.name)};
}

}  // namespace

std::span<const Preset> presets() {
  return kPresets;
}

const Preset* preset_named(std::string_view name) {
  for (const auto& p : kPresets)
    if (p.name == name) return &p;
  return nullptr;
}

std::optional<AppliedPreset> preset_for(const std::vector<std::string>& header, const PresetChoice& choice,
                                        std::vector<std::string_view>* ambiguous) {
  if (choice.off()) return std::nullopt;
  std::vector<std::string> normalised;
  normalised.reserve(header.size());
  for (const auto& h : header)
    normalised.push_back(normalize_header(h));
  if (!choice.automatic()) {
    const auto* preset = preset_named(choice.name);
    if (preset == nullptr) throw Error::unknown("--preset: unknown preset", choice.name, preset_names());
    return named_preset(*preset, normalised);
  }
  std::vector<const Preset*> found;
  for (const auto& p : kPresets)
    if (matches(p, normalised)) found.push_back(&p);
  if (found.size() == 1) return AppliedPreset{found.front(), found_by(*found.front(), header, normalised)};
  if (ambiguous != nullptr)
    for (const auto* p : found)
      ambiguous->push_back(p->name);
  return std::nullopt;
}

std::vector<ColumnOverride> preset_overrides(const Preset& preset, const std::vector<std::string>& header,
                                             const std::vector<ColumnOverride>& user) {
  const auto named_by_user = [&](const ColumnOverride& o) {
    return std::any_of(user.begin(), user.end(), [&](const ColumnOverride& u) {
      return normalize_header(u.canonical) == normalize_header(o.canonical);
    });
  };
  std::vector<ColumnOverride> out;
  for (const auto map : preset.maps)
    if (auto o = parse_column_override(map); !named_by_user(o) && find_mapped_column(header, o))
      out.push_back(std::move(o));
  out.insert(out.end(), user.begin(), user.end());
  return out;
}

RecordColumns preset_columns(const Preset& preset) {
  RecordColumns columns;
  for (const auto map : preset.maps)
    if (const auto f = record_field_named(normalize_header(parse_column_override(map).canonical))) columns.add(*f);
  return columns;
}

std::optional<std::string_view> unsupported_reason(const Preset& preset, std::string_view metric) {
  for (const auto& u : preset.unsupported)
    if (any_item(u.metrics, ' ', [&](std::string_view name) { return name == metric; })) return u.reason;
  return std::nullopt;
}

}  // namespace cxkpi::cli
