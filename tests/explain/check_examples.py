#!/usr/bin/env python3
"""Every worked example in `cxkpi explain` gives the answer it states.

For each metric whose command this build has, the example's command line is run from the
project root (with --json added when the entry names the JSON field holding the answer) and
the field of the total is compared with the stated answer: exactly (relative 1e-9) when the
answer is written in full, to its last digit when it ends in "…". An entry without an
answer field is only run, and must succeed. Metrics not built yet are listed as skipped.
It also checks that `explain` and `metrics` give every listed metric the same title,
unit and formula.

usage: check_examples.py CXKPI
"""
import json
import shlex
import subprocess
import sys


def close_enough(actual, answer):
    text = answer.rstrip("…")
    expected = float(text)
    if answer.endswith("…"):
        decimals = len(text.split(".")[1]) if "." in text else 0
        return abs(actual - expected) < 10 ** -decimals
    return abs(actual - expected) <= 1e-9 * max(1.0, abs(expected))


def check(binary, entry):
    example = entry["example"]
    words = shlex.split(example["command"])
    if words[0] != "cxkpi":
        return f"command does not start with cxkpi: {example['command']}"
    field = example["answer_field"]
    argv = [binary] + words[1:] + (["--json"] if field else [])
    run = subprocess.run(argv, capture_output=True, text=True)
    if run.returncode != 0:
        return f"exit {run.returncode}: {run.stderr.strip()}"
    if not field:
        return None
    doc = json.loads(run.stdout)
    total = doc.get("total", doc)
    if field not in total:
        return f"no field {field!r} in the JSON total"
    if total[field] is None or not close_enough(total[field], example["answer"]):
        return f"{field} = {total[field]}, the example says {example['answer']}"
    return None


def main():
    binary = sys.argv[1]
    entries = json.loads(subprocess.run([binary, "explain", "--json"], capture_output=True, text=True,
                                        check=True).stdout)
    failed = 0
    listed = json.loads(subprocess.run([binary, "metrics", "--json"], capture_output=True, text=True,
                                       check=True).stdout)
    explained = {e["name"]: e for e in entries}
    for m in listed:
        e = explained.get(m["name"])
        if e is None or (e["summary"], e["unit"], e["formula"]) != (m["title"], m["unit"], m["formula"]):
            failed += 1
            print(f"FAIL {m['name']}: cxkpi metrics and cxkpi explain disagree")
    for entry in entries:
        if not entry["built"]:
            print(f"skip {entry['name']}: not in this build")
            continue
        problem = check(binary, entry)
        if problem:
            failed += 1
            print(f"FAIL {entry['name']}: {entry['example']['command']}: {problem}")
        else:
            print(f"ok   {entry['name']}: {entry['example']['command']} → {entry['example']['answer']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
