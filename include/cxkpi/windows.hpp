#pragma once
/// Customer windows: whether a contact was followed, or preceded, by another contact of the
/// same customer within W (FCR's window method and repeat-contact-rate, METRICS.md §5).
///
/// Unlike every other metric these are not additive over arbitrary splits of the input: a
/// customer's contacts must be seen together. The reader keeps one small record per contact
/// with a customer id, and judges them all once the input is read.

#include <algorithm>
#include <cstdint>
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
};

struct WindowRules {
  std::int64_t window_s = 7 * 86400;
  bool censor = false;                ///< leave out contacts whose window had not ended by as_of
  std::optional<std::int64_t> as_of;  ///< UTC seconds; default the latest opened time
  bool repeat_handled_only = false;   ///< repeat-contact-rate --scope handled
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

/// Sorts `contacts` by (customer, opened, id) and calls `on_judged(contact, outcome)` for each.
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
    o.immature = c.opened + rules.window_s > as_of;
    on_judged(c, o);
  }
}

}  // namespace cxkpi
