# The benchmark query as one pass of awk (written for mawk; any POSIX awk works) over a
# clean CSV (bench/gen_calls.py without --dirty: no quoting, LF line ends).
#   mawk -F, -f bench/query.awk calls.csv
# Prints cxkpi's CSV layout, one row per (UTC day, channel) in order of first appearance
# (bench/compare.py matches rows by key, so the order does not matter).
# Columns are found by header name, so their order may change.
NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    T = col["opened_at"]; CH = col["channel"]; OF = col["offered"]; AN = col["answered"]
    AB = col["abandoned"]; WA = col["wait_s"]; TA = col["talk_s"]; HO = col["hold_s"]
    WR = col["wrap_s"]; CS = col["csat"]; NP = col["nps"]
    next
}
{
    k = substr($T, 1, 10) "," $CH          # opened_at is YYYY-MM-DDThh:mm:ssZ (UTC)
    if (!(k in n)) order[++nk] = k
    n[k]++
    offered[k] += $OF
    abandoned[k] += $AB
    if ($AN == 1) {
        answered[k]++
        wait[k] += $WA
        handle[k] += $TA + $HO + $WR
        if ($WA <= 20) within[k]++
    }
    if ($CS != "") { csat_n[k]++; if ($CS >= 4) csat_top[k]++ }
    if ($NP != "") {
        nps_n[k]++
        if ($NP >= 9) nps_net[k]++
        else if ($NP <= 6) nps_net[k]--
    }
}
function ratio(num, den, scale) {
    return den == 0 ? "" : sprintf("%.17g", scale * num / den)
}
END {
    print "period,channel,contacts,abandonment,asa,service_level,aht,csat,nps"
    for (i = 1; i <= nk; i++) {
        k = order[i]
        print k "," n[k] "," ratio(abandoned[k], offered[k], 100) "," \
            ratio(wait[k], answered[k], 1) "," ratio(within[k], offered[k], 100) "," \
            ratio(handle[k], answered[k], 1) "," ratio(csat_top[k], csat_n[k], 100) "," \
            ratio(nps_net[k], nps_n[k], 100)
    }
}
