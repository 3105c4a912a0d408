#!/usr/bin/env python3
"""Validates real cxkpi JSON output against docs/cxkpi.schema.json (python3-jsonschema)."""
import json
import subprocess
import sys

import jsonschema

CXKPI, ROOT = sys.argv[1], sys.argv[2]
schema = json.load(open(f"{ROOT}/docs/cxkpi.schema.json"))
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)

RUNS = [  # (arguments, which stream holds the JSON document)
    (["nps", "--promoters", "120", "--passives", "50", "--detractors", "30", "--json"], "stdout"),
    (["nps", "--promoters", "0", "--passives", "0", "--detractors", "0", "--json"], "stdout"),
    (["nps", "--promoters", "5", "--passives", "2", "--detractors", "2", "--json"], "stdout"),  # small_n
    (["report", "data/fixture_f.csv", "--metrics", "csat,nps,ces,asa", "--by", "day", "--json"], "stdout"),
    (["csat", "data/monthly_by_channel.csv", "--json"], "stdout"),
    (["abandonment", "data/monthly_by_channel.csv", "--json"], "stdout"),
    (["service-level", "data/fixture_f.csv", "--definitions", "genesys", "--json"], "stdout"),
    (["report", "data/fixture_f.csv", "--definitions", "cisco-positive", "--short-abandon", "5", "--json"], "stdout"),
    (["aht", "data/weekly.json", "--json"], "stdout"),
    (["hold", "data/calls.csv", "--by", "week", "--group", "channel", "--json"], "stdout"),
    (["report", "data/calls.csv", "--by", "week", "--group", "channel", "--json"], "stdout"),
    (["nps", "data/monthly.csv", "--compare", "previous", "--json"], "stdout"),
    (["report", "data/calls.csv", "--by", "week", "--compare", "previous", "--json"], "stdout"),
    (["aht", "data/monthly_by_channel.csv", "--compare", "data/monthly.csv", "--json"], "stdout"),
    (["aht", "data/calls.csv", "--by", "month", "--compare", "previous", "--confidence", "0.9", "--json"], "stdout"),
    (["abandonment", "data/fixture_f.csv", "--by", "day", "--compare", "previous", "--json"], "stdout"),  # small_n
    (["nps", "tests/cli/inputs/nps_scores.csv", "--compare", "previous", "--json"], "stdout"),
    (["report", "tests/cli/inputs/call_centre_export.csv", "--by", "day", "--json"], "stdout"),
    (["erlang-c", "--calls", "100", "--interval", "1800", "--aht", "180", "--agents", "9", "--json"], "stdout"),
    (["erlang-c", "--calls", "0", "--interval", "30m", "--aht", "180", "--json"], "stdout"),
    (["erlang-c", "tests/cli/inputs/intervals_by_queue.json", "--shrinkage", "30", "--json"], "stdout"),
    (["erlang-c", "data/intervals.csv", "--interval", "30m", "--max-occupancy", "85", "--asa-target", "20", "--json"], "stdout"),
    (["erlang-c", "--calls", "100", "--interval", "1800", "--aht", "180", "--sl-target", "100", "--json"], "stderr-last-line"),
    (["best-time-to-call", "data/calls.csv", "--json"], "stdout"),
    (["best-time-to-call", "data/fixture_f.csv", "--tz", "Europe/Riga", "--json"], "stdout"),
    (["best-time", "tests/cli/inputs/outbound_dials.csv", "--outbound", "--min-n", "2", "--json"], "stdout"),
    (["best-time-to-call", "tests/cli/inputs/no_opened_at.csv", "--json"], "stderr-last-line"),
    (["resolved-per-agent", "data/calls.csv", "--by", "week", "--json"], "stdout"),
    (["contacts-to-resolution", "tests/cli/inputs/cases.csv", "--by", "day", "--json"], "stdout"),
    (["article-reads", "tests/cli/inputs/kb_views.csv", "--group", "article_id", "--json"], "stdout"),
    (["article-read-time", "tests/cli/inputs/kb_views.csv", "--by", "day", "--json"], "stdout"),
    (["frt", "data/fixture_f.csv", "--by", "day", "--approx", "--exact-limit", "3", "--json"], "stdout"),  # approximate
    (["self-service-ratio", "tests/cli/inputs/kb_views.csv", "--contacts", "2", "--json"], "stdout"),
    (["agent-satisfaction", "tests/cli/inputs/agent_survey.csv", "--json"], "stdout"),
    (["engagement", "tests/cli/inputs/campaigns.csv", "--json"], "stdout"),
    (["report", "tests/cli/inputs/kb_views.csv", "--by", "day", "--json"], "stdout"),
    (["engagement", "tests/cli/inputs/campaigns_bad.csv", "--json"], "stderr-last-line"),
    (["nps", "tests/cli/inputs/bad_passives.csv", "--json"], "stderr-last-line"),
    (["nps", "no/such/file.csv", "--json"], "stderr-last-line"),
    # --format ndjson: every line is a document of its own, with "schema" as the documents have it.
    (["nps", "data/weekly.csv", "--format", "ndjson"], "stdout-lines"),
    (["hold", "data/calls.csv", "--by", "week", "--group", "channel", "--format", "ndjson"], "stdout-lines"),  # streamed
    (["frt", "data/fixture_f.csv", "--by", "day", "--approx", "--exact-limit", "3", "--format", "ndjson"], "stdout-lines"),
    (["nps", "data/monthly.csv", "--compare", "previous", "--format", "ndjson"], "stdout-lines"),
    (["report", "data/calls.csv", "--by", "week", "--group", "channel", "--format", "ndjson"], "stdout-lines"),
    (["report", "data/calls.csv", "--by", "week", "--compare", "previous", "--format", "ndjson"], "stdout-lines"),
    (["erlang-c", "data/intervals.csv", "--interval", "30m", "--format", "ndjson"], "stdout-lines"),
    (["erlang-c", "--calls", "100", "--interval", "1800", "--aht", "180", "--format", "ndjson"], "stdout-lines"),
    (["best-time-to-call", "data/calls.csv", "--format", "ndjson"], "stdout-lines"),
    (["best-time-to-call", "tests/cli/inputs/no_opened_at.csv", "--format", "ndjson"], "stderr-last-line"),
]

passed = failed = 0
for args, stream in RUNS:
    run = subprocess.run([CXKPI, *args], capture_output=True, text=True, cwd=ROOT)
    texts = ([run.stdout] if stream == "stdout" else run.stdout.splitlines() if stream == "stdout-lines"
             else [run.stderr.strip().splitlines()[-1]])
    errors = [] if texts else ["no output"]
    for text in texts:
        try:
            document = json.loads(text)
            errors += sorted(validator.iter_errors(document), key=lambda e: list(e.path))
            if stream == "stdout-lines" and next(iter(document)) != "schema":
                errors.append(f"the line does not start with its schema: {text[:80]}")
        except json.JSONDecodeError as e:
            errors.append(e)
    if errors:
        failed += 1
        print(f"FAIL cxkpi {' '.join(args)}")
        for e in errors[:3]:
            print(f"  at {'/'.join(map(str, getattr(e, 'absolute_path', [])))}: {str(getattr(e, 'message', e))[:200]}")
    else:
        passed += 1
        print(f"ok   cxkpi {' '.join(args)}")

# An NDJSON line without its schema version is refused.
unversioned = json.loads(subprocess.run([CXKPI, "nps", "data/weekly.csv", "--format", "ndjson"], capture_output=True,
                                        text=True, cwd=ROOT).stdout.splitlines()[0])
unversioned.pop("schema")
if validator.is_valid(unversioned):
    failed += 1
    print("FAIL the schema accepts an NDJSON line without \"schema\"")
else:
    passed += 1
# The schema must also refuse what cxkpi must never print.
bad = {"schema": 1, "metric": "nps", "unit": "points", "definition": "x", "rows": [],
       "total": {"value": None, "numerator": 0, "denominator": 0, "n": 0}, "warnings": []}
if validator.is_valid(bad):
    failed += 1
    print("FAIL the schema accepts a null value without a reason")
else:
    passed += 1
# small_n is there only when true; false is never printed.
false_flag = {**bad, "total": {"value": 25, "numerator": 2, "denominator": 8, "n": 8, "small_n": False}}
if validator.is_valid(false_flag):
    failed += 1
    print("FAIL the schema accepts small_n: false")
else:
    passed += 1
# Nor a staffing row whose service level is null without saying why.
bad_staffing = {"schema": 1, "metric": "erlang-c", "units": {}, "definition": "x", "model": "x",
                "targets": {"target_time": 20, "service_level": 80, "max_occupancy": None, "asa": None, "shrinkage": 0},
                "rows": [{"period": "", "group": {}, "calls": 1, "interval_s": 1, "aht_s": 1, "traffic": 1,
                          "agents_required": 2, "scheduled_agents": 2, "agents": 1, "erlang_b": 0.5, "pw": 100,
                          "service_level": None, "asa": None, "occupancy": 100}], "warnings": []}
if validator.is_valid(bad_staffing):
    failed += 1
    print("FAIL the schema accepts a null service level without a reason")
else:
    passed += 1
no_reason = json.loads(subprocess.run([CXKPI, "best-time-to-call", "data/fixture_f.csv", "--json"],
                                      capture_output=True, text=True, cwd=ROOT).stdout)
no_reason.pop("best_reason")
no_reason["grid"][0].pop("reason")
if validator.is_valid(no_reason):
    failed += 1
    print("FAIL the schema accepts best-time-to-call nulls without a reason")
else:
    passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
