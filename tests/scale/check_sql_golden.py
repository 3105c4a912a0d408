#!/usr/bin/python3
"""cxkpi sql's SQL as reviewed files: tests/scale/golden/*.sql (the cxkpi version and the
settings hash, which change with every release, are written as VERSION and SHA).

usage: check_sql_golden.py CXKPI [--update]

Checks (or with --update rewrites) every golden file, then that the SQL of each dialect not run
here (spark, trino, bigquery, snowflake) and of postgres and sqlite differs from duckdb's only in
the tokens of the dialect table (src/sql/dialect.cpp, copied below as reviewed): with its tokens
put back to duckdb's, and the dimension tables' rows compared as values, the texts are equal.
"""
import os
import re
import sys

from scale_common import Scale

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
DIALECTS = ["duckdb", "postgres", "sqlite", "spark", "trino", "bigquery", "snowflake"]
COLUMNS = ("id,opened_at,channel,queue,agent,offered,answered,abandoned,wait_s,talk_s,hold_s,wrap_s,resolved,"
           "first_contact_resolved,transferred,csat,nps,ces,cost,first_response_at,resolved_at")
REPORT = ["--table", "cx.calls", "--columns", COLUMNS, "--by", "week", "--tz", "Europe/Berlin", "--group", "channel",
          "--threshold", "30", "--from", "2026-03-23", "--to", "2026-04-06"]
CASES = {f"report-{d}": ["sql", "report", "--dialect", d] + REPORT for d in DIALECTS}
CASES["abandonment-source-sql-duckdb"] = [
    "sql", "abandonment", "--dialect", "duckdb", "--source-sql", "SELECT * FROM raw.contacts WHERE kind = 'voice'",
    "--map", "opened_at=InitiationTimestamp", "--map", "id=ContactId", "--map", "channel=lower(Channel)",
    "--columns", "answered,wait_s", "--group", "channel", "--short-abandon", "5", "--by", "day", "--from",
    "2026-03-28", "--to", "2026-03-31", "--tz", "Europe/Berlin"]
# The dialect table (src/sql/dialect.cpp): epoch, int, text, real, identifier quote, byte order.
TOKENS = {
    "duckdb": ["(epoch_us({}) // 100)", "BIGINT", "VARCHAR", "DOUBLE", '"', ""],
    "postgres": ["CAST(floor(extract(epoch FROM {}) * 10000) AS BIGINT)", "BIGINT", "TEXT", "DOUBLE PRECISION", '"',
                 ' COLLATE "C"'],
    "sqlite": ["((CAST(round(julianday({}) * 86400000) AS INTEGER) - 210866760000000) * 10)", "BIGINT", "TEXT", "REAL",
               '"', ""],
    "spark": ["(unix_micros({}) DIV 100)", "BIGINT", "STRING", "DOUBLE", "`", ""],
    "trino": ["CAST(floor(to_unixtime({}) * 10000) AS BIGINT)", "BIGINT", "VARCHAR", "DOUBLE", '"', ""],
    "bigquery": ["DIV(UNIX_MICROS({}), 100)", "INT64", "STRING", "FLOAT64", "`", ""],
    "snowflake": ["CAST(FLOOR(DATE_PART(epoch_microsecond, {}) / 100) AS BIGINT)", "BIGINT", "VARCHAR", "DOUBLE", '"',
                  ""],
}


def sanitized(sql):
    sql = re.sub(r'"cxkpi":"[^"]*"', '"cxkpi":"VERSION"', sql)
    return re.sub(r"'[0-9a-f]{16}'", "'SHA'", sql)


def split_dimensions(sql):
    """The SQL without its dimension tables, and their rows' values (numbers and texts) in order."""
    start = sql.index("cx_tz")
    end = sql.index("src AS")
    return sql[:start] + sql[end:], re.findall(r"'[^']*'|-?\d+", re.sub(r"\bAS \w+", "", sql[start:end]))


def as_duckdb(sql, dialect):
    """`sql` of `dialect` with its tokens put back to duckdb's."""
    mine, duck = TOKENS[dialect], TOKENS["duckdb"]
    sql = sql.replace(f"--dialect {dialect}:", "--dialect duckdb:")
    pattern = re.escape(mine[0]).replace(r"\{\}", "(.+?)")
    sql = re.sub(pattern, lambda m: duck[0].replace("{}", m.group(1)), sql)
    if mine[5]:
        sql = sql.replace(mine[5], duck[5])
    for a, b in zip(mine[1:4], duck[1:4]):
        sql = re.sub(r"\b" + re.escape(a) + r"\b", b, sql)
    return sql.replace(mine[4], duck[4])


def main():
    s = Scale(sys.argv[1])
    update = "--update" in sys.argv[2:]
    texts = {}
    for name, args in CASES.items():
        texts[name] = sanitized(s.ok(args).decode())
        path = os.path.join(GOLDEN, name + ".sql")
        if update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(texts[name])
            continue
        with open(path, encoding="utf-8") as f:
            s.check(f"golden {name}.sql", texts[name], f.read())
    duck_rest, duck_rows = split_dimensions(texts["report-duckdb"])
    for d in DIALECTS[1:]:
        rest, rows = split_dimensions(texts[f"report-{d}"])
        s.check(f"{d}: dimension rows as duckdb's", rows, duck_rows)
        s.check(f"{d}: differs from duckdb in dialect tokens only", as_duckdb(rest, d), duck_rest)
        s.check(f"{d}: differs from duckdb at all", rest != duck_rest, True)
    return s.finish("sql golden")


if __name__ == "__main__":
    sys.exit(main())
