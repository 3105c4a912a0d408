#!/usr/bin/python3
"""cxkpi as a mapper under real schedulers, merged by cxkpi merge: the same bytes as one run.

usage: check_runners.py CXKPI parallel|dask|streaming-contract

parallel:  GNU parallel -S : --pipepart --header 1 (byte ranges of the log) for the additive
           report, and shard files with --shard {#}/N for the window metrics.
dask:      a LocalCluster of 2 worker processes: byte ranges (read_text blocks, headerless,
           --columns) and a crc32 shuffle by customer for the window metrics.
streaming-contract: the Hadoop Streaming contract without the cluster: shard --keyed | sort -k1,1 -s |
           a reducer per key (cut -f2- | report --columns … --emit-state) | merge.
"""
import shutil
import subprocess
import sys
import zlib

from scale_common import run_mode

ROWS = 4000
SHARDS = 4
ADDITIVE = ["report", "--by", "week", "--tz", "Europe/Berlin", "--group", "channel"]
WINDOW = ["report", "--by", "week", "--metrics", "repeat-contact-rate,fcr,aht"]


def sh(command):
    p = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, check=False)
    if p.returncode != 0:
        raise SystemExit(f"{command}\nexited {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p.stdout


def parallel(s, log):
    if shutil.which("parallel") is None:
        print("GNU parallel is not installed")
        sys.exit(77)
    cx = s.binary
    local = s.ok([ADDITIVE[0], log] + ADDITIVE[1:] + ["--format", "json"])
    got = sh(f"parallel --will-cite --pipepart -a {log} --header 1 --block 64k -S : "
             f"'{cx} {' '.join(ADDITIVE)} - --emit-state' | {cx} merge - --format json")
    s.check("parallel --pipepart (byte ranges) = one run", got, local)
    blocks = sh(f"parallel --will-cite --pipepart -a {log} --header 1 --block 64k -S : 'wc -l' | wc -l")
    s.check("the log was cut into more than one block", int(blocks) > 1, True)
    local = s.ok([WINDOW[0], log] + WINDOW[1:] + ["--format", "json"])
    s.ok(["shard", log, "--key", "customer_id", "--shards", str(SHARDS), "--out", f"{s.dir}/p{{}}.csv"])
    files = " ".join(f"{s.dir}/p{i}.csv" for i in range(1, SHARDS + 1))
    got = sh(f"parallel --will-cite -S : '{cx} {' '.join(WINDOW)} {{}} --sharded-by customer_id "
             f"--shard {{#}}/{SHARDS} --emit-state' ::: {files} | {cx} merge - --format json")
    s.check("parallel over customer shards (window metrics) = one run", got, local)


def streaming(s, log):
    cx = s.binary
    with open(log, encoding="utf-8") as f:
        header = f.readline().strip()
    local = s.ok([WINDOW[0], log] + WINDOW[1:] + ["--format", "json"])
    keyed = sh(f"cat {log} | {cx} shard - --key customer_id --shards {SHARDS} --keyed | sort -t$'\\t' -k1,1 -s")
    groups = {}
    for line in keyed.decode().splitlines(keepends=True):
        key, row = line.split("\t", 1)
        groups.setdefault(key, []).append(row)
    s.check("every key is a shard number 1 … N", set(groups) <= {str(i) for i in range(1, SHARDS + 1)}, True)
    # cxkpi's crc32 is zlib's: each row's shard is zlib.crc32(customer) % N + 1, as a Python mapper computes it.
    wrong = [row for key, rows in groups.items() for row in rows
             if int(key) != zlib.crc32(customer_of(row).encode()) % SHARDS + 1]
    s.check("shard = zlib.crc32(UTF-8 customer_id) % N + 1 for every row", wrong, [])
    s.check("multibyte keys were sharded too", any(not customer_of(r).isascii() for rs in groups.values() for r in rs),
            True)
    states = b""
    for key, rows in sorted(groups.items()):
        states += s.ok(WINDOW + ["-", "--columns", header, "--sharded-by", "customer_id", "--shard",
                                 f"{key}/{SHARDS}", "--emit-state"], "".join(rows).encode())
    s.check("shard --keyed | sort | reduce | merge = one run", s.ok(["merge", "-", "--format", "json"], states), local)
    # Additive: mappers over headerless line ranges, reducers merge --emit-state.
    local = s.ok([ADDITIVE[0], log] + ADDITIVE[1:] + ["--format", "json"])
    with open(log, encoding="utf-8") as f:
        lines = f.readlines()[1:]
    mapped = [s.ok(ADDITIVE + ["-", "--columns", header, "--emit-state"], "".join(lines[i::3]).encode())
              for i in range(3)]
    reduced = s.ok(["merge", "-", "--emit-state"], b"".join(mapped))
    s.check("headerless mappers + merge --emit-state reducer = one run",
            s.ok(["merge", "-", "--format", "json"], reduced), local)


def customer_of(line):
    import csv
    row = next(csv.reader([line]))
    return row[5].strip() if len(row) > 5 else ""


def run_cxkpi(binary, args, lines):
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return subprocess.run([binary] + args, input=text.encode(), capture_output=True, check=True).stdout


def dask(s, log):
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        print("python3-distributed is not installed")
        sys.exit(77)
    cx = s.binary
    with open(log, encoding="utf-8") as f:
        header = f.readline().strip()
    body = s.write("body.csv", open(log, "rb").read().split(b"\n", 1)[1])
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    try:
        lines = db.read_text(body, blocksize=60_000)
        s.check("the log was read in more than one block", lines.npartitions > 1, True)
        args = ADDITIVE + ["-", "--columns", header, "--emit-state"]
        states = lines.map_partitions(lambda part: [run_cxkpi(cx, args, list(part))]).compute()
        local = s.ok([ADDITIVE[0], log] + ADDITIVE[1:] + ["--format", "json"])
        s.check("Dask byte ranges = one run", s.ok(["merge", "-", "--format", "json"], b"".join(states)), local)
        keyed = lines.map(lambda line: (zlib.crc32(customer_of(line).encode()) % SHARDS + 1, line))
        grouped = keyed.groupby(lambda kv: kv[0], npartitions=2).compute()
        states = []
        for key, pairs in sorted(grouped):
            wargs = WINDOW + ["-", "--columns", header, "--sharded-by", "customer_id", "--shard", f"{key}/{SHARDS}",
                              "--emit-state"]
            states.append(client.submit(run_cxkpi, cx, wargs, [line for _, line in pairs]).result())
        local = s.ok([WINDOW[0], log] + WINDOW[1:] + ["--format", "json"])
        s.check("Dask crc32 shuffle by customer (window metrics) = one run",
                s.ok(["merge", "-", "--format", "json"], b"".join(states)), local)
    finally:
        client.close()
        cluster.close()


if __name__ == "__main__":
    sys.exit(run_mode({"parallel": parallel, "dask": dask, "streaming-contract": streaming}, ROWS))
