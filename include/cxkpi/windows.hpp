#pragma once
/// Customer windows: whether a contact was followed, or preceded, by another contact of the
/// same customer within W (FCR's window method and repeat-contact-rate, METRICS.md §5), and
/// the cases of contacts-to-resolution: runs of contacts with one key (a case id, or a
/// customer id whose contacts each follow the one before within W).
///
/// Unlike every other metric these are not additive over arbitrary splits of the input: a
/// customer's contacts must be seen together. The reader keeps one small record per contact
/// with a customer id, and judges them all once the input is read.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cxkpi/sums.hpp"

namespace cxkpi {

struct WindowContact {
  std::uint32_t customer = 0;  ///< the customer id, interned
  std::int64_t opened = 0;     ///< UTC seconds
  std::string id;              ///< breaks ties of equal opened times ("id as text" order)
  bool handled = false;
  std::uint32_t bucket = 0;  ///< where the contact's outcome is counted
  bool resolved = false;     ///< resolved = 1 (the case is resolved when its last contact is)
};

/// The default repeat and case window: 7 days.
inline constexpr std::int64_t kWeekSeconds = std::int64_t{7} * 86400;

struct WindowRules {
  std::int64_t window_s = kWeekSeconds;
  bool censor = false;                ///< leave out contacts whose window had not ended by as_of
  std::optional<std::int64_t> as_of;  ///< UTC seconds; default the latest opened time
  bool repeat_handled_only = false;   ///< repeat-contact-rate --scope handled
  /// --issue-key COLUMN: contacts repeat (or follow) one another only when this column's
  /// values are equal too, so a billing call after a tech call is no repeat.
  std::string issue_key;
};

/// How contacts-to-resolution forms cases: rows sharing a case id, or (by_customer) a
/// customer's contacts each opened within window_s of the one before.
struct CaseRules {
  bool by_customer = false;
  std::int64_t window_s = kWeekSeconds;
};

/// What the window says of one contact.
struct WindowOutcome {
  bool followed = false;  ///< the same customer came back within W after it
  bool repeat = false;    ///< the same customer had come within W before it
  bool immature = false;  ///< its window ends after as_of
};

/// Adds a judged contact to the sums of its bucket.
inline void count_window_outcome(Sums& s, const WindowContact& c, const WindowOutcome& o, const WindowRules& rules) {
  if (!rules.repeat_handled_only || c.handled) {
    s.add_raw(Field::customer_contacts, 1);
    if (o.repeat) s.add_raw(Field::repeat_contacts, 1);
  }
  if (!c.handled) return;
  if (rules.censor && o.immature) {
    s.add_raw(Field::window_immature, 1);
    return;
  }
  s.add_raw(Field::window_handled, 1);
  if (o.followed) s.add_raw(Field::window_followed, 1);
}

/// Sorts `contacts` by (customer, opened, id) and calls `on_judged(contact, outcome)` for
/// each, in that order.
template <class OnJudged>
void judge_windows(std::vector<WindowContact>& contacts, const WindowRules& rules, OnJudged on_judged) {
  std::sort(contacts.begin(), contacts.end(), [](const WindowContact& a, const WindowContact& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.opened != b.opened) return a.opened < b.opened;
    return a.id < b.id;
  });
  std::int64_t as_of = rules.as_of.value_or(0);
  if (!rules.as_of)
    for (const auto& c : contacts)
      as_of = std::max(as_of, c.opened);
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& c = contacts[i];
    WindowOutcome o;
    o.followed = i + 1 < contacts.size() && contacts[i + 1].customer == c.customer &&
                 contacts[i + 1].opened - c.opened <= rules.window_s;
    o.repeat = i > 0 && contacts[i - 1].customer == c.customer && c.opened - contacts[i - 1].opened <= rules.window_s;
    std::int64_t window_end = 0;  // past int64 (kWholeCase): never ends, so immature
    o.immature = __builtin_add_overflow(c.opened, rules.window_s, &window_end) || window_end > as_of;
    on_judged(c, o);
  }
}

/// Window length for cases by case id: every contact with the id is in the one case.
inline constexpr std::int64_t kWholeCase = std::numeric_limits<std::int64_t>::max();

/// Adds one case of `contacts` contacts to `s`: resolved cases to the mean and the one-contact
/// share, open ones apart.
inline void count_case(Sums& s, std::int64_t contacts, bool resolved) {
  if (!resolved) {
    s.add_raw(Field::cases_open, 1);
    return;
  }
  s.add_raw(Field::cases_resolved, 1);
  s.add_raw(Field::case_contacts, contacts);
  if (contacts == 1) s.add_raw(Field::cases_one_contact, 1);
}

/// Folds `contacts` (keyed by case id, or by customer) into cases and counts each in the
/// sums `bucket_sums(bucket)` of its first contact's bucket. A case runs while the next
/// contact of the key comes within rules.window_s (kWholeCase: all of them); it is resolved
/// when its last contact is.
template <class BucketSums>
void judge_cases(std::vector<WindowContact>& contacts, const WindowRules& rules, BucketSums bucket_sums) {
  std::uint32_t first_bucket = 0;
  std::int64_t n = 0;
  judge_windows(contacts, rules, [&](const WindowContact& c, const WindowOutcome& o) {
    if (!o.repeat) {
      first_bucket = c.bucket;
      n = 0;
    }
    ++n;
    if (!o.followed) count_case(bucket_sums(first_bucket), n, c.resolved);
  });
}

}  // namespace cxkpi
