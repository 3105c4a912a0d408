#!/usr/bin/env python3
"""erlang-c --patience (Erlang A) against a second, independent computation in plain Python.

cxkpi sums closed-form series (Mandelbaum & Zeltyn). Here the queue is solved as what it is, a
birth-death chain: states k = callers present, births λ, deaths kμ up to N servers and
Nμ + (k − N)θ above, truncated where the stationary probabilities fall under 1e-20 of the
largest. By PASTA an arrival sees state k with probability π_k. A caller who finds j waiting
then walks down the line j, j−1, …, 0 → answered: in each place i the line ahead moves at
rate Nμ + iθ while the caller hangs up at rate θ, so it is answered with probability
Π (Nμ + iθ) / (Nμ + (i+1)θ), spends Exp(Nμ + (i+1)θ) in each place, and its chance of being
answered by T is that of a pure-death chain, computed by uniformization (Poisson weights
until they are under 1e-18 past their mean). Every figure must agree within 1e-9 relative
(the series and the chain are both exact to ~1e-13; the truncations are below 1e-16).
Also: --concurrency K is N·K servers; the agents required are the smallest N whose service
level reaches the target (N − 1 does not). Usage: check_erlang_a.py CXKPI."""
import math
import sys

from common import check, cxkpi, tally


def reference(calls, interval, aht, patience, target, servers):
    lam, mu, th, n = calls / interval, 1 / aht, 1 / patience, servers
    p, k = [1.0], 0
    while True:
        k += 1
        p.append(p[-1] * lam / (k * mu if k <= n else n * mu + (k - n) * th))
        if k > n and p[-1] < 1e-20 * max(p):
            break
    total = sum(p)
    p = [q / total for q in p]
    answered = answered_in_t = sum(p[:n])
    waited = wait_of_answered = 0.0
    for j, q in enumerate(p[n:]):
        waited += q
        rates = [n * mu + (i + 1) * th for i in range(j + 1)]
        reach = math.prod((n * mu + i * th) / r for i, r in enumerate(rates))
        answered += q * reach
        wait_of_answered += q * reach * sum(1 / r for r in rates)
        # P(the j+1 steps are done by T), by uniformization of the pure-death chain.
        top = max(rates)
        at = [1.0] + [0.0] * (j + 1)
        weight = math.exp(-top * target)
        done, m = weight * at[-1], 0
        while m < top * target or weight > 1e-18:
            m += 1
            moved = [0.0] * (j + 2)
            for s in range(j + 1):
                moved[s + 1] += at[s] * rates[s] / top
                moved[s] += at[s] * (1 - rates[s] / top)
            moved[j + 1] += at[j + 1]
            at = moved
            weight *= top * target / m
            done += weight * at[-1]
        answered_in_t += q * reach * done
    return {"pw": 100 * waited, "abandon": 100 * (1 - answered), "service_level": 100 * answered_in_t,
            "asa": wait_of_answered / answered, "occupancy": 100 * lam * aht * answered / n}


# calls, interval, aht, patience, target time, concurrency: ordinary, overloaded (fewer agents
# than Erlangs), impatient, patient, T = 0, chat with 3 at once, 60 agents.
CASES = [
    (100, 1800, 180, 120, 20, 1),
    (300, 1800, 240, 90, 20, 1),
    (100, 1800, 180, 15, 20, 1),
    (100, 1800, 180, 3600, 30, 1),
    (50, 900, 200, 60, 0, 1),
    (120, 1800, 600, 180, 60, 3),
    (1000, 1800, 100, 100, 20, 1),
]


def main():
    binary = sys.argv[1]
    for calls, interval, aht, patience, target, k in CASES:
        doc = cxkpi(binary, "erlang-c", "--calls", str(calls), "--interval", str(interval), "--aht", str(aht),
                    "--patience", str(patience), "--target-time", str(target), "--concurrency", str(k),
                    "--around", "2")
        name = f"{calls} calls/{interval} s, aht {aht}, patience {patience}, T {target}, K {k}"
        levels = {}
        for f in doc["around"]:
            want = reference(calls, interval, aht, patience, target, f["agents"] * k)
            levels[f["agents"]] = want["service_level"]
            for key, value in want.items():
                check(f"{name}, {f['agents']} agents: {key}", f[key], value)
        required = doc["rows"][0]["agents_required"]
        check(f"{name}: required meets 80 %", levels[required] >= 80, True)
        if required - 1 in levels:
            check(f"{name}: one agent fewer misses 80 %", levels[required - 1] < 80, True)
    return tally.exit_code("Erlang A")


if __name__ == "__main__":
    sys.exit(main())
