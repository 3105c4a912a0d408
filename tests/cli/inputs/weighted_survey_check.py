#!/usr/bin/python3
"""Independent figures for the --weight goldens on weighted_survey.csv (exact fractions).

Run: /usr/bin/python3 tests/cli/inputs/weighted_survey_check.py [--by day|--group channel]
Blank weight: the answer leaves the weighted figure; zero weight: kept in n, adds nothing.
"""
import csv
import sys
from fractions import Fraction as F

rows = list(csv.DictReader(open(sys.argv[0].replace("_check.py", ".csv"))))
key = (lambda r: "all")
if "--by" in sys.argv:
    key = lambda r: r["opened_at"][:10]
if "--group" in sys.argv:
    key = lambda r: r["channel"]


def figures(name, answers):
    """answers: (score, weight or None). Prints weighted, unweighted, n, n_eff."""
    weighed = [(s, w) for s, w in answers if w is not None]
    sw = sum(w for _, w in weighed)
    sw2 = sum(w * w for _, w in weighed)
    n_eff = sw * sw / sw2 if sw2 else None
    def fig(pairs, total):
        if name == "csat":
            return F(100) * sum(w for s, w in pairs if s >= 4) / total
        if name == "csat-mean" or name == "ces":
            return sum(w * s for s, w in pairs) / total
        if name == "nps":
            return F(100) * (sum(w for s, w in pairs if s >= 9) - sum(w for s, w in pairs if s <= 6)) / total
    weighted = fig(weighed, sw) if sw else None
    plain = fig([(s, F(1)) for s, _ in answers], len(answers)) if answers else None
    extra = ""
    if name == "ces" and sw:
        extra = f" low_effort_pct={float(F(100) * sum(w for s, w in weighed if s >= 5) / sw):.6f}"
    if name == "nps" and sw:
        extra = (f" promoters_pct={float(F(100) * sum(w for s, w in weighed if s >= 9) / sw):.6f}"
                 f" detractors_pct={float(F(100) * sum(w for s, w in weighed if s <= 6) / sw):.6f}")
    if name == "csat" and sw:
        extra = f" mean={float(sum(w * s for s, w in weighed) / sw):.6f}"
    show = lambda x: "null" if x is None else f"{x} = {float(x):.6f}"
    print(f"  {name}: weighted {show(weighted)}; unweighted {show(plain)}; n {len(weighed)} "
          f"(unweighted_n {len(answers)}, left out {len(answers) - len(weighed)}); Σw {sw}; Σw² {sw2}; "
          f"n_eff {show(n_eff)}{extra}")


for k in sorted({key(r) for r in rows}) + ["total"]:
    part = [r for r in rows if k == "total" or key(r) == k]
    print(k)
    for name, col in (("csat", "csat"), ("csat-mean", "csat"), ("nps", "nps"), ("ces", "ces")):
        answers = [(int(r[col]), F(r["panel_weight"]) if r["panel_weight"] else None) for r in part if r[col]]
        figures(name, answers)
