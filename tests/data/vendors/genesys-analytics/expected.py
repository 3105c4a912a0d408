#!/usr/bin/env python3
"""Expected KPI figures for the Genesys Cloud conversation-detail JSON fixture
(POST /api/v2/analytics/conversations/details/query), using Genesys's metric
definitions (SOURCE.md).  Metrics are name/value pairs on
conversations[].participants[].sessions[].metrics[]; t* values in ms.  stdlib only.
usage: python3 expected.py [conversations_details.json]"""
import json
import sys
from fractions import Fraction

T_MS = 20000


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def sessions(conv, purpose):
    for p in conv.get("participants", []):
        if p.get("purpose") == purpose:
            for s in p.get("sessions", []):
                yield s


def metrics(session):
    out = {}
    for m in session.get("metrics", []):
        out[m["name"]] = out.get(m["name"], 0) + m["value"]
    return out


def main(path):
    doc = json.load(open(path))
    convs = doc["conversations"]
    print(f"conversations: {len(convs)} (totalHits {doc.get('totalHits')})")
    acd = [metrics(s) for c in convs for s in sessions(c, "acd")]
    agent = [metrics(s) for c in convs for s in sessions(c, "agent")]
    offered = sum(m.get("nOffered", 0) for m in acd)
    abandons = [m["tAbandon"] for m in acd if "tAbandon" in m]
    answered = [m["tAnswered"] for m in agent if "tAnswered" in m]
    handles = [m["tHandle"] for m in agent if "tHandle" in m]
    print(f"nOffered (acd sessions): {offered}; tAbandon count: {len(abandons)}; tAnswered count: {len(answered)}; tHandle count: {len(handles)}")
    show("abandon % = tAbandon count / nOffered", Fraction(100 * len(abandons), offered), " %")
    show("ASA = tAnswered sum / tAnswered count, in s", Fraction(sum(answered), 1000 * len(answered)), " s")
    met = sum(1 for a in answered if a <= T_MS)
    show("service level % = answered within 20 s / (answered + abandoned)",
         Fraction(100 * met, len(answered) + len(abandons)), " %")
    show("AHT = tHandle sum / tHandle count, in s (all handled, incl. outbound + non-ACD)",
         Fraction(sum(handles), 1000 * len(handles)), " s")
    acd_conv_ids = {c["conversationId"] for c in convs if any(True for _ in sessions(c, "acd"))}
    h_acd = [metrics(s)["tHandle"] for c in convs if c["conversationId"] in acd_conv_ids
             for s in sessions(c, "agent") if "tHandle" in metrics(s)]
    show("AHT, conversations that went through a queue only", Fraction(sum(h_acd), 1000 * len(h_acd)), " s")
    comp = sum(1 for m in agent if "tHandle" in m and
               m["tHandle"] == sum(m.get(k, 0) for k in ("tTalkComplete", "tHeldComplete", "tAcw", "tDialing", "tContacting")))
    print(f"check: tHandle == tTalkComplete + tHeldComplete + tAcw + tDialing + tContacting on {comp}/{len(handles)} agent sessions")
    ab_ms = sum(abandons)
    show("average abandon time (tAbandon mean), in s", Fraction(ab_ms, 1000 * len(abandons)), " s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "conversations_details.json")
