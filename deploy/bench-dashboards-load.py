#!/usr/bin/env python3
"""Steady writes across communities, and how soon the district sees them (bench-dashboards.sh).

    bench-dashboards-load.py URL TOKEN COMMUNITIES RATE SECONDS POSTMASTER_PID PROBE_STREET

Posts `submitDemand` at RATE a second, each to a random one of COMMUNITIES slugs (c-00001 …),
for SECONDS. Meanwhile a probe submits a demand to the community `probe` every 2 s and polls
`districtFigures` of PROBE_STREET until its demands_received moves (write → visible), and a
sampler reads the largest private memory (RssAnon) of any PostgreSQL backend each second.
Prints one JSON object.
"""
import datetime
import json
import random
import sys
import threading
import time
import urllib.request

url, token, n, rate, secs, postmaster, street = sys.argv[1:8]
n, rate, secs = int(n), float(rate), float(secs)
stop = threading.Event()


def gql(query, community=None):
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    if community:
        headers["x-community"] = community
    req = urllib.request.Request(url, json.dumps({"query": query}).encode(), headers)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


SUBMIT = 'mutation { submitDemand(input: {title: "路灯不亮", category: "设施维修"}) { id } }'
sent = {"ok": 0, "failed": 0}
lock = threading.Lock()


def writer(share):
    # Each of the writers keeps its share of the rate on a fixed schedule.
    period = 1.0 / share
    next_at = time.monotonic()
    while not stop.is_set():
        slug = f"c-{random.randint(1, n):05d}"
        try:
            ok = "errors" not in gql(SUBMIT, slug)
        except Exception:
            ok = False
        with lock:
            sent["ok" if ok else "failed"] += 1
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))


def china_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def received():
    d = china_today()
    q = ('{ districtFigures(districtCode: "%s", from: "%s", to: "%s") { figure value } }'
         % (street, d - datetime.timedelta(days=1), d + datetime.timedelta(days=1)))
    rows = gql(q)["data"]["districtFigures"]
    return sum(r["value"] for r in rows if r["figure"] == "partners.demands_received")


lags = []


def probe():
    while not stop.is_set():
        before = received()
        t0 = time.monotonic()
        gql(SUBMIT, "probe")
        while received() <= before:
            if time.monotonic() - t0 > 60:
                break
            time.sleep(0.05)
        lags.append(time.monotonic() - t0)
        stop.wait(2)


def backends_rss_mb():
    import os
    top = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                status = f.read()
        except OSError:
            continue
        if f"\nPPid:\t{postmaster}\n" not in status:
            continue
        for line in status.splitlines():
            if line.startswith("RssAnon:"):
                top = max(top, int(line.split()[1]))
    return top / 1024


peak = {"mb": 0.0}


def sampler():
    while not stop.is_set():
        peak["mb"] = max(peak["mb"], backends_rss_mb())
        stop.wait(1)


writers = 16
threads = [threading.Thread(target=writer, args=(rate / writers,)) for _ in range(writers)]
threads += [threading.Thread(target=probe), threading.Thread(target=sampler)]
started = time.monotonic()
for t in threads:
    t.start()
time.sleep(secs)
stop.set()
for t in threads:
    t.join()
elapsed = time.monotonic() - started
lags.sort()


def pct(p):
    return lags[min(len(lags) - 1, round((len(lags) - 1) * p))] if lags else None


print(json.dumps({
    "ok": sent["ok"], "failed": sent["failed"], "rate": sent["ok"] / elapsed,
    "probes": len(lags), "p50": pct(0.5), "p95": pct(0.95), "max": lags[-1] if lags else None,
    "backend_peak_mb": round(peak["mb"], 1),
}))
