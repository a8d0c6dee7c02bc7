#!/usr/bin/env python3
"""Parses the benchmark's raw outputs (wrk text, SseClient JSON, curl JSON, GC logs, boot times).

  report.py check-wrk FILE               exit 1 when a wrk run errored (no requests, non-2xx, socket errors)
  report.py check-big FILE DIR BYTES     exit 1 when a large transfer was not a full 2xx
  report.py report WORKDIR MODE BENCHDIR MACHINE
                                         medians, ratios, targets; writes results JSON (and README table)
"""
import datetime
import glob
import json
import os
import re
import statistics
import sys

UNITS = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "TB": 1024 ** 4}
TIME_UNITS = {"us": 1.0, "ms": 1000.0, "s": 1_000_000.0}


WRK_TARGETS = ["direct", "nginx", "relay", "floor", "container"]


def parse_wrk(path):
    text = open(path).read()
    out = {"requests": 0, "non2xx": 0, "socket_errors": 0}
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+), ([\d.]+)(\w+) read", text)
    if m:
        out["requests"] = int(m.group(1))
        seconds = float(m.group(2)) * {"s": 1, "m": 60, "ms": 0.001}.get(m.group(3), 1)
        out["bytes_per_s"] = float(m.group(4)) * UNITS.get(m.group(5), 1) / seconds
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if m:
        out["req_per_s"] = float(m.group(1))
    m = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if m:
        out["p50_us"] = float(m.group(1)) * TIME_UNITS[m.group(2)]
    m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if m:
        out["p99_us"] = float(m.group(1)) * TIME_UNITS[m.group(2)]
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        out["non2xx"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        out["socket_errors"] = sum(int(g) for g in m.groups())
    return out


def check_wrk(path):
    r = parse_wrk(path)
    problems = []
    if r["requests"] == 0:
        problems.append("no requests completed")
    if r["non2xx"]:
        problems.append(f'{r["non2xx"]} non-2xx answers')
    if r["socket_errors"]:
        problems.append(f'{r["socket_errors"]} socket errors')
    if problems:
        print(f"{os.path.basename(path)}: " + ", ".join(problems), file=sys.stderr)
        return 1
    return 0


def check_big(path, direction, expected):
    r = json.load(open(path))
    moved = r["down"] if direction == "download" else r["up"]
    ok = 200 <= r["http"] < 300 and moved == expected
    if direction == "upload":
        body = open(path[: -len(".json")] + ".body").read()
        ok = ok and f'"received":{expected}' in body
    if not ok:
        print(f"{os.path.basename(path)}: status {r['http']}, {moved} of {expected} bytes", file=sys.stderr)
    return 0 if ok else 1


GC_LINE = re.compile(r"(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
MIB = {"K": 1 / 1024, "M": 1, "G": 1024}


def gc_growth(path):
    """Heap after GC: the forced GC before the transfer vs the highest during it and the forced GC after."""
    afters, committed = [], []
    for line in open(path):
        m = GC_LINE.search(line)
        if m:
            afters.append(int(m.group(3)) * MIB[m.group(4)])
            committed.append(int(m.group(5)) * MIB[m.group(6)])
    if len(afters) < 2:
        return None
    return {"baseline_mib": afters[0], "peak_after_gc_mib": max(afters), "after_mib": afters[-1],
            "growth_mib": max(afters) - afters[0], "committed_growth_mib": max(committed) - committed[0],
            "gcs": len(afters) - 2}


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def report(work, mode, bench, machine):
    res = {"date": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "mode": mode, "machine": machine,
           "wrk": {}, "sse": {}, "big": {}, "boot": {}, "targets": []}
    for workload in ["get-small-32", "get-small-1", "get-1mb-8", "post-16k-32"]:
        res["wrk"][workload] = {}
        for target in WRK_TARGETS:
            runs = [parse_wrk(f) for f in sorted(glob.glob(f"{work}/wrk/{workload}.{target}.[0-9]*.txt"))]
            res["wrk"][workload][target] = {
                "runs": len(runs),
                "req_per_s": median([r.get("req_per_s") for r in runs]),
                "bytes_per_s": median([r.get("bytes_per_s") for r in runs]),
                "p50_us": median([r.get("p50_us") for r in runs]),
                "p99_us": median([r.get("p99_us") for r in runs]),
            }
    for n_file in sorted(glob.glob(f"{work}/sse/*.*.json")):
        name = os.path.basename(n_file)[: -len(".json")]
        if name in ("relay-after", "relay-before"):
            continue
        n, target = name.split(".")
        res["sse"].setdefault(n, {})[target] = json.load(open(n_file))
    for direction in ["download", "upload"]:
        res["big"][direction] = {}
        for target in ["direct", "nginx", "relay"]:
            runs = [json.load(open(f)) for f in sorted(glob.glob(f"{work}/big/{direction}.{target}.*.json"))]
            moved = [(r["down"] if direction == "download" else r["up"]) / r["seconds"] for r in runs if r["seconds"]]
            entry = {"runs": len(runs), "bytes": runs[0]["down" if direction == "download" else "up"] if runs else None,
                     "bytes_per_s": median(moved)}
            if target == "relay":
                growths = [gc_growth(f) for f in sorted(glob.glob(f"{work}/big/{direction}.relay.*.gc.log"))]
                growths = [g for g in growths if g]
                entry["heap"] = growths
                entry["max_heap_growth_mib"] = max([g["growth_mib"] for g in growths], default=None)
            res["big"][direction][target] = entry
    boots = {"empty": [], "cdi": [], "relay": []}
    for f in glob.glob(f"{work}/boot/*.json"):
        b = json.load(open(f))
        boots[b["kind"]].append(b["seconds"])
    res["boot"] = {"empty_s": median(boots["empty"]), "cdi_s": median(boots["cdi"]), "relay_s": median(boots["relay"]),
                   "runs": len(boots["relay"])}
    if res["boot"]["empty_s"] is not None and res["boot"]["relay_s"] is not None:
        res["boot"]["added_s"] = round(res["boot"]["relay_s"] - res["boot"]["empty_s"], 3)
    if res["boot"]["empty_s"] is not None and res["boot"]["cdi_s"] is not None:
        res["boot"]["cdi_added_s"] = round(res["boot"]["cdi_s"] - res["boot"]["empty_s"], 3)

    before = f"{work}/sse/relay-before.json"
    res["sse_relay_threads_before"] = json.load(open(before))["threads"] if os.path.exists(before) else None
    targets(res)
    text = table(res)
    print(text)
    name = res["date"].replace(":", "-")
    out_dir = f"{bench}/results" if mode == "full" else work
    os.makedirs(out_dir, exist_ok=True)
    with open(f"{out_dir}/{name}.json", "w") as f:
        json.dump(res, f, indent=1)
    with open(f"{work}/table.md", "w") as f:
        f.write(text)
    if mode == "full":
        update_readme(f"{bench}/README.md", text, res)
    print(f"results: {out_dir}/{name}.json")


def targets(res):
    w = res["wrk"]

    def add(name, value, goal, ok, floor=None):
        res["targets"].append({"target": name, "value": value, "goal": goal, "met": ok, "floor": floor})

    def vs_nginx(workload, key, target):
        return ratio(w[workload][target][key], w[workload]["nginx"][key])

    def added_p50(target):
        mine, direct = w["get-small-1"][target]["p50_us"], w["get-small-1"]["direct"]["p50_us"]
        return None if mine is None or direct is None else round((mine - direct) / 1000, 3)

    for workload, key, label, goal in [("get-small-32", "req_per_s", "GET small 32 conns vs nginx", 0.5),
                                       ("get-1mb-8", "bytes_per_s", "GET 1 MiB 8 conns vs nginx", 0.9),
                                       ("post-16k-32", "req_per_s", "POST 16 KiB 32 conns vs nginx", 0.5)]:
        r = vs_nginx(workload, key, "relay")
        add(label, r, f">= {goal}", r is not None and r >= goal, vs_nginx(workload, key, "floor"))
        if workload == "get-small-32":
            added = added_p50("relay")
            add("GET small 1 conn p50 added (ms)", added, "<= 0.3", added is not None and added <= 0.3,
                added_p50("floor"))
    top = max(res["sse"], key=int, default=None)
    if top is not None and "relay" in res["sse"][top]:
        s = res["sse"][top]["relay"]
        add(f"SSE {top} streams p99 (ms)", s["p99_ms"], "<= 50", s["p99_ms"] <= 50)
        idle = res.get("sse_relay_threads_before")
        grown = None if s["threads"] is None or idle is None else s["threads"] - idle
        add(f"SSE {top} streams: relay threads added", grown, f"< {int(top) // 10} (no thread per stream)",
            grown is not None and grown < int(top) // 10)
    for direction in ["download", "upload"]:
        g = res["big"][direction]["relay"].get("max_heap_growth_mib")
        add(f"{direction} heap growth (MiB)", g, "< 64", g is not None and g < 64)
    added = res["boot"].get("added_s")
    add("boot added by the relay WAR (s)", added, "< 1", added is not None and added < 1, res["boot"].get("cdi_added_s"))


def fmt_rate(workload, entry):
    if entry["req_per_s"] is None:
        return "—"
    if workload == "get-1mb-8":
        return f'{entry["bytes_per_s"] / 1024 ** 3:.2f} GiB/s'
    if workload == "get-small-1":
        return f'p50 {entry["p50_us"] / 1000:.3f} ms'
    return f'{entry["req_per_s"]:,.0f} req/s'


def table(res):
    w = res["wrk"]
    lines = [f'Measured {res["date"]} ({res["mode"]}), {res["machine"]}.', "",
             "| target | GET small, 32 conns | GET small, 1 conn | GET 1 MiB, 8 conns | POST 16 KiB, 32 conns |",
             "|---|---|---|---|---|"]
    order = ["get-small-32", "get-small-1", "get-1mb-8", "post-16k-32"]
    for target, label in [("direct", "direct to backend"), ("nginx", "nginx relay"), ("relay", "cookie-relay"),
                          ("floor", "floor: Payara + JDK HttpClient, no relay logic"),
                          ("container", "Payara answering by itself")]:
        cells = []
        for workload in order:
            e = w[workload].get(target)
            if not e or e["req_per_s"] is None:
                cells.append("—")
                continue
            cell = fmt_rate(workload, e)
            if target != "direct" and workload == "get-small-1" and e["p50_us"] and w[workload]["direct"]["p50_us"]:
                cell += f' (+{(e["p50_us"] - w[workload]["direct"]["p50_us"]) / 1000:.3f} ms)'
            elif target != "direct" and workload != "get-small-1":
                key = "bytes_per_s" if workload == "get-1mb-8" else "req_per_s"
                cell += f' ({ratio(e[key], w[workload]["direct"][key])}× direct'
                cell += f', {ratio(e[key], w[workload]["nginx"][key])}× nginx)' if target != "nginx" else ")"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "| SSE streams | via | p50 | p99 | max | relay threads | relay RSS |", "|---|---|---|---|---|---|---|"]
    for n in sorted(res["sse"], key=int):
        for target in ["direct", "nginx", "relay"]:
            s = res["sse"][n].get(target)
            if not s:
                continue
            threads = s["threads"] if s["threads"] is not None else ""
            rss = f'{s["rss_kib"] / 1024:.0f} MiB' if s["rss_kib"] else ""
            lines.append(f'| {n} | {target} | {s["p50_ms"]:.2f} ms | {s["p99_ms"]:.2f} ms | {s["max_ms"]:.1f} ms | {threads} | {rss} |')
    lines += ["", "| large body | direct | nginx relay | cookie-relay | relay heap growth (max after-GC) |", "|---|---|---|---|---|"]
    for direction in ["download", "upload"]:
        b = res["big"][direction]
        size = b["relay"]["bytes"]
        label = f'{direction} {size / 1024 ** 2:.0f} MiB' if size else direction
        cells = [f'{b[t]["bytes_per_s"] / 1024 ** 3:.2f} GiB/s' if b[t]["bytes_per_s"] else "—" for t in ["direct", "nginx", "relay"]]
        g = b["relay"].get("max_heap_growth_mib")
        lines.append(f"| {label} | " + " | ".join(cells) + f' | {"—" if g is None else f"{g:.0f} MiB"} |')
    bt = res["boot"]
    if bt.get("added_s") is not None:
        cdi = "" if bt.get("cdi_added_s") is None else \
            f'one-CDI-bean WAR {bt["cdi_s"]:.2f} s (added {bt["cdi_added_s"]:+.2f} s), '
        lines += ["", f'Boot to first 200 (median of {bt["runs"]}): trivial WAR {bt["empty_s"]:.2f} s, {cdi}'
                      f'relay WAR {bt["relay_s"]:.2f} s, added {bt["added_s"]:+.2f} s.']
    lines += ["", "| target (issue 7) | measured | goal | met | floor (no relay logic) |", "|---|---|---|---|---|"]
    for t in res["targets"]:
        floor = "" if t.get("floor") is None else t["floor"]
        lines.append(f'| {t["target"]} | {t["value"]} | {t["goal"]} | {"yes" if t["met"] else "**no**"} | {floor} |')
    return "\n".join(lines) + "\n"


def update_readme(path, text, res):
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if not os.path.exists(path):
        return
    readme = open(path).read()
    if start in readme and end in readme:
        head, rest = readme.split(start, 1)
        _, tail = rest.split(end, 1)
        open(path, "w").write(head + start + "\n" + text + end + tail)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "check-wrk":
        sys.exit(check_wrk(sys.argv[2]))
    elif cmd == "check-big":
        sys.exit(check_big(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    elif cmd == "report":
        report(*sys.argv[2:6])
    else:
        sys.exit(f"unknown command {cmd}")
