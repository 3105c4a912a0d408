#!/usr/bin/python3
"""cxkpi sql on real engines: the state SQL run on SQLite, PostgreSQL 15 or DuckDB, its CSV
result merged by `cxkpi merge`, must be byte-identical (stdout, stderr, exit code) to the local
run of the same command and flags on the same log (gen_log.py).

usage: check_sql.py CXKPI sqlite|postgres|duckdb|checks [TOOLS_DIR]

sqlite, postgres, duckdb: report, service-level and first-response-time (percentiles at merge
          time) with --by week/day/month, --group, --threshold, --short-abandon.
checks:   on SQLite and PostgreSQL (the latter in a database whose ICU en-US collation orders
          'a1' before 'a-2', to prove the COLLATE "C" of the example id): rows that break a rule
          give chk lines, and merge exits 65 naming the rule, the count and the byte-least id;
          a row outside --from/--to gives a cov line, and merge exits 65 with the count.
duckdb installs @duckdb/node-api into TOOLS_DIR when it is missing there (npm).
A tool missing on this machine skips (77); .ci/run installs them all.
"""
import csv
import os
import shutil
import subprocess
import sys

from scale_common import Scale

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 1500
DUCKDB_NODE_API = "1.5.6-r.1"
RANGE = ["--from", "2026-03-01", "--to", "2026-06-01"]
TZ = ["--tz", "Europe/Berlin"]
# (command and its flags, merge's output flags): the local run is COMMAND LOG FLAGS OUTPUT.
CASES = [
    (["report", "--by", "week", "--group", "channel"] + TZ + RANGE, ["--json"]),
    (["service-level", "--threshold", "30", "--by", "day"] + TZ + RANGE, ["--json"]),
    (["abandonment", "--short-abandon", "5", "--by", "month", "--group", "queue,channel"] + RANGE, ["--json"]),
    (["first-response-time", "--by", "week", "--group", "queue"] + TZ + RANGE, ["--json", "--percentiles", "50,90"]),
    (["aht,asa,csat,nps,ces,fcr,cost-per-contact,resolution-time", "--by", "week"] + TZ + RANGE, ["--json"]),
]
TEXT = {"id", "channel", "queue", "agent", "customer_id", "case_id"}
TIMES = {"opened_at", "first_response_at", "resolved_at"}


def column_type(engine, name):
    if name in TEXT:
        return "TEXT" if engine != "duckdb" else "VARCHAR"
    if name in TIMES:
        return "TEXT" if engine == "sqlite" else "TIMESTAMPTZ"
    if name == "cost":
        return {"sqlite": "REAL", "postgres": "NUMERIC(12,2)", "duckdb": "DOUBLE"}[engine]
    return "INTEGER"


def literal(value):
    return "NULL" if value == "" else "'" + value.replace("'", "''") + "'"


def load_sql(engine, rows, header):
    """CREATE TABLE calls and INSERTs of the log's rows (blank cells NULL)."""
    cols = ", ".join(f'"{h}" {column_type(engine, h)}' for h in header)
    out = [f"CREATE TABLE calls ({cols});"]
    for start in range(0, len(rows), 500):
        values = ",\n".join("(" + ", ".join(literal(r[h]) for h in header) + ")" for r in rows[start:start + 500])
        out.append(f"INSERT INTO calls VALUES\n{values};")
    return "\n".join(out) + "\n"


def read_log(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def sql_args(command, table_columns, flags):
    return ["sql", command, "--dialect", ENGINE, "--table", "calls", "--columns", ",".join(table_columns)] + flags


class Engine:
    """Runs state SQL on one engine, in one session (one PostgreSQL cluster) for all of it."""

    def __init__(self, scale, name, tools):
        self.s, self.name, self.tools = scale, name, tools

    def run(self, loads, queries, database_setup=None):
        """outs[i][j]: the CSV file of queries[j] (bytes) after loads[i] (SQL text) replaced the table."""
        d = self.s.dir
        qpaths = [self.s.write(f"q-{self.name}-{j}.sql", q) for j, q in enumerate(queries)]
        outs = [[os.path.join(d, f"out-{self.name}-{i}-{j}.csv") for j in range(len(queries))] for i in range(len(loads))]
        lpaths = [self.s.write(f"load-{self.name}-{i}.sql", ("DROP TABLE IF EXISTS calls;\n" + l).encode())
                  for i, l in enumerate(loads)]
        if self.name == "sqlite":
            db = os.path.join(d, "cx.db")
            for lp, row in zip(lpaths, outs):
                subprocess.run(["sqlite3", db, f".read {lp}"], check=True)
                for q, o in zip(queries, row):
                    with open(o, "wb") as f:
                        subprocess.run(["sqlite3", "-csv", "-header", db], input=q + b";\n", stdout=f, check=True)
        elif self.name == "postgres":
            script = ["set -e", "export PGOPTIONS=--client-min-messages=warning"]
            if database_setup:
                script += [f"psql -q -v ON_ERROR_STOP=1 -c {shq(database_setup[0])}", f"export PGDATABASE={database_setup[1]}"]
                script += database_setup[2:]
            copies = [self.s.write(os.path.basename(q) + ".copy", b"COPY (" + open(q, "rb").read() +
                                   b") TO STDOUT WITH (FORMAT csv, HEADER);\n") for q in qpaths]
            for lp, row in zip(lpaths, outs):
                script.append(f"psql -q -v ON_ERROR_STOP=1 -f {lp} > /dev/null")
                script += [f"psql -q -v ON_ERROR_STOP=1 -f {c} > {o}" for c, o in zip(copies, row)]
            p = subprocess.run(["pg_virtualenv", "sh", "-c", "\n".join(script)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, check=False)
            if p.returncode != 0:
                raise SystemExit(f"postgres failed: {p.stderr.decode(errors='replace')}")
        else:
            for lp, row in zip(lpaths, outs):
                for q, o in zip(qpaths, row):
                    subprocess.run(["node", os.path.join(HERE, "duckdb_run.mjs"), self.tools, o, q, lp], check=True)
        return outs


def shq(text):
    return "'" + text.replace("'", "'\\''") + "'"


def same_numbers(s, engine, log):
    header, rows = read_log(log)
    queries = [s.ok(sql_args(c[0], header, c[1:])) for c, _ in CASES]
    outs = Engine(s, engine, TOOLS).run([load_sql(engine, rows, header)], queries)[0]
    for (command, output), out in zip(CASES, outs):
        cmd = ["report", log, "--metrics", command[0]] + command[1:] if "," in command[0] else [command[0], log] + command[1:]
        local_output = [a for a in output if a != "--percentiles" and a != "50,90"]
        if "--percentiles" in output:
            local_output += ["--percentiles", "50,90"]
        expected = s.run(cmd + local_output)
        got = s.run(["merge", out] + output)
        s.check(f"{engine}: {' '.join(command[:3])}", got, expected)
        if expected[0] != 0:
            print(f"local run failed: {expected[2].decode(errors='replace')}")
        if got != expected:
            local_state = s.run(cmd + ["--emit-state"])[1]
            sql_state = s.run(["merge", out, "--emit-state"])[1]
            show_difference(local_state, sql_state)


def show_difference(local, sql):
    a = set(l for l in local.decode().splitlines() if not l.startswith("W"))
    b = set(l for l in sql.decode().splitlines())
    print("  only local:", sorted(a - b)[:12])
    print("  only SQL:  ", sorted(b - a)[:12])


def checks(s, log):
    header, rows = read_log(log)
    # Two rows that break a rule, ids whose byte order (a-2 first) differs from en-US's (a1).
    bad = [dict(rows[10], id="a1", answered="1", abandoned="1"), dict(rows[11], id="a-2", answered="1", abandoned="1")]
    outside = [dict(rows[12], id="old", opened_at="2025-12-31T12:00:00Z", first_response_at="", resolved_at="")]
    flags = ["--by", "week"] + TZ + RANGE
    for engine in ["sqlite", "postgres"]:
        if not shutil.which({"sqlite": "sqlite3", "postgres": "pg_virtualenv"}[engine]):
            continue
        query = s.ok(["sql", "report", "--dialect", engine, "--table", "calls", "--columns", ",".join(header)] + flags)
        setup = None
        if engine == "postgres":
            # ICU en-US with punctuation ignorable orders 'a1' before 'a-2', as glibc's en_US does.
            setup = ["CREATE DATABASE cxicu TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted' "
                     "LOCALE 'C.UTF-8'", "cxicu",
                     f"psql -At -c \"SELECT MIN(id) FROM (VALUES ('a-2'), ('a1')) v(id)\" > {s.dir}/icu-min.txt"]
        loads = [load_sql(engine, rows[:200] + bad, header), load_sql(engine, rows[:200] + outside, header)]
        chk, cov = (row[0] for row in Engine(s, engine, TOOLS).run(loads, [query], setup))
        code, _, err = s.run(["merge", chk, "--json"])
        s.check(f"{engine}: chk exit", code, 65)
        s.check(f"{engine}: chk message names the rule, the count and the byte-least id",
                b'2 rows break the rule answered+abandoned>offered, e.g. id "a-2"' in err, True)
        if engine == "postgres":
            with open(f"{s.dir}/icu-min.txt", encoding="utf-8") as f:
                s.check("postgres: the en-US database orders a1 first (so COLLATE \"C\" is needed)", f.read().strip(), "a1")
        code, _, err = s.run(["merge", cov, "--json"])
        s.check(f"{engine}: cov exit", code, 65)
        s.check(f"{engine}: cov message", b"1 rows lie outside --from/--to" in err, True)


def duckdb_tools(tools):
    if os.path.exists(os.path.join(tools, "node_modules", "@duckdb", "node-api", "package.json")):
        return True
    if not shutil.which("npm"):
        return False
    os.makedirs(tools, exist_ok=True)
    p = subprocess.run(["npm", "install", "--prefix", tools, "--save-exact", "--no-audit", "--no-fund",
                        f"@duckdb/node-api@{DUCKDB_NODE_API}"], capture_output=True, check=False)
    if p.returncode != 0:
        raise SystemExit(f"npm install @duckdb/node-api@{DUCKDB_NODE_API} failed: {p.stderr.decode(errors='replace')}")
    return True


def main():
    global ENGINE, TOOLS
    binary, ENGINE = sys.argv[1], sys.argv[2]
    TOOLS = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, ".tools"))
    need = {"sqlite": ["sqlite3"], "postgres": ["pg_virtualenv", "psql"], "duckdb": ["node", "npm"],
            "checks": ["sqlite3", "pg_virtualenv"]}[ENGINE]
    missing = [t for t in need if not shutil.which(t)]
    if missing:
        print(f"skipped: {', '.join(missing)} not installed")
        return 77
    if ENGINE == "duckdb" and not duckdb_tools(TOOLS):
        print("skipped: npm missing")
        return 77
    s = Scale(binary)
    log = s.log(ROWS)
    if ENGINE == "checks":
        checks(s, log)
    else:
        same_numbers(s, ENGINE, log)
    return s.finish(f"sql {ENGINE}")


if __name__ == "__main__":
    sys.exit(main())
