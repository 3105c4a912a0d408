// FCR's window method and repeat-contact-rate on fixture F (METRICS.md §5).
#include <vector>

#include "cxkpi/catalog.hpp"
#include "test_support.hpp"

namespace {

using cxkpi::Field;

// Fixture F: (id, customer, opened as hours after 2024-03-04 00:00 UTC, handled).
struct Row {
  const char* id;
  std::uint32_t customer;
  double hours;
  bool handled;
};
constexpr Row kFixtureF[] = {
    {"1", 1, 9, true},        {"2", 2, 9 + 5.0 / 60, true}, {"3", 3, 9 + 20.0 / 60, false}, {"4", 1, 10, true},
    {"5", 4, 10.5, false},    {"6", 5, 14, true},           {"7", 2, 24 + 9, true},         {"8", 6, 24 + 11, true},
    {"9", 7, 48 + 9.5, true}, {"10", 1, 96 + 10, true},     {"11", 8, 10.75, false},
};

cxkpi::Sums judged(const cxkpi::WindowRules& rules) {
  std::vector<cxkpi::WindowContact> contacts;
  for (const auto& r : kFixtureF)
    contacts.push_back({r.customer, static_cast<std::int64_t>(r.hours * 3600), r.id, r.handled, 0});
  cxkpi::Sums s;
  cxkpi::judge_windows(contacts, rules,
                       [&](const auto& c, const auto& o) { cxkpi::count_window_outcome(s, c, o, rules); });
  s.set_present({Field::window_handled, Field::window_followed, Field::window_immature, Field::customer_contacts,
                 Field::repeat_contacts, Field::no_customer});
  return s;
}

cxkpi::WindowRules window(std::int64_t seconds, bool censor = false) {
  cxkpi::WindowRules r;
  r.window_s = seconds;
  r.censor = censor;
  return r;
}

}  // namespace

TEST_CASE("fcr window method reproduces the METRICS.md examples") {
  const cxkpi::FcrOptions o{cxkpi::FcrBase::handled, cxkpi::FcrMethod::window};
  cxkpi::test::require_value(cxkpi::fcr(judged(window(86400)), o), 75.0);             // ids 1 and 2 followed
  cxkpi::test::require_value(cxkpi::fcr(judged(window(86400, true)), o), 500.0 / 7);  // id 10 immature
  REQUIRE(*cxkpi::detail_of(cxkpi::fcr(judged(window(86400, true)), o), "immature") == Approx(1));
  cxkpi::test::require_value(cxkpi::fcr(judged(window(7 * 86400)), o), 62.5);
}

TEST_CASE("repeat-contact-rate reproduces the METRICS.md examples") {
  cxkpi::test::require_value(cxkpi::repeat_contact_rate(judged(window(7 * 86400))), 300.0 / 11);
  cxkpi::test::require_value(cxkpi::repeat_contact_rate(judged(window(86400))), 200.0 / 11);
  auto handled = window(7 * 86400);
  handled.repeat_handled_only = true;
  cxkpi::test::require_value(cxkpi::repeat_contact_rate(judged(handled)), 300.0 / 8);
}

TEST_CASE("equal opened times are ordered by id as text") {
  // Two contacts of one customer at the same second: "10" sorts before "9", so "9" repeats "10".
  std::vector<cxkpi::WindowContact> contacts{{1, 100, "9", true, 0}, {1, 100, "10", true, 1}};
  std::vector<std::string> repeats;
  cxkpi::judge_windows(contacts, window(60), [&](const auto& c, const auto& o) {
    if (o.repeat) repeats.push_back(c.id);
  });
  REQUIRE(repeats == std::vector<std::string>{"9"});
}
