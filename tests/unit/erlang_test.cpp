// Erlang C staffing (METRICS.md §6) through the library.
#include "cxkpi/erlang.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "test_support.hpp"

using namespace cxkpi;
using test::close;

namespace {

// METRICS.md's worked example: 100 calls in 1800 s, AHT 180 s, T 20 s (A = 10 Erlangs).
constexpr ErlangInput kExample{100, 1800, 180, 20, {}, 1};

struct Row {
  std::int64_t agents;
  double b, pw, sl, asa, occupancy;
};

// The closed form, independently: B = (A^N/N!) / Σ_{k≤N} A^k/k!, in long double.
long double closed_form_b(long double a, int n) {
  long double term = 1;
  long double sum = 1;
  for (int k = 1; k <= n; ++k) {
    term = std::pow(a, static_cast<long double>(k));
    long double factorial = 1;
    for (int j = 2; j <= k; ++j)
      factorial *= j;
    term /= factorial;
    sum += term;
  }
  return term / sum;
}

// Pw by Erlang C's closed form: (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)).
long double closed_form_pw(long double a, int n) {
  long double sum = 0;
  long double last = 0;
  for (int k = 0; k <= n; ++k) {
    long double factorial = 1;
    for (int j = 2; j <= k; ++j)
      factorial *= j;
    const long double term = std::pow(a, static_cast<long double>(k)) / factorial;
    if (k < n)
      sum += term;
    else
      last = term * n / (n - a);
  }
  return last / (sum + last);
}

}  // namespace

TEST_CASE("erlang-c reproduces the METRICS.md table for 12 to 15 agents", "[erlang]") {
  REQUIRE(close(erlang_traffic(kExample), 10.0));
  const Row rows[] = {
      {12, 0.1197391884, 0.4493882243, 0.6401580404, 40.4449401868, 0.8333333333},
      {13, 0.0843388627, 0.2852704530, 0.7955947884, 17.1162271822, 0.7692307692},
      {14, 0.0568191434, 0.1741319336, 0.8883500192, 7.8359370118, 0.7142857143},
      {15, 0.0364969455, 0.1020423670, 0.9414528429, 3.6735252123, 0.6666666667},
  };
  for (const auto& r : rows) {
    INFO("agents " << r.agents);
    const auto f = erlang_c(kExample, r.agents);
    REQUIRE(f.reason.empty());
    REQUIRE(close(*f.erlang_b, r.b));
    REQUIRE(close(*f.pw, r.pw));
    REQUIRE(close(*f.service_level, r.sl));
    REQUIRE(close(*f.asa_s, r.asa));
    REQUIRE(close(*f.occupancy, r.occupancy));
  }
}

TEST_CASE("erlang-c finds the agents required for 80/20 and 90/20, and schedules shrinkage", "[erlang]") {
  auto s = agents_required(kExample, {});
  REQUIRE(s.agents == 14);
  REQUIRE(s.scheduled == 14);
  REQUIRE(close(*s.at_required.service_level, 0.8883500192));
  REQUIRE(agents_required(kExample, {0.9, {}, {}, 0}).agents == 15);
  REQUIRE(agents_required(kExample, {0.8, {}, {}, 0.3}).scheduled == 20);
  REQUIRE(scheduled_agents(14, 0.3) == 20);  // 14 / 0.7 is 20.000000000000004 in doubles
  REQUIRE(scheduled_agents(14, 0.0) == 14);
  REQUIRE(scheduled_agents(15, 0.3) == 22);
}

TEST_CASE("erlang-c meets ASA and occupancy targets when given", "[erlang]") {
  REQUIRE(agents_required(kExample, {0.8, {}, 5.0, 0}).agents == 15);     // ASA 7.84 s at 14, 3.67 s at 15
  REQUIRE(agents_required(kExample, {0.8, 0.7, {}, 0}).agents == 15);     // 10/14 = 0.714 > 0.7
  REQUIRE(agents_required(kExample, {0.8, 0.75, 40.0, 0}).agents == 14);  // both already met at 14
  REQUIRE(agents_required(kExample, {0.5, {}, {}, 0}).agents == 12);      // 0.64 at 12; 11 agents: 0.4…
  REQUIRE(agents_required(kExample, {0.01, {}, {}, 0}).agents == 11);     // never below ⌊A⌋ + 1
}

TEST_CASE("erlang-c agrees with the closed form for small N and A", "[erlang]") {
  for (const double a : {0.3, 1.0, 2.5, 7.0, 12.75, 30.0}) {
    for (int n = 1; n <= 40; ++n) {
      INFO("A " << a << ", N " << n);
      REQUIRE(close(erlang_b(a, n), static_cast<double>(closed_form_b(a, n))));
      if (n <= a) continue;
      const ErlangInput in{a, 1, 1, 0.25, {}, 1};
      const auto f = erlang_c(in, n);
      const auto pw = static_cast<double>(closed_form_pw(a, n));
      REQUIRE(close(*f.pw, pw));
      REQUIRE(close(*f.service_level, 1 - pw * std::exp(-(n - a) * 0.25)));
      REQUIRE(close(*f.asa_s, pw / (n - a)));
    }
  }
}

TEST_CASE("erlang-c stays finite and within [0, 1] for thousands of agents", "[erlang]") {
  const ErlangInput big{90'000, 1800, 60, 20, {}, 1};  // A = 3000 Erlangs
  const auto s = agents_required(big, {});
  REQUIRE(s.agents.has_value());
  REQUIRE(*s.agents > 3000);
  REQUIRE(*s.agents < 3100);
  for (const auto n : {*s.agents - 1, *s.agents, *s.agents + 500}) {
    const auto f = erlang_c(big, n);
    for (const auto v : {*f.erlang_b, *f.pw, *f.service_level, *f.occupancy}) {
      REQUIRE(std::isfinite(v));
      REQUIRE(v >= 0);
      REQUIRE(v <= 1);
    }
    REQUIRE(std::isfinite(*f.asa_s));
  }
  REQUIRE(*erlang_c(big, *s.agents).service_level >= 0.8);
  REQUIRE(*erlang_c(big, *s.agents - 1).service_level < 0.8);
  const auto b = erlang_b(1500.0, 2000);
  REQUIRE(std::isfinite(b));
  REQUIRE(b >= 0);
  REQUIRE(b < 1e-20);
}

TEST_CASE("erlang-c: agents at or below the traffic wait with certainty, SL and ASA null", "[erlang]") {
  for (const std::int64_t n : {1, 9, 10}) {
    const auto f = erlang_c(kExample, n);
    REQUIRE(*f.pw == Approx(1.0));
    REQUIRE_FALSE(f.service_level);
    REQUIRE_FALSE(f.asa_s);
    REQUIRE(f.reason == kUnstableQueue);
    REQUIRE(close(*f.occupancy, 10.0 / static_cast<double>(n)));
  }
}

TEST_CASE("erlang-c: no calls means no traffic, 0 agents and null figures", "[erlang]") {
  const ErlangInput none{0, 1800, 180, 20, {}, 1};
  const auto s = agents_required(none, {0.8, {}, {}, 0.3});
  REQUIRE(s.traffic == Approx(0.0));
  REQUIRE(s.agents == 0);
  REQUIRE(s.scheduled == 0);
  REQUIRE_FALSE(s.at_required.pw);
  REQUIRE_FALSE(s.at_required.service_level);
  REQUIRE_FALSE(s.at_required.asa_s);
  REQUIRE_FALSE(s.at_required.occupancy);
  REQUIRE(s.at_required.reason == kNoTraffic);
  const auto f = erlang_c(none, 3);
  REQUIRE_FALSE(f.pw);
  REQUIRE(f.reason == kNoTraffic);
  REQUIRE(*f.occupancy == Approx(0.0));
}

TEST_CASE("erlang-c refuses inputs outside their ranges", "[erlang]") {
  REQUIRE_FALSE(check_erlang_input(kExample));
  REQUIRE(check_erlang_input({-1, 1800, 180, 20, {}, 1})->param == ErlangParam::calls);
  REQUIRE(check_erlang_input({100, 0, 180, 20, {}, 1})->param == ErlangParam::interval);
  REQUIRE(check_erlang_input({100, 1800, 0, 20, {}, 1})->param == ErlangParam::aht);
  REQUIRE(check_erlang_input({100, 1800, 180, -1, {}, 1})->param == ErlangParam::target_time);
  REQUIRE(check_erlang_input({NAN, 1800, 180, 20, {}, 1})->param == ErlangParam::calls);
  REQUIRE_FALSE(check_erlang_input({100, 1800, 180, 0, {}, 1}));
  REQUIRE_FALSE(check_staffing_targets({}));
  REQUIRE(check_staffing_targets({1.0, {}, {}, 0})->param == ErlangParam::sl_target);
  REQUIRE(check_staffing_targets({0.0, {}, {}, 0})->param == ErlangParam::sl_target);
  REQUIRE(check_staffing_targets({0.8, 0.0, {}, 0})->param == ErlangParam::max_occupancy);
  REQUIRE_FALSE(check_staffing_targets({0.8, 1.0, {}, 0}));
  REQUIRE(check_staffing_targets({0.8, {}, 0.0, 0})->param == ErlangParam::asa_target);
  REQUIRE(check_staffing_targets({0.8, {}, {}, 1.0})->param == ErlangParam::shrinkage);
}

TEST_CASE("erlang-c lists the figures around an answer", "[erlang]") {
  const auto rows = erlang_around(kExample, 14, 3, 3);
  REQUIRE(rows.size() == 7);
  REQUIRE(rows.front().agents == 11);
  REQUIRE(rows.back().agents == 17);
  REQUIRE(close(*rows[3].pw, *erlang_c(kExample, 14).pw));
  REQUIRE(close(*rows[6].erlang_b, erlang_b(10.0, 17)));
  REQUIRE(erlang_around(kExample, 2, 3, 1).front().agents == 1);
}
