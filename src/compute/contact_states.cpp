#include "compute/contact_states.hpp"

#include <algorithm>

namespace cxkpi::cli {
namespace {

std::size_t column_or_none(const LogLayout& layout, RecordField f) {
  return layout.columns.column_of(f).value_or(kNoColumn);
}

// The trimmed cell of `column`; empty when the log has no such column.
std::string_view cell_at(const ContactRow& row, std::size_t column) {
  return column == kNoColumn ? std::string_view{} : trim(row.cells.cell(column));
}

WindowRules chain_rules(const CaseRules& cases) {
  WindowRules w;
  w.window_s = cases.by_customer ? cases.window_s : kWholeCase;
  return w;
}

}  // namespace

void WindowState::start(const LogLayout& layout) {
  customer_column_ = column_or_none(layout, RecordField::customer_id);
  id_column_ = column_or_none(layout, RecordField::id);
  issue_column_ = layout.issue_col;
}

void WindowState::add(const ContactRow& row, Sums& sums, const BucketIndex& index) {
  if (customer_column_ == kNoColumn) return;
  const auto customer = cell_at(row, customer_column_);
  if (customer.empty()) {
    sums.add_raw(Field::no_customer, 1);
    return;
  }
  std::string_view key = customer;
  if (issue_column_ != kNoColumn) {
    // No issue, no evidence that it repeats another contact or is repeated: left out, counted.
    const auto issue = cell_at(row, issue_column_);
    if (issue.empty()) {
      sums.add_raw(Field::no_issue, 1);
      return;
    }
    key_.assign(customer).append(1, '\x1f').append(issue);  // a unit separator: in neither id nor issue
    key = key_;
  }
  windows_.add(key, row.layout.row_clock.opened_utc(), cell_at(row, id_column_), row.contact.answered.value_or(false),
               index.last());
}

void WindowState::finish(BucketIndex& index, Sums& /*total*/) {
  windows_.judge([&](std::size_t position) -> Sums& { return index.bucket(position); });
}

CaseState::CaseState(const CaseRules& rules)
    : cases_(chain_rules(rules)), key_(rules.by_customer ? RecordField::customer_id : RecordField::case_id) {}

void CaseState::start(const LogLayout& layout) {
  key_column_ = column_or_none(layout, key_);
  id_column_ = column_or_none(layout, RecordField::id);
}

void CaseState::add(const ContactRow& row, Sums& sums, const BucketIndex& index) {
  ++rows_;
  if (key_column_ == kNoColumn) return;
  const auto key = cell_at(row, key_column_);
  if (key.empty())
    sums.add_raw(Field::no_case, 1);
  else
    cases_.add(key, row.layout.row_clock.available() ? row.layout.row_clock.opened_utc() : rows_,
               cell_at(row, id_column_), row.contact.answered.value_or(false), index.last(),
               row.contact.resolved.value_or(false));
}

void CaseState::finish(BucketIndex& index, Sums& /*total*/) {
  cases_.judge_cases([&](std::size_t position) -> Sums& { return index.bucket(position); });
}

void AgentState::start(const LogLayout& layout) {
  agent_column_ = column_or_none(layout, RecordField::agent);
}

void AgentState::add(const ContactRow& row, Sums& sums, BucketIndex& index) {
  if (!row.contact.answered.value_or(false)) return;
  const auto agent = cell_at(row, agent_column_);
  if (agent.empty()) return;
  key_.assign(index.key()).append(1, '\x1e').append(agent);
  if (!in_buckets_.insert(key_).second) return;
  sums.add_raw(Field::agents_handled, 1);
  all_.emplace(agent);  // an agent new to all buckets is new to this one
}

// The buckets count an agent once in each bucket it appears in; the total counts it once,
// so it takes back the repeats from what the buckets will add up to.
void AgentState::finish(BucketIndex& /*index*/, Sums& total) {
  total.add_raw(Field::agents_handled,
                static_cast<std::int64_t>(all_.size()) - static_cast<std::int64_t>(in_buckets_.size()));
}

void AwaitingState::start(const LogLayout& layout) {
  has_column_ = layout.columns.column_of(RecordField::first_response_at).has_value() && layout.row_clock.available();
  outcome_known_ = has_outcome_evidence(layout.columns.present());
}

void AwaitingState::add(const ContactRow& row, Sums& /*sums*/, const BucketIndex& index) {
  if (!has_column_) return;
  const auto opened = row.layout.row_clock.opened_utc();
  latest_opened_ = std::max(latest_opened_, opened);
  const auto& c = row.contact;
  // Waiting: no first response yet (the log has the column, so its cell is blank), and not
  // resolved either (a ticket closed without a reply waits for nothing), nor abandoned.
  if (c.first_response || c.resolved.value_or(false) || c.resolution ||
      (outcome_known_ && c.abandoned.value_or(false)))  // an abandoned call waits for no reply
    return;
  auto& w = by_bucket_[index.last()];
  w.earliest = w.count == 0 ? opened : std::min(w.earliest, opened);
  ++w.count;
  w.opened_sum += opened;
}

// Each bucket gets its waiting contacts' ages at the reference time; the total, which adds
// the buckets up, takes back the oldest ages they add and keeps the oldest of all, and gets
// the reference time itself.
void AwaitingState::finish(BucketIndex& index, Sums& total) {
  if (!rules_.as_of && latest_opened_ == std::numeric_limits<std::int64_t>::min()) return;  // no row: no time
  const auto as_of = rules_.as_of.value_or(latest_opened_);
  std::int64_t oldest = 0;
  std::int64_t oldest_added = 0;
  for (const auto& [position, w] : by_bucket_) {
    auto& sums = index.bucket(position);
    const auto bucket_oldest = std::max<std::int64_t>(0, as_of - w.earliest);
    sums.add_raw(Field::awaiting_first_response, w.count);
    sums.add_raw(Field::awaiting_age_s, std::max<std::int64_t>(0, w.count * as_of - w.opened_sum) * kAmountScale);
    sums.add_raw(Field::awaiting_oldest_s, bucket_oldest * kAmountScale);
    oldest = std::max(oldest, bucket_oldest);
    oldest_added += bucket_oldest;
  }
  total.add_raw(Field::awaiting_oldest_s, (oldest - oldest_added) * kAmountScale);
  total.add_raw(Field::awaiting_as_of, as_of * kAmountScale);
}

ContactStates::ContactStates(const RecordRules& rules) {
  if (rules.window) std::get<std::optional<WindowState>>(states_).emplace(*rules.window);
  if (rules.cases) std::get<std::optional<CaseState>>(states_).emplace(*rules.cases);
  if (rules.count_agents) std::get<std::optional<AgentState>>(states_).emplace();
  if (rules.awaiting) std::get<std::optional<AwaitingState>>(states_).emplace(*rules.awaiting);
}

}  // namespace cxkpi::cli
