#pragma once
// Genesys Cloud's analytics conversation details (POST
// /api/v2/analytics/conversations/details/ query) keep a conversation's figures
// in participants[] → sessions[] → metrics[], as
// {"name": "tTalk", "value": 300000} pairs, with one participant per purpose
// (customer, acd for the queue, agent). A flat row has none of them, so the
// array is folded into an object keyed by purpose before the row is flattened:
// participants.acd.nOffered, participants.agent.tTalkComplete,
// participants.agent.userId, which a preset maps.

#include "io/json_rows.hpp"

namespace cxkpi::cli {

/// Folds the `participants` array of each row that has one of participants with
/// a `purpose` into {purpose: {participantName, userId, mediaType, and each
/// metric's name: its values summed over the purpose's sessions}}. The first
/// participantName, userId and session mediaType of a purpose are kept. Rows of
/// another shape are left as they are.
void fold_participants(ojson& rows);

}  // namespace cxkpi::cli
