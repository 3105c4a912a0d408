// Comparing periods: significance tests (hand-computed z values) and year-earlier labels.
#include "compute/compare.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "cxkpi/compare.hpp"

TEST_CASE("two proportions differ only beyond sampling noise", "[compare]") {
  // z = 0.241 and 6.243 (computed by hand with the pooled formula)
  REQUIRE(cxkpi::proportions_differ(32, 40, 41, 50) == false);
  REQUIRE(cxkpi::proportions_differ(3200, 4000, 4250, 5000) == true);
  REQUIRE_FALSE(cxkpi::proportions_differ(1, 0, 1, 2).has_value());
  REQUIRE(cxkpi::proportions_differ(10, 10, 20, 20) == false);  // 100 % both: no noise, no change
  REQUIRE(cxkpi::proportions_differ(10, 10, 0, 20) == true);
}

TEST_CASE("NPS changes are judged against their standard error", "[compare]") {
  // shares 0.50/0.20 vs 0.55/0.20: z = 0.284 with 40 answers each, 2.843 with 4000
  REQUIRE(cxkpi::nps_differ(0.5, 0.2, 40, 0.55, 0.2, 40) == false);
  REQUIRE(cxkpi::nps_differ(0.5, 0.2, 4000, 0.55, 0.2, 4000) == true);
  // data/monthly.csv February vs January: z = 1.667, April vs March: z > 1.96
  REQUIRE(cxkpi::nps_differ(449.0 / 792, 96.0 / 792, 792, 413.0 / 716, 140.0 / 716, 716) == false);
  REQUIRE(cxkpi::nps_differ(333.0 / 671, 147.0 / 671, 671, 372.0 / 712, 94.0 / 712, 712) == true);
  REQUIRE_FALSE(cxkpi::nps_differ(0.5, 0.2, 0, 0.5, 0.2, 10).has_value());
}

TEST_CASE("a two-proportion test gives the two-sided p-value of its z", "[compare]") {
  // Python: z by the pooled formula, p = math.erfc(|z|/√2)
  REQUIRE(*cxkpi::proportions_z(32, 40, 41, 50) == Approx(-0.24086869377110898).margin(1e-12));
  REQUIRE(cxkpi::normal_two_sided_p(-0.24086869377110898) == Approx(0.8096568866075463).margin(1e-12));
  REQUIRE(*cxkpi::proportions_z(30, 200, 20, 250) == Approx(2.347871376374779).margin(1e-12));
  REQUIRE(cxkpi::normal_two_sided_p(2.347871376374779) == Approx(0.018881040156098813).margin(1e-12));
  REQUIRE(cxkpi::normal_two_sided_p(*cxkpi::proportions_z(3200, 4000, 4250, 5000)) ==
          Approx(4.3048452476164107e-10).margin(1e-16));
  REQUIRE(cxkpi::normal_two_sided_p(*cxkpi::proportions_z(10, 10, 0, 20)) ==
          Approx(4.320463057827523e-08).margin(1e-20));  // z = 5.4772
  // every answer alike on both sides: no noise, no change
  REQUIRE(cxkpi::normal_two_sided_p(*cxkpi::proportions_z(10, 10, 20, 20)) == Approx(1.0).margin(1e-15));
}

TEST_CASE("Welch's test of two means matches an independent integration of t", "[compare]") {
  // Python: t and Welch–Satterthwaite df by formula, p by Simpson integration of the t density
  REQUIRE(*cxkpi::welch_p_value({448.75, 40000, 8}, {400, 22500, 10}) == Approx(0.5769405879641063).margin(1e-9));
  REQUIRE(*cxkpi::welch_p_value({120, 100, 30}, {100, 2500, 5}) == Approx(0.4224396008734185).margin(1e-9));
  // handle times 300,420,720,360,200,600,180,500 against 240,310,280,400,390,260,330,350,300,280
  REQUIRE(*cxkpi::welch_p_value({410, 36000, 8}, {314, 2848.8888888888887, 10}) ==
          Approx(0.20312345269199883).margin(1e-9));
  REQUIRE(*cxkpi::welch_p_value({100, 400, 2}, {100, 900, 3}) == Approx(1.0).margin(1e-15));
  REQUIRE(*cxkpi::welch_p_value({5, 0, 4}, {6, 0, 4}) ==
          Approx(0.0).margin(1e-300));  // no spread: any difference is real
  REQUIRE_FALSE(cxkpi::welch_p_value({5, 1, 1}, {6, 1, 4}).has_value());
}

TEST_CASE("the normal quantile matches the published z values", "[compare]") {
  // Φ⁻¹ to 10 decimals (any table of the standard normal; Python statistics.NormalDist)
  REQUIRE(cxkpi::z_for_confidence(0.90) == Approx(1.6448536270).margin(1e-10));
  REQUIRE(cxkpi::z_for_confidence(0.95) == Approx(1.9599639845).margin(1e-10));
  REQUIRE(cxkpi::z_for_confidence(0.99) == Approx(2.5758293035).margin(1e-10));
  REQUIRE(cxkpi::z_for_confidence(0.95) == Approx(cxkpi::kZ95).margin(1e-14));
  // both tails and the centre: Φ⁻¹(0.5) = 0, Φ⁻¹(0.3) = −0.5244005127, Φ⁻¹(1e-10) = −6.3613409024
  REQUIRE(cxkpi::normal_quantile(0.5) == Approx(0.0).margin(1e-15));
  REQUIRE(cxkpi::normal_quantile(0.3) == Approx(-0.5244005127080407).margin(1e-12));
  REQUIRE(cxkpi::normal_quantile(0.7) == Approx(0.5244005127080407).margin(1e-12));
  REQUIRE(cxkpi::normal_quantile(1e-10) == Approx(-6.361340902404056).margin(1e-9));
  REQUIRE(cxkpi::normal_quantile(0.02425) == Approx(-1.9729610513118845).margin(1e-12));
}

TEST_CASE("Student's t quantile matches the published tables", "[compare]") {
  // two-sided 95 % and 99 % critical values (any t table)
  REQUIRE(cxkpi::student_t_quantile(0.975, 1) == Approx(12.7062047).margin(5e-8));
  REQUIRE(cxkpi::student_t_quantile(0.975, 5) == Approx(2.5705818).margin(5e-8));
  REQUIRE(cxkpi::student_t_quantile(0.975, 29) == Approx(2.0452296).margin(5e-8));
  REQUIRE(cxkpi::student_t_quantile(0.995, 10) == Approx(3.1692727).margin(5e-8));
  // more digits, from mpmath (40 digits, bisection on 0.5 · I_{ν/(ν+t²)}(ν/2, 1/2))
  const auto near = [](double actual, double expected) { return std::fabs(actual - expected) <= 1e-10 * expected; };
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 1), 12.706204736174693));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 2), 4.3026527297494618));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 7), 2.3646242515927847));
  REQUIRE(near(cxkpi::student_t_quantile(0.995, 1), 63.656741162871524));
  REQUIRE(near(cxkpi::student_t_quantile(0.9995, 3), 12.923978636687964));
  REQUIRE(near(cxkpi::student_t_quantile(0.95, 4), 2.1318467863266495));
  REQUIRE(near(cxkpi::student_t_quantile(0.6, 2), 0.28867513459481282));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 100), 1.9839715185235519));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 1000), 1.9623390808264081));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 1e5), 1.9599877075346093));
  REQUIRE(near(cxkpi::student_t_quantile(0.975, 1e7), 1.9599642217672051));
  // symmetric about 0; the median is 0; many degrees of freedom give the normal z
  REQUIRE(cxkpi::student_t_quantile(0.025, 5) == Approx(-2.5705818).margin(5e-8));
  REQUIRE(cxkpi::student_t_quantile(0.5, 3) == Approx(0.0).margin(1e-300));
  REQUIRE(cxkpi::student_t_quantile(0.975, 1e12) == Approx(cxkpi::kZ95).margin(1e-11));
  REQUIRE(cxkpi::t_for_confidence(0.95, 29) == Approx(2.0452296).margin(5e-8));
}

TEST_CASE("the Wilson interval of a proportion", "[compare]") {
  const double z = cxkpi::kZ95;  // z² = 3.8414588206941254
  // 5 of 8: p = 0.625, z²/n = 0.48018235258676567,
  // centre = (p + z²/2n)/(1 + z²/n) = 0.86509117629338284/1.48018235258676567 = 0.584449054389515,
  // half = z/(1 + z²/n) · sqrt(p(1−p)/n + z²/4n²) = 1.32413… · sqrt(0.029296875 + 0.0150056985…) = 0.2787066597868877
  const auto ci = cxkpi::wilson_interval(5, 8, z);
  REQUIRE(ci);
  REQUIRE(ci->low == Approx(0.584449054389515 - 0.2787066597868877).margin(1e-12));   // 0.305742394602627
  REQUIRE(ci->high == Approx(0.584449054389515 + 0.2787066597868877).margin(1e-12));  // 0.863155714176403
  // p = 0: centre = half = (z²/2n)/(1 + z²/n), so [0, z²/(n + z²)] = [0, 3.84146/11.84146] = [0, 0.32440756488388]
  const auto none = cxkpi::wilson_interval(0, 8, z);
  REQUIRE(none->low == Approx(0.0).margin(1e-15));
  REQUIRE(none->high == Approx(0.3244075648838802).margin(1e-12));
  // p = 1 mirrors it: [n/(n + z²), 1] = [0.67559243511612, 1]
  const auto all = cxkpi::wilson_interval(8, 8, z);
  REQUIRE(all->low == Approx(0.6755924351161198).margin(1e-12));
  REQUIRE(all->high == Approx(1.0).margin(1e-15));
  // n = 1, one success: [1/(1 + z²), 1] = [1/4.84146, 1] = [0.20654931437724, 1]
  const auto one = cxkpi::wilson_interval(1, 1, z);
  REQUIRE(one->low == Approx(0.2065493143772374).margin(1e-12));
  REQUIRE(one->high == Approx(1.0).margin(1e-15));
  REQUIRE_FALSE(cxkpi::wilson_interval(0, 0, z).has_value());
}

TEST_CASE("the same period a year earlier", "[compare]") {
  using cxkpi::cli::year_earlier;
  REQUIRE(year_earlier("2026") == "2025");
  REQUIRE(year_earlier("2026-03") == "2025-03");
  REQUIRE(year_earlier("2026-Q2") == "2025-Q2");
  REQUIRE(year_earlier("2027-W01") == "2026-W01");
  REQUIRE(year_earlier("2028-02-29") == "2027-02-29");  // no such day: the lookup then finds nothing
  REQUIRE(year_earlier("2026-03-04T09") == "2025-03-04T09");
  REQUIRE_FALSE(year_earlier("Mon"));
  REQUIRE_FALSE(year_earlier("all"));
  REQUIRE_FALSE(year_earlier("phone"));
  REQUIRE_FALSE(year_earlier("2026-03-04x"));
}
