#include "compute/contact_states.hpp"

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
}

void WindowState::add(const ContactRow& row, Sums& sums, const BucketIndex& index) {
  if (customer_column_ == kNoColumn) return;
  const auto customer = cell_at(row, customer_column_);
  if (customer.empty())
    sums.add_raw(Field::no_customer, 1);
  else
    windows_.add(customer, row.layout.row_clock.opened_utc(), cell_at(row, id_column_),
                 row.contact.answered.value_or(false), index.last());
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

ContactStates::ContactStates(const RecordRules& rules) {
  if (rules.window) std::get<std::optional<WindowState>>(states_).emplace(*rules.window);
  if (rules.cases) std::get<std::optional<CaseState>>(states_).emplace(*rules.cases);
  if (rules.count_agents) std::get<std::optional<AgentState>>(states_).emplace();
}

}  // namespace cxkpi::cli
