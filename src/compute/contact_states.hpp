#pragma once
// What a record log counts across rows rather than row by row: customer windows (FCR's
// window method, repeat contacts), cases (contacts-to-resolution) and distinct agents
// (resolved-per-agent). Each state finds its columns in each input (start), sees every
// counted row once, in input order, after the row's sums are added (add), and settles what
// it holds into the buckets and the total once the input is read (finish).
//
// The states are plain classes with the same three members, held in one tuple: a row costs
// one branch for each state not asked for, and no virtual call for those that are.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "compute/bucket_index.hpp"
#include "compute/customer_windows.hpp"
#include "compute/log_scan.hpp"
#include "cxkpi/record.hpp"

namespace cxkpi::cli {

/// The row a state sees: its cells and times, and its contact (read and checked).
struct ContactRow {
  const TableReader& cells;
  const LogLayout& layout;
  const Contact& contact;
};

/// Customer windows: each handled contact judged by its customer's other contacts.
class WindowState {
 public:
  explicit WindowState(const WindowRules& rules) : windows_(rules) {}
  void start(const LogLayout& layout);
  void add(const ContactRow& row, Sums& sums, const BucketIndex& index);
  void finish(BucketIndex& index, Sums& total);

 private:
  CustomerWindows windows_;
  std::size_t customer_column_ = kNoColumn;
  std::size_t id_column_ = kNoColumn;
  std::size_t issue_column_ = kNoColumn;
  std::string key_;  // customer id and issue, the window's key under --issue-key
};

/// Cases: contacts folded by case id (or by customer under --case-by customer).
class CaseState {
 public:
  explicit CaseState(const CaseRules& rules);
  void start(const LogLayout& layout);
  void add(const ContactRow& row, Sums& sums, const BucketIndex& index);
  void finish(BucketIndex& index, Sums& total);

 private:
  CustomerWindows cases_;
  RecordField key_;
  std::size_t key_column_ = kNoColumn;
  std::size_t id_column_ = kNoColumn;
  std::int64_t rows_ = 0;  // orders a case's contacts in a log without times
};

/// Distinct named agents with a handled contact, per bucket and in all: not a sum, so a set
/// of (bucket, agent) keys; a bucket counts an agent when the agent first appears in it.
class AgentState {
 public:
  void start(const LogLayout& layout);
  void add(const ContactRow& row, Sums& sums, BucketIndex& index);
  void finish(BucketIndex& index, Sums& total);

 private:
  std::size_t agent_column_ = kNoColumn;
  std::string key_;
  std::unordered_set<std::string> in_buckets_;
  std::unordered_set<std::string> all_;
};

/// Contacts still waiting for a first response (a blank first_response_at, not resolved):
/// their ages are known only against the reference time, the latest opened time unless
/// --as-of gives one, so each bucket keeps the count, the sum and the earliest of their
/// opened times until the input is read.
class AwaitingState {
 public:
  explicit AwaitingState(const AwaitingRules& rules) : rules_(rules) {}
  void start(const LogLayout& layout);
  void add(const ContactRow& row, Sums& sums, const BucketIndex& index);
  void finish(BucketIndex& index, Sums& total);

 private:
  struct Waiting {
    std::int64_t count = 0;
    std::int64_t opened_sum = 0;  // UTC seconds, added up
    std::int64_t earliest = 0;
  };
  AwaitingRules rules_;
  bool has_column_ = false;
  bool outcome_known_ = false;  // the log tells answered from abandoned (a ticket export does not)
  std::int64_t latest_opened_ = std::numeric_limits<std::int64_t>::min();
  std::unordered_map<std::size_t, Waiting> by_bucket_;  // bucket position → its waiting contacts
};

/// The states `rules` ask for.
class ContactStates {
 public:
  explicit ContactStates(const RecordRules& rules);

  /// No state asked for: the rows may be read in any order (in blocks, on other threads).
  [[nodiscard]] bool empty() const {
    return std::apply([](const auto&... state) { return (!state && ...); }, states_);
  }
  /// Before the rows of an input (or a block of one): its columns.
  void start(const LogLayout& layout) {
    for_each([&](auto& state) { state.start(layout); });
  }
  void add(const ContactRow& row, Sums& sums, BucketIndex& index) {
    for_each([&](auto& state) { state.add(row, sums, index); });
  }
  /// Settles every state; before the buckets are taken from `index` (positions still hold).
  void finish(BucketIndex& index, Sums& total) {
    for_each([&](auto& state) { state.finish(index, total); });
  }

 private:
  template <class Call>
  void for_each(const Call& call) {
    std::apply([&](auto&... state) { ((state ? call(*state) : void()), ...); }, states_);
  }

  std::tuple<std::optional<WindowState>, std::optional<CaseState>, std::optional<AgentState>,
             std::optional<AwaitingState>>
      states_;
};

}  // namespace cxkpi::cli
