// One entry per metric: variants, the columns of a record log, pitfalls and a worked example.
// The title, formula, unit and period-table columns come from the metric catalogue, so
// `explain` agrees with `metrics` and --help; only best-time-to-call and erlang-c, commands
// of their own, spell them out here.
#include "commands/explanations.hpp"

#include <algorithm>

namespace cxkpi::cli {
namespace {

// METRICS.md §0: a blank input is missing for its row, never 0.
constexpr std::string_view kBlankIsMissing =
    "a blank cell (or N/A, NULL, -; --na names others) is missing, never 0: the row leaves this figure's "
    "denominator, and a warning (JSON: left_out) says how many rows were left out";

// METRICS.md §0: no evidence, no figure.
constexpr std::string_view kNoEvidence =
    "a log with no answered, abandoned, agent, talk or wait column cannot tell answered from abandoned: no figure "
    "(never 100 % or 0 %)";

// --weight, the same for CSAT, NPS and CES (weights.hpp).
constexpr std::string_view kWeightOption =
    "weigh each answer by a log column's number (>= 0, at most 4 decimals, read exactly): the same formula over "
    "sums of weights (CSAT 100 × Σw satisfied / Σw, NPS 100 × (Σw promoters − Σw detractors) / Σw, CES Σw·score / "
    "Σw), with unweighted, unweighted_n and n_eff = (Σw)² / Σw² (Kish) beside it; a blank weight leaves the answer "
    "out (left_out), a zero weight stays in n but adds nothing to Σw or n_eff; --ci and --compare are refused (no "
    "weighted interval or test). Answers 10 w 2, 9 w 1, 7 w 1, 3 w 0.5, 0 w 1.5: NPS 100 × (3 − 2) / 6 = 16.67 "
    "(unweighted 0), n_eff 36 / 8.5 = 4.24";

constexpr std::string_view kNeverAverage =
    "never average per-day, per-file or per-group rates: add the numerators and the denominators, then divide once "
    "(cxkpi's totals do)";

// Pitfalls long enough to span two literals, named so that a list of pitfalls never mixes
// joined literals with single ones (which reads like a missing comma).
constexpr std::string_view kShortAbandonsOnTables =
    "short abandons leave both the numerator and the denominator; a period table's short_abandoned was "
    "counted at the export's own S, so --short-abandon is refused on one (exit 64)";
constexpr std::string_view kThresholdOnTables =
    "a period table fixes T: answered_in_t counted at 20 s cannot give a 30 s level, so --threshold and "
    "--strict are refused on one (exit 64); record logs allow any T";

// --definitions: the variants of a vendor's own dashboard (commands/definitions.cpp).
constexpr std::string_view kDefinitionsVariant =
    "the variants of a vendor's dashboard, to reconcile with it: amazon-connect, genesys, cisco-ignored, "
    "cisco-negative, cisco-positive (cxkpi explain METRIC --definitions VENDOR says what each counts; JSON names it "
    "as \"definitions\"); cisco without its Service Level Type, and zendesk, whose documents define neither figure, "
    "are refused with the reason";

constexpr std::string_view kFractionsOfSeconds =
    "fractions of a second count: times keep them to the nanosecond (more decimals are refused), and each duration "
    "is the exact difference rounded half up to 1/10000 s";

// --compare's tests, one per kind of figure (a share, a mean of contacts).
constexpr Variant kShareTest{
    "--compare previous",
    "adds the change and its two-sided p-value (pooled two-proportion z test on the counts): significant when p < "
    "1 − --confidence (default 0.95); 30 of 200 against 20 of 250 → z = 2.35, p = 0.0189"};
constexpr Variant kMeanTest{
    "--compare previous",
    "adds the change and its two-sided p-value (Welch's t test from each period's mean, count and sum of squares, "
    "which record logs carry; period tables have no squares: no test): significant when p < 1 − --confidence"};

std::vector<Explanation> volume_and_cost() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"contact-rate",
       {{"--per orders", "contacts per 100 orders (default)"},
        {"--per customers", "contacts per 100 customers: 1200 contacts, 15000 customers → 8.0"}},
       "one row per contact (the row count), with orders or customers from --orders or --base-file",
       {"it reads \"contacts per 100 orders\": 3.0 means three contacts for every hundred orders", kNeverAverage},
       {"1200 contacts and 40000 orders → 100 × 1200 / 40000 = 3.0",
        "cxkpi contact-rate --contacts 1200 --orders 40000", "3"}},
      {"cost-per-contact",
       {{"--per contact", "all contacts, abandoned ones too (default)"},
        {"--per handled", "Σcost of all rows / handled contacts: fixture F 44.00 / 8 = 5.50"}},
       "cost, answered",
       {"--per handled changes only the denominator: the cost of abandoned contacts stays in the numerator",
        "--total-cost is the whole input's cost: only the total uses it; a period without its own cost (from "
        "--base-file) is null, and a cost is never split by --group (exit 64) unless the base file has that column",
        kBlankIsMissing, kNeverAverage},
       {"Fixture F: the costs add up to 44.00 over 11 contacts → 44.00 / 11 = 4.00",
        "cxkpi cost-per-contact data/fixture_f.csv", "4"}},
      {"cost-per-resolution",
       {},
       "cost, resolved",
       {"all costs go in, those of unresolved and abandoned contacts too: dividing only the resolved contacts' cost "
        "understates it",
        kBlankIsMissing, kNeverAverage},
       {"Fixture F: all costs 44.00, 7 contacts resolved → 44 / 7 = 6.285714…",
        "cxkpi cost-per-resolution data/fixture_f.csv", "6.285714…"}},
      {"conversion-rate",
       {{"--den contacts", "divide by all contacts (default)"},
        {"--den handled", "divide by handled contacts"},
        {"--allow-multi-orders", "accept more orders than contacts (otherwise exit 65)"},
        kShareTest},
       "— (period tables only)",
       {"more orders than contacts is usually a join or period error, so cxkpi refuses it unless told otherwise",
        kNeverAverage},
       {"60 orders from 500 contacts → 100 × 60 / 500 = 12.0", "cxkpi conversion-rate --orders 60 --contacts 500",
        "12"}},
      {"retention-rate",
       {},
       "— (period tables only)",
       {"take the new customers out of the end count: (2100 − 300) / 2000 = 90 %, not 2100 / 2000 = 105 %",
        "stocks do not add over time: over consecutive periods take the first start and the last end, and add only "
        "the new customers"},
       {"2000 customers at the start, 2100 at the end, 300 of them new → 100 × (2100 − 300) / 2000 = 90.0",
        "cxkpi retention-rate --customers-start 2000 --customers-end 2100 --customers-new 300", "90"}},
  };
}

std::vector<Explanation> surveys() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"csat",
       {{"--method top2", "share of answers scoring scale − 1 or more (default)"},
        {"--method top1", "share of answers scoring the top of the scale: fixture F 3/8 = 37.5"},
        {"--method mean", "mean score in scale units: fixture F 29/8 = 3.625"},
        {"--scale 5", "answers run from 1 to 5 (default), 7 or 10"},
        {"--satisfied-min K", "the lowest score that counts as satisfied"},
        {"--scores 1=10,2=10,…", "answers per score, for the top-1 box and the mean from numbers"},
        {"--confidence 0.95",
         "level of the confidence interval (ci_low, ci_high in JSON): Wilson score interval "
         "(p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)) / (1 + z²/n) for the shares; "
         "mean ± t·s/√n for the mean, Student's t with n − 1 degrees of freedom"},
        {"--ci", "show the interval in tables too"},
        {"--weight COLUMN", kWeightOption}},
       "csat (1 … scale per contact; an empty cell is no answer)",
       {"the mean (--method mean) is a score on the 1 … scale, not a percentage: 3.625 is not 3.6 %",
        "an empty cell is no answer, never 0: only answered surveys are in n",
        "csat_satisfied in a period table holds only the top-2-box count; top-1 and the mean need per-score counts",
        "vendors differ (top-2-box %, top box, mean): say which one when comparing",
        "small samples are noisy: 5 of 8 is 62.5 %, but the 95 % interval runs from 30.6 to 86.3", kNeverAverage},
       {"Fixture F scores 5,4,2,5,3,4,5,1: top-2 box 5/8 = 62.5 (95 % Wilson interval 30.57 … 86.32); top box 3/8 = "
        "37.5; mean 29/8 = 3.625",
        "cxkpi csat data/fixture_f.csv", "62.5"}},
      {"nps",
       {{"--scores 0=10,5=10,…",
         "answers per score, 0 … 10 (period tables: columns nps_0 … nps_10), sorted into the three classes: "
         "0=10,5=10,7=20,9=40,10=60 → 100 × (100 − 20) / 140 = 57.14"},
        {"--confidence 0.95",
         "level of the margin of error: each answer scores +1, 0 or −1, so var = (P + D − (P − D)²)/n with P, D the "
         "shares of promoters and detractors, margin_of_error = z·sqrt(var)·100 points, ci = NPS ∓ margin (within "
         "−100 … +100)"},
        {"--ci", "show the margin and the interval in tables too"},
        {"--weight COLUMN", kWeightOption}},
       "nps (0 … 10 per contact)",
       {// One pitfall over two lines: the parentheses tell clang-tidy the literals join on purpose.
        ("promoters minus detractors, not the reverse: fixture F gives +25; detractors − promoters gives −25 (or −2 "
         "with raw counts)"),
        "it is points from −100 to +100, not a percentage: write NPS 25, not 25 %",
        "the scale is 0–10, not 1–10: 0 is a detractor; passives (7–8) count only in the denominator",
        "small samples are noisy: with 8 answers the 95 % margin of error is ±57 points", kNeverAverage},
       {"Fixture F answers 10,9,3,10,7,8,9,0: 4 promoters, 2 passives, 2 detractors → 100 × (4 − 2) / 8 = 25 "
        "(margin of error at 95 %: 1.96 × sqrt((0.5 + 0.25 − 0.25²)/8) × 100 = 57.46). Period totals 120/50/30 → "
        "45 ± 10.25",
        "cxkpi nps data/fixture_f.csv", "25"}},
      {"ces",
       {{"--scale 7", "answers run from 1 to 7 (default) or 5"},
        {"--direction easy-high", "high answers mean little effort (default: \"the company made it easy\")"},
        {"--direction effort-high", "high answers mean much effort (1 = very low effort)"},
        {"--low-effort-cut K",
         "where low effort starts (default easy-high ≥ 5 on 7 points, ≥ 4 on 5; effort-high ≤ 3 and ≤ 2)"},
        {"--scores 2=1,3=1,…", "answers per score, from numbers"},
        {"--weight COLUMN", kWeightOption}},
       "ces (1 … 7)",
       {"direction: on the default 1–7 agreement scale 7 is the least effort and higher is better; on a 1–5 effort "
        "scale (--direction effort-high) lower is better: mixing them reverses the trend",
        "the mean is a score on the scale, not a percentage; low_effort_pct is the percentage"},
       {"Fixture F answers 7,6,3,7,4,4,6,2: mean 39/8 = 4.875; low effort (5 or more) 4/8 = 50.0",
        "cxkpi ces data/fixture_f.csv", "4.875"}},
  };
}

std::vector<Explanation> queue() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"abandonment",
       {{"--short-abandon S",
         "abandons after waiting less than S seconds leave numerator and denominator: fixture F, S = 5 → 2/10 = 20.0"},
        {"--den queued", "divide by queued contacts: fixture F 3/10 = 30.0; with S = 5, 2/9 = 22.22…"},
        {"--definitions VENDOR", kDefinitionsVariant},
        kShareTest},
       "offered, abandoned, wait_s",
       {"it counts who left, not who stayed: 100 contacts with 40 hang-ups is 40 %, not 60", kShortAbandonsOnTables,
        "vendors differ (Amazon Connect divides by queued): say which --den when comparing", kNoEvidence,
        kBlankIsMissing, kNeverAverage},
       {"Fixture F: 3 of 11 offered contacts abandoned → 100 × 3 / 11 = 27.2727…",
        "cxkpi abandonment data/fixture_f.csv", "27.2727…"}},
      {"service-level",
       {{"--threshold T", "answered within T seconds (default 20), inclusive"},
        {"--strict", "within means < T: fixture F 5/11 = 45.4545…"},
        {"--mode answered", "A_T / answered: fixture F 6/8 = 75.0"},
        {"--mode offered-minus-short", "A_T / (offered − short abandons): fixture F with S = 5, 6/10 = 60.0"},
        {"--mode answered-plus-abandoned", "A_T / (answered + abandoned) (Genesys default)"},
        {"--mode abandons-positive", "(A_T + abandoned within T) / offered: fixture F 8/11 = 72.7272…"},
        {"--mode abandons-ignored", "A_T / (offered − abandoned within T): fixture F 6/9 = 66.6666…"},
        {"--short-abandon S", "abandons after waiting less than S seconds are short"},
        {"--definitions VENDOR", kDefinitionsVariant},
        kShareTest},
       "offered, answered, abandoned, wait_s",
       {kThresholdOnTables,
        "vendors differ on the denominator (offered, answered, answered + abandoned, queued): say which --mode",
        kNoEvidence, kBlankIsMissing, kNeverAverage},
       {"Fixture F, T = 20 s: 6 of 11 offered contacts answered within 20 s → 100 × 6 / 11 = 54.5454…",
        "cxkpi service-level data/fixture_f.csv", "54.5454…"}},
      {"asa",
       {kMeanTest},
       "offered, answered, abandoned, wait_s",
       {"abandoned waits never enter ASA; the average wait of every contact is avg-wait",
        "never average daily ASAs: add the waits and the answered contacts, then divide", kBlankIsMissing},
       {"Fixture F: answered contacts waited 137 s in all, 8 answered → 137 / 8 = 17.125 s",
        "cxkpi asa data/fixture_f.csv", "17.125"}},
      {"avg-wait",
       {{"--scope all", "every offered contact (default)"},
        {"--scope answered", "answered contacts only (= ASA): fixture F 17.125"},
        {"--scope abandoned", "average abandon time: fixture F 55/3 = 18.3333…"}},
       "offered, answered, abandoned, wait_s",
       {"say which scope: the wait of all contacts, of answered ones (ASA) and of abandoned ones differ",
        "never average daily averages: add the waits and the contacts, then divide", kBlankIsMissing},
       {"Fixture F: all 11 contacts waited 192 s in all → 192 / 11 = 17.4545… s", "cxkpi avg-wait data/fixture_f.csv",
        "17.4545…"}},
      {"best-time-to-call",
       {{"--min-n N",
         "buckets with fewer offered contacts cannot be best (default 30); ties go to the larger n, then the lower "
         "ASA, then the earlier bucket"},
        {"--tz ZONE", "the local time zone of the buckets (IANA, default UTC)"},
        {"--outbound", "offered = call attempts, answered = connects (same maths)"}},
       "opened_at, offered, answered, wait_s",
       {"a bucket with few contacts tops the list by chance: with --min-n 1 five one-contact buckets reach 100 %",
        "hours are local to --tz, not UTC"},
       {"Fixture F with --min-n 2: Monday 09:00 answers 2 of 3 (66.67 %), Monday 10:00 1 of 3 (33.33 %) → best "
        "Monday 09:00",
        "cxkpi best-time-to-call data/fixture_f.csv --min-n 2", "Mon 09", ""},
       {"answer rate by local weekday × hour of opening, and the best bucket to call",
        "100 × answered / offered per weekday × hour; best: the top rate with n ≥ --min-n", "percent", "—"}},
  };
}

std::vector<Explanation> handling() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"aht",
       {{"--components talk,hold", "add only these parts of handle time: fixture F 3050/8 = 381.25"}, kMeanTest},
       "answered, talk_s, hold_s, wrap_s",
       {"divide by handled (answered) contacts, never by offered ones",
        "re-divide, never average: AHT 300 s over 10 calls and 600 s over 30 calls is 21000/40 = 525 s, not 450",
        "a part missing from the log adds nothing and cxkpi warns: a talk-only export understates AHT",
        "a part blank on a row is missing, never 0: the row leaves AHT with all it had, and a warning (JSON: "
        "left_out) says how many rows were left out"},
       {"Fixture F: talk 2800 + hold 250 + wrap 540 = 3590 s over 8 handled → 448.75 s", "cxkpi aht data/fixture_f.csv",
        "448.75"}},
      {"hold",
       {},
       "answered, hold_s",
       {"hold per handled contact (31.25 s in F) and per held contact (62.5 s) answer different questions: say which",
        kBlankIsMissing},
       {"Fixture F: 250 s of hold over 8 handled → 31.25 s; 4 of 8 held = 50 %; 250 / 4 = 62.5 s per held contact",
        "cxkpi hold data/fixture_f.csv", "31.25"}},
      {"transfer-rate",
       {},
       "answered, transferred",
       {"without transfer data the value is null, not 0", kBlankIsMissing, kNeverAverage},
       {"1 transfer among 8 handled contacts → 100 × 1 / 8 = 12.5", "cxkpi transfer-rate --transfers 1 --handled 8",
        "12.5"}},
      {"occupancy",
       {},
       "— (a log has no idle time: null \"needs idle_s\")",
       {"occupancy divides by available time (handle + idle), utilisation by paid or logged-in time: they are not "
        "interchangeable",
        kNeverAverage},
       {"handle time 2800 + 250 + 540 = 3590 s, idle 1410 s → 100 × 3590 / 5000 = 71.8",
        "cxkpi occupancy --talk 2800 --hold 250 --wrap 540 --idle-s 1410", "71.8"}},
      {"utilisation",
       {{"--base paid", "divide by paid time (default)"}, {"--base logged-in", "divide by logged-in time"}},
       "— (period tables only)",
       {"utilisation is not occupancy: paid time includes breaks, training and idle time", kNeverAverage},
       {"handle time 3590 s of 7200 s paid → 100 × 3590 / 7200 = 49.8611…",
        "cxkpi utilisation --talk 2800 --hold 250 --wrap 540 --paid-s 7200", "49.8611…"}},
      {"resolved-per-agent",
       {{"--per-hour", "divide by logged-in hours (logged_in_s / 3600 per agent)"}},
       "",
       {"rows without an agent form their own group \"\", they are not dropped",
        "counts reward volume: compare agents with similar hours (--per-hour)",
        ("beside the count: handled contacts, and the resolution rate 100 × handled contacts resolved / handled "
         "contacts (a blank resolved leaves the denominator; no resolved column, no rate): fixture F a1 3/3 = 100, a2 "
         "2/3 = 66.67, a3 2/2 = 100, in all 7/8 = 87.5")},
       {"Fixture F: a1 resolved 3, a2 2, a3 2 → mean 7/3 = 2.3333…", "cxkpi resolved-per-agent data/fixture_f.csv",
        "2.3333…", ""}},
  };
}

std::vector<Explanation> resolution() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"fcr",
       {{"--den resolved", "divide by resolved contacts: fixture F 5/7 = 71.4285…"},
        {"--method window --window 24h",
         "resolved unless the same customer_id comes back within the window: fixture F 6/8 = 75.0"},
        {"--censor", "window method: leave out contacts whose window has not ended: fixture F 24 h 5/7 = 71.4285…"},
        {"--as-of TIME", "window method: when the data ends (default the latest opened_at)"},
        {"--issue-key COLUMN",
         "window method: only a later contact on the same issue undoes the resolution: fixture F --window 24h "
         "--issue-key queue 7/8 = 87.5 (the tech call after id 1's billing call no longer counts against it); a blank "
         "issue leaves the contact out (no_issue)"},
        kShareTest},
       "answered, first_contact_resolved, resolved; window method: customer_id, opened_at",
       {"the denominator is handled contacts (or resolved ones), never every offered contact",
        "the flag method trusts the first_contact_resolved column; the window method judges by repeat contacts, and "
        "recent contacts have not had their window yet (--censor)",
        kBlankIsMissing, kNeverAverage},
       {"Fixture F: 5 of 8 handled contacts resolved at the first contact → 100 × 5 / 8 = 62.5",
        "cxkpi fcr data/fixture_f.csv", "62.5"}},
      {"repeat-contact-rate",
       {{"--window 24h", "the repeat window (default 7d): fixture F 2/11 = 18.1818…"},
        {"--scope handled", "handled contacts only (default all: an abandoned try counts)"},
        {"--issue-key COLUMN",
         "a repeat must be on the same issue too (e.g. topic): fixture F --issue-key queue 2/11 = 18.1818… (id 4, a "
         "tech call after a billing call, is no repeat); a blank issue leaves the contact out (no_issue)"}},
       "",
       {"rows without customer_id are left out of the denominator",
        "a customer's contacts split over separate runs lose their repeats: read every file in one run"},
       {"Fixture F, 7 days: ids 4, 7 and 10 repeat an earlier contact of the same customer → 100 × 3 / 11 = "
        "27.2727…",
        "cxkpi repeat-contact-rate data/fixture_f.csv", "27.2727…"}},
      {"first-response-time",
       {{"--percentiles 50,90", "which percentiles to report (default 50,90,95)"},
        {"--percentile-method nearest-rank", "the value at rank ⌈p·n⌉: fixture F median 12, p90 45"},
        {"--approx",
         "percentiles in bounded memory past 262 144 distinct durations, each within 1 % and marked ≈ "
         "(default: exact at any size)"},
        {"--business-hours \"Mon-Fri 09:00-17:00\"",
         "count only opening-hour seconds in --tz: Fri 16:30 → Mon 09:30 is 234000 s, 3600 s of business time"},
        {"--holidays FILE", "closed dates (YYYY-MM-DD, one a line)"},
        {"--awaiting",
         "also count the contacts still waiting for a first response (blank first_response_at, neither resolved nor "
         "abandoned) and their oldest and mean age at the reference time, which a warning states"},
        {"--as-of TIME", "with --awaiting: the reference time of the ages (default the latest opened_at)"}},
       "",
       {"contacts with no first response yet are left out, not counted as 0: --awaiting counts them apart",
        "the mean hides a long tail: read the median and p90 too", kFractionsOfSeconds},
       {"Fixture F waits 0,5,10,12,15,20,30,45 s: mean 137/8 = 17.125, median 13.5, p90 34.5",
        "cxkpi first-response-time data/fixture_f.csv", "17.125"}},
      {"resolution-time",
       {{"--percentiles 50,90", "which percentiles to report (default 50,90,95)"},
        {"--percentile-method nearest-rank", "the value at rank ⌈p·n⌉: fixture F p90 86400"},
        {"--approx", "percentiles in bounded memory, each within 1 % and marked ≈ (default: exact)"},
        {"--business-hours \"Mon-Fri 09:00-17:00\"", "count only opening-hour seconds in --tz"},
        {"--holidays FILE", "closed dates (YYYY-MM-DD, one a line)"}},
       "",
       {"unresolved contacts are left out: a short resolution time with many open contacts is not good news",
        "the mean hides a long tail: read the median and p90 too", kFractionsOfSeconds},
       {"Fixture F: 600,900,1200,1800,3600,3600,86400 s → mean 98100/7 = 14014.2857…, median 1800, p90 36720, max "
        "86400",
        "cxkpi resolution-time data/fixture_f.csv", "14014.2857…"}},
      {"contacts-to-resolution",
       {{"--case-by customer --window W", "cases are a customer's contacts chained within W, not case_id"}},
       "",
       {"unresolved cases are reported apart (open cases), never averaged in"},
       {"case A 3 contacts resolved, B 1 contact resolved, C 2 contacts unresolved → mean (3 + 1)/2 = 2.0, one "
        "contact 50.0, open cases 1",
        "cxkpi contacts-to-resolution data/cases.csv", "2", ""}},
  };
}

std::vector<Explanation> self_service_and_agents() {  // NOLINT(readability-function-size): a table of prose
  return {
      {"article-reads",
       {{"--group article_id", "one row per article"}},
       "viewed_at, article_id",
       {"a view is not a solved problem: pair it with self-service-ratio and contact volume"},
       {"views with read_s 30, 90, 0, 120 → 4 reads", "cxkpi article-reads data/kb_views.csv", "4", ""}},
      {"article-read-time",
       {{"--bounce S", "views shorter than S seconds (default 10) are bounces, still in the distribution"},
        {"--approx", "percentiles in bounded memory, each within 1 % and marked ≈ (default: exact)"}},
       "viewed_at, article_id, read_s",
       {"bounces stay in the mean and percentiles; bounce_pct says how many there were"},
       {"read_s 30, 90, 0, 120 → mean 60, median 60, bounces (under 10 s) 1/4 = 25.0 %",
        "cxkpi article-read-time data/kb_views.csv", "60", ""}},
      {"self-service-ratio",
       {{"--contacts N", "the contacts of the period (or a period table of contacts)"}},
       "viewed_at (views), with contacts given",
       {"it is a ratio, not a percentage: 2.0 means two views per contact",
        "views and contacts must cover the same period"},
       {"4 views and 2 contacts → 4 / 2 = 2.0", "cxkpi self-service-ratio data/kb_views.csv --contacts 2", "2", ""}},
      {"agent-satisfaction",
       {{"--scale 5", "agent_score answers run from 1 to this"}},
       "agent_score and/or enps_score",
       {"eNPS is points like NPS, not a percentage, on a 0–10 scale", "the mean is a score, not a percentage"},
       {"eNPS answers 10, 9, 8, 6, 3 → 40 − 40 = 0; agent_score answers 4, 5, 3 → mean 4.0",
        "cxkpi agent-satisfaction data/agent_survey.csv", "0", ""}},
      {"engagement",
       {},
       "—",
       {"click rate and click-to-open rate have different denominators (delivered and opened): 12.5 and 25.0 on the "
        "same campaign",
        "opened or clicked above delivered is an error (exit 65)", kNeverAverage},
       {"delivered 400, opened 200, clicked 50 → open rate 50.0, click rate 12.5, click-to-open 25.0",
        "cxkpi engagement --delivered 400 --opened 200 --clicked 50", "50", ""}},
      {"erlang-c",
       {{"--agents N", "evaluate a given staffing instead of finding one, and the most calls it takes (capacity)"},
        {"--max-occupancy P", "also keep occupancy A/N at or below P %"},
        {"--asa-target S", "also keep ASA = Pw·AHT / (N − A) at or below S seconds"},
        {"--shrinkage P", "scheduled agents = ⌈N / (1 − P/100)⌉: 14 at 30 % → 20"},
        {"--patience S",
         "Erlang A (Palm's M/M/N+M): callers hang up after S seconds on average; adds the % abandoned, and any "
         "staffing is stable"},
        {"--concurrency K",
         "chat: each agent is K servers working one chat each for the whole AHT (measure the AHT with K chats "
         "open); the other common rule, AHT ÷ K on N servers, queues differently"}},
       "—",
       {"Erlang C assumes callers never abandon: it is a planning estimate, not a forecast of the real queue",
        // Long sentences wrapped over lines, each its own element: no comma is missing.
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
        "A is in Erlangs and Pw = N·B(N) / (N − A·(1 − B(N))) with Erlang B by its recursion B(k) = A·B(k−1) / (k + "
        "A·B(k−1)): the closed form with A^N/N! overflows near N = 170",
        "shrinkage divides, it does not multiply: 14 agents at 30 % shrinkage need ⌈14 / 0.7⌉ = 20, not 14 × 1.3 = "
        "18.2",
        "with N ≤ A agents the queue grows without bound: service level and ASA are null",
        "callers who hang up shorten the queue, so Erlang C overstaffs: 100 calls, AHT 180 s, patience 120 s need 12 "
        "agents for 80/20 under Erlang A, not 14; its service level counts abandoned calls as not answered in T"},
       {"100 calls in 1800 s with AHT 180 s: A = 100 × 180 / 1800 = 10 Erlangs; 13 agents reach 79.56 % within 20 s, "
        "14 reach 88.84 % → 14 agents for 80/20 (20 scheduled with 30 % shrinkage)",
        "cxkpi erlang-c --calls 100 --interval 1800 --aht 180 --target-time 20 --sl-target 80", "14", ""},
       {"agents needed for a service-level target (Erlang C)",
        "smallest N > A with 1 − Pw·exp(−(N − A)·T / AHT) ≥ target; A = calls × AHT / interval",
        "agents, percent, seconds", "calls, interval, aht per interval"}},
  };
}

std::vector<Explanation> all_entries() {
  std::vector<Explanation> all;
  for (auto part : {volume_and_cost(), surveys(), queue(), handling(), resolution(), self_service_and_agents()})
    all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  return all;
}

}  // namespace

const std::vector<Explanation>& explanations() {
  static const std::vector<Explanation> table = all_entries();
  return table;
}

const Explanation* find_explanation(std::string_view name) {
  const auto& all = explanations();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Explanation& e) { return e.name == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace cxkpi::cli
