#pragma once
/// Drill-down: which contacts of a record log are behind a metric's figure (`--list`), and
/// the amount each adds.
///
/// One rule for every metric: a share lists the contacts its numerator counts (abandoned,
/// resolved at first contact, transferred); an average lists the contacts it averages, each
/// with its amount. The tests are the ones `accumulate` counts with (record.hpp: the outcome,
/// counts_in_aht, short_abandon), so a listing and its figure cannot disagree. A contact the
/// figure leaves out for a blank cell is not listed: it is no evidence.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cxkpi/catalog.hpp"
#include "cxkpi/record.hpp"

namespace cxkpi {

/// The families of figures whose contacts can be listed.
enum class Evidence : std::uint8_t {
  abandoned,
  handle_time,
  answer_wait,
  first_contact_resolved,
  transferred,
  first_response,
  resolution
};

struct EvidenceSpec {
  std::string_view metric;  ///< the subcommand
  Evidence evidence;
  std::string_view rows;    ///< what is listed, for --help and explain
  std::string_view amount;  ///< the amount column (seconds), empty when the figure has none
};

inline constexpr std::array kEvidence{
    EvidenceSpec{"abandonment", Evidence::abandoned,
                 "the abandoned contacts the numerator counts (without the short abandons the figure leaves out), "
                 "with their wait",
                 "wait_s"},
    EvidenceSpec{"aht", Evidence::handle_time,
                 "the handled contacts AHT averages (none with a counted component blank), with their handle time",
                 "handle_s"},
    EvidenceSpec{"asa", Evidence::answer_wait, "the answered contacts with a known wait, with their wait", "wait_s"},
    EvidenceSpec{"fcr", Evidence::first_contact_resolved,
                 "the handled contacts resolved at the first contact (the numerator)", ""},
    EvidenceSpec{"transfer-rate", Evidence::transferred, "the handled contacts transferred (the numerator)", ""},
    EvidenceSpec{"first-response-time", Evidence::first_response,
                 "the contacts with a first response, with the time to it", "first_response_s"},
    EvidenceSpec{"resolution-time", Evidence::resolution, "the contacts with a resolved_at, with the time to it",
                 "resolution_s"},
};

/// The listing of `metric`, or nullptr when --list does not apply to it.
inline const EvidenceSpec* evidence_of(std::string_view metric) {
  const auto* it =
      std::find_if(kEvidence.begin(), kEvidence.end(), [metric](const EvidenceSpec& e) { return e.metric == metric; });
  return it == kEvidence.end() ? nullptr : &*it;
}

/// A contact behind a figure, with its amount in 1/10000 s (nullopt for a count, or when
/// the amount is blank on a contact the figure still counts, an abandon of unknown wait).
struct Behind {
  std::optional<std::int64_t> amount;
};

/// Whether `c` (after derive_flags and check_contact) is behind the figure of `e` under `s`.
inline std::optional<Behind> behind(Evidence e, const Contact& c, const Settings& s) {
  const bool answered = c.answered.value_or(false);  // unknown outcome: left out of every queue figure
  const auto rules = s.record_rules();
  switch (e) {
    case Evidence::abandoned: {
      if (!c.answered || !*c.abandoned) return std::nullopt;
      // The figure takes short abandons (and abandons of blank wait, which may be short) out
      // when S is set and the variant leaves them out (queue.hpp, abandonment).
      const bool short_out = s.abandonment.short_out && rules.short_abandon_raw > 0 &&
                             (detail::short_abandon(c, rules) || c.blank.has(RecordField::wait_s));
      if (short_out) return std::nullopt;
      return Behind{c.wait};
    }
    case Evidence::handle_time:
      if (!answered || !detail::counts_in_aht(c, rules.handle)) return std::nullopt;
      return Behind{detail::counted_handle_raw(c, rules.handle)};
    case Evidence::answer_wait:
      if (!answered || !c.wait) return std::nullopt;
      return Behind{c.wait};
    case Evidence::first_contact_resolved:
      if (!answered || !c.first_contact_resolved.value_or(false)) return std::nullopt;
      return Behind{};
    case Evidence::transferred:
      if (!answered || !c.transferred.value_or(false)) return std::nullopt;
      return Behind{};
    case Evidence::first_response:
      if (!c.first_response) return std::nullopt;
      return Behind{c.first_response};
    case Evidence::resolution:
      if (!c.resolution) return std::nullopt;
      return Behind{c.resolution};
  }
  return std::nullopt;
}

}  // namespace cxkpi

namespace cxkpi {

/// What a target of `cxkpi breaches --sla` measures on a contact.
enum class Measure : std::uint8_t { first_response, resolution, wait, handle };

/// A contact against a measure: concerned or not (an unanswered contact has no handle time,
/// a contact never offered no queue wait), and its amount in 1/10000 s when known (nullopt:
/// blank, not measurable; never taken as 0).
struct Measured {
  bool applies = false;
  std::optional<std::int64_t> raw;
};

/// How `c` (after derive_flags and check_contact) stands against `m`, measured as the metric
/// of that duration measures it (business seconds under --business-hours, AHT's components).
inline Measured measured(Measure m, const Contact& c, const RecordRules& rules) {
  if (c.kind != RowKind::contact) return {};
  switch (m) {
    case Measure::first_response:
      return {true, c.first_response};
    case Measure::resolution:
      return {true, c.resolution};
    case Measure::wait:
      if (!*c.offered) return {};
      return {true, c.wait};
    case Measure::handle:
      if (!c.answered.value_or(false)) return {};
      if (!detail::counts_in_aht(c, rules.handle)) return {true, std::nullopt};
      return {true, detail::counted_handle_raw(c, rules.handle)};
  }
  return {};
}

}  // namespace cxkpi
