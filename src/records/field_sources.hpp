#pragma once
// Which record columns an aggregate field comes from, for the messages that name what a
// log lacks.

#include <string>
#include <string_view>

#include "cxkpi/catalog.hpp"
#include "records/presets.hpp"

namespace cxkpi::cli {

/// The record column (or columns, or flag) that field `f` of a log's sums comes from.
std::string_view record_source_of(Field f);

/// "abandonment needs to know which contacts were answered: …": why a log with no answered,
/// abandoned, agent, talk or wait column has no queue or handling figure (METRICS.md §0).
std::string no_outcome_evidence(std::string_view metric);

/// Throws Error (data) naming the record columns a metric needs but the logs lack, or the
/// reason the logs' `preset` gives for a metric their export cannot support.
void require_fields(const MetricSpec& metric, const Plan& plan, const FieldSet& supplied, const std::string& source,
                    const Preset* preset = nullptr);

}  // namespace cxkpi::cli
