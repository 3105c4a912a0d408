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

// Genesys Cloud analytics conversation details query (POST /api/v2/analytics/conversations/
// details/query): {"conversations":[…],"totalHits":N}; the reader folds each conversation's
// participants[].sessions[].metrics[] by purpose (io/participants), so a row has
// participants.acd.nOffered, participants.agent.tTalkComplete … t-metrics are milliseconds.
constexpr std::array<std::string_view, 3> kGenesysAnalyticsSignature{
    "conversation_id", "conversation_start", "participants.acd.noffered|participants.agent.thandle"};
constexpr std::array<std::string_view, 11> kGenesysAnalyticsMaps{
    "id=conversationId",
    "opened_at=conversationStart",
    "channel=participants.customer.mediaType",
    "queue=participants.acd.participantName",
    "agent=participants.agent.userId",
    "offered=participants.acd.nOffered:present",  // no acd participant: Non-ACD, offered to no queue
    "abandoned=participants.acd.tAbandon:present",
    "wait_s=participants.acd.tAcd:ms",  // time in queue: tAnswered when answered, tAbandon when abandoned
    "talk_s=participants.agent.tTalkComplete:ms,blank=0",
    "hold_s=participants.agent.tHeldComplete:ms,blank=0",
    "wrap_s=participants.agent.tAcw:ms,blank=0",
};

// What a ticket or conversation export cannot give: it records no queued call.
constexpr UnsupportedMetric kTicketNoQueue{
    "abandonment asa avg-wait service-level aht hold transfer-rate",
    "a ticket is no queued call: the export has no answer or abandon, queue wait or handle time"};
constexpr UnsupportedMetric kTicketNoFcr{"fcr contacts-to-resolution cost-per-resolution resolved-per-agent",
                                         "the export does not say which tickets were resolved at first contact"};
constexpr UnsupportedMetric kNoNpsCes{"nps ces", "the export has no NPS or effort survey answer"};

// Freshdesk Tickets > Export CSV: times "YYYY-MM-DD HH:MM:SS" in the account's zone; the
// "(in hrs)" columns are hh:mm:ss of business hours with 00:00:00 for none, so the calendar
// figures are measured from the timestamps instead.
constexpr std::array<std::string_view, 3> kFreshdeskSignature{"ticket_id", "created_time", "initial_response_time"};
constexpr std::array<std::string_view, 7> kFreshdeskMaps{
    "id=Ticket ID",
    "opened_at=Created time",
    "first_response_at=Initial response time",
    "resolved_at=Resolved time",
    "channel=Source",
    "queue=Group",
    // The classic survey's three answers (en.yml happy, neutral, unhappy) on cxkpi's 1-5 scale:
    // top-2-box (4 and 5) is Awesome alone, Freshdesk's positive ratings.
    "csat=Survey results:Awesome=5,Just Okay=3,Not Good=1",
};
constexpr std::array kFreshdeskLabels{
    PresetLabel{"Agent", "the ticket's assignee, not an agent who answered a call: a ticket has no answer"}};
constexpr std::array kFreshdeskUnsupported{kTicketNoQueue, kTicketNoFcr, kNoNpsCes};

// Zendesk's satisfaction score, here and in the Tickets API, is good or bad; offered (sent, not
// answered) and unoffered are no answer. On cxkpi's 1-5 scale good is 5 and bad 1, so CSAT
// (top-2-box) is good / (good + bad).
// The zendesk__ticket_metrics model of Fivetran's dbt_zendesk package, downloaded as CSV.
constexpr std::array<std::string_view, 2> kDbtZendeskSignature{
    "ticket_id", "first_reply_time_calendar_minutes|final_resolution_calendar_minutes"};
constexpr std::array<std::string_view, 7> kDbtZendeskMaps{
    "id=ticket_id",
    "opened_at=created_at",
    // Calendar minutes, to 4 decimals (seconds / 60): exact in cxkpi's 1/10000 s; NULL: no reply.
    "first_response_s=first_reply_time_calendar_minutes:min",
    "resolved_at=last_solved_at",
    "channel=created_channel",
    "queue=group_name",
    "csat=ticket_satisfaction_score:good=5,bad=1,offered=blank,unoffered=blank",
};
constexpr std::array kDbtZendeskUnsupported{kTicketNoQueue, kTicketNoFcr, kNoNpsCes};

// Chatwoot's conversations API: {"data":{"meta":…,"payload":[…]}}, epoch seconds, 0 = none.
constexpr std::array<std::string_view, 3> kChatwootSignature{"first_reply_created_at", "inbox_id", "uuid"};
constexpr std::array<std::string_view, 4> kChatwootMaps{
    "id=id", "opened_at=created_at", "first_response_at=first_reply_created_at", "channel=meta.channel"};
constexpr std::array kChatwootUnsupported{
    kTicketNoQueue, kTicketNoFcr, kNoNpsCes,
    UnsupportedMetric{"resolution-time",
                      "the conversation list has no resolved time (last_activity_at is the last message, not one)"},
    UnsupportedMetric{"csat",
                      "the conversation list has no survey answer (Chatwoot's CSAT responses are another API)"}};

// Twilio's Calls API (2010-04-01): {"calls":[…],"first_page_uri",…}; a <Dial> makes a child
// leg with a parent_call_sid, which is no call of its own.
constexpr std::array<std::string_view, 5> kTwilioSignature{"sid", "direction", "status", "duration", "parent_call_sid"};
constexpr std::array<std::string_view, 2> kTwilioMaps{"id=sid", "opened_at=start_time"};
constexpr std::array kTwilioLabels{
    PresetLabel{"queue_time", "the time before Twilio places the call, in ms: no wait in a contact-centre queue"}};
constexpr std::array kTwilioUnsupported{
    UnsupportedMetric{"abandonment asa avg-wait service-level aht hold transfer-rate fcr resolved-per-agent",
                      "a bare call log has no agent or queue: no answer by an agent, queue wait or handle time "
                      "(duration includes any IVR, queue_time is the wait before Twilio places the call)"},
    UnsupportedMetric{"csat nps ces", "the export has no survey answer"},
    UnsupportedMetric{"first-response-time resolution-time",
                      "a call has no ticket times; end_time - start_time is the call's duration, not a resolution"}};

// Zendesk Support API: Tickets ({"tickets":[…]}, or one {"ticket":{…}} per line of the full
// JSON export) and Ticket Metrics ({"ticket_metrics":[…]}, durations in {calendar, business}
// minutes objects).
constexpr std::array<std::string_view, 4> kZendeskSignature{"id", "created_at", "status", "satisfaction_rating.score"};
constexpr std::array<std::string_view, 4> kZendeskMaps{
    "id=id", "opened_at=created_at", "channel=via.channel",
    "csat=satisfaction_rating.score:good=5,bad=1,offered=blank,unoffered=blank"};
constexpr std::array kZendeskUnsupported{
    kTicketNoQueue, kTicketNoFcr, kNoNpsCes,
    UnsupportedMetric{"first-response-time resolution-time",
                      "a ticket of the Tickets API has no reply or solved time: the Ticket Metrics API has them"}};
constexpr std::array<std::string_view, 3> kZendeskMetricsSignature{"ticket_id", "reply_time_in_minutes.calendar",
                                                                   "solved_at"};
constexpr std::array<std::string_view, 4> kZendeskMetricsMaps{
    "id=ticket_id", "opened_at=created_at",
    "first_response_s=reply_time_in_minutes.calendar:min",  // whole minutes; null: no reply yet
    "resolved_at=solved_at"};
constexpr std::array kZendeskMetricsUnsupported{
    kTicketNoQueue, kTicketNoFcr, kNoNpsCes,
    UnsupportedMetric{"csat", "Ticket Metrics have no satisfaction rating: the Tickets API has it"}};

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
    Preset{"genesys-analytics",
           "Genesys Cloud analytics conversation details (POST /api/v2/analytics/conversations/details/query) "
           "JSON: conversations with participants[].sessions[].metrics[] (t-metrics in ms)",
           "Genesys Cloud Platform API models (AnalyticsConversationQueryResponse, AnalyticsSession, "
           "AnalyticsSessionMetric) and the conversation-model-to-sql blueprint's sample conversations",
           kGenesysAnalyticsSignature,
           kGenesysAnalyticsMaps,
           {},
           {},
           "A conversation's metrics are summed per participant purpose (customer, acd, agent) over its sessions. "
           "It is offered when its acd participant has nOffered (no acd participant: Non-ACD, offered to no queue), "
           "abandoned when that participant has tAbandon, and its wait is the acd tAcd (tAnswered when answered, "
           "tAbandon when abandoned). AHT is tTalkComplete + tHeldComplete + tAcw of the answered contacts of a "
           "queue (Genesys's tHandle, which adds tDialing and tContacting of outbound and counts Non-ACD "
           "conversations too). Service level is answered within T over offered. Read one page at a time: the "
           "query's paging is the user's.",
           kContactUnsupported},
    Preset{"zendesk",
           "Zendesk Tickets API JSON ({\"tickets\":[…]}), or the full JSON export (one {\"ticket\":{…}} a line)",
           "Zendesk Support API reference: Tickets, Satisfaction Ratings",
           kZendeskSignature,
           kZendeskMaps,
           {},
           {},
           "A ticket is counted as a contact; the Tickets API gives no reply or solved time, so no timing figure. "
           "CSAT is good / (good + bad) of satisfaction_rating.score, read on the 1-5 scale as good 5 and bad 1 "
           "(top-2-box is then good alone; the mean is on that scale, not Zendesk's); offered and unoffered are no "
           "answer, and any other word is an error of its row.",
           kZendeskUnsupported},
    Preset{"zendesk-metrics",
           "Zendesk Ticket Metrics API JSON ({\"ticket_metrics\":[…]})",
           "Zendesk Support API reference: Ticket Metrics",
           kZendeskMetricsSignature,
           kZendeskMetricsMaps,
           {},
           {},
           "First response time is reply_time_in_minutes.calendar, Zendesk's first reply time in whole calendar "
           "minutes (null: no reply yet, left out). Resolution time is solved_at - created_at, calendar time: "
           "Zendesk's full_resolution_time_in_minutes calendar, to the second. The other *_in_minutes objects are "
           "labels.",
           kZendeskMetricsUnsupported},
    Preset{"dbt-zendesk",
           "the zendesk__ticket_metrics model of Fivetran's dbt_zendesk package, downloaded from the warehouse as CSV",
           "fivetran/dbt_zendesk v1.7.0: models/zendesk.yml and zendesk__ticket_metrics.sql",
           kDbtZendeskSignature,
           kDbtZendeskMaps,
           {},
           {},
           "First response time is first_reply_time_calendar_minutes, read exactly (4 decimals of a minute are "
           "whole 1/10000 s; NULL: no public agent reply, left out). Resolution time is last_solved_at - created_at, "
           "calendar time: the model's final_resolution_calendar_minutes (a ticket reopened since keeps its "
           "last_solved_at). The other *_minutes columns are labels. CSAT is good / (good + bad) of "
           "ticket_satisfaction_score, read on the 1-5 scale as "
           "good 5 and bad 1; offered and unoffered are no answer.",
           kDbtZendeskUnsupported},
    Preset{
        "freshdesk",
        "Freshdesk Tickets > Export, the CSV of the default ticket fields",
        "Freshdesk ticket export (the freshconsult application's export field map and time formats)",
        kFreshdeskSignature,
        kFreshdeskMaps,
        {},
        kFreshdeskLabels,
        "First response time is Initial response time - Created time and resolution time Resolved time - "
        "Created time, both calendar time; the (in hrs) columns (business hours, hh:mm:ss, 00:00:00 for none) "
        "are labels. Times carry no zone: give --tz the account's. CSAT reads the classic survey's Survey results on "
        "the 1-5 scale as Awesome 5, Just Okay 3, Not Good 1: top-2-box is Awesome / rated, Freshdesk's positive "
        "ratings over ratings; another survey's labels are an error of their row (--map csat='Survey "
        "results:WORD=SCORE,…' reads them).",
        kFreshdeskUnsupported},
    Preset{"chatwoot",
           "Chatwoot conversations API (GET /api/v1/accounts/{id}/conversations) JSON",
           "chatwoot/chatwoot: the conversations jbuilder views and reporting_event_listener.rb",
           kChatwootSignature,
           kChatwootMaps,
           {},
           {},
           "Times are epoch seconds; first_reply_created_at 0 is no reply yet, which first response time leaves out.",
           kChatwootUnsupported},
    Preset{"twilio", "Twilio Calls API (2010-04-01 Calls.json) JSON: a bare call log",
           "twilio/twilio-oai: spec/json/twilio_api_v2010.json (the Call resource)", kTwilioSignature, kTwilioMaps,
           "empty(parent_call_sid)", kTwilioLabels,
           "Only parent calls are read: a child leg (parent_call_sid set) is the dialled side of a call already "
           "counted. A call log has no agent or queue, so cxkpi counts calls and gives no contact-centre figure.",
           kTwilioUnsupported},
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
