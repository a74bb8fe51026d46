#!/usr/bin/env python3
"""Aggregates one scenario's measurements into bench/results/<date>-<scenario>.md, .json and .png.

Usage: report.py RESULTS.jsonl EXTRAS.jsonl OUT_PREFIX SCENARIO "MACHINE" "COMMAND"
Each measurement line has: load, target, round, rps, p50, p99, requests, non2xx, errors, and for wrk runs cpu_us
(CPU µs of the target's own processes per completed request).
Medians over the rounds are reported with their min-max spread; ratios are to nginx in the same run. "Targets"
blocks check the goals of the issue "Performance": the gateway against the bare Reactor Netty proxy and stock
Spring Cloud Gateway, and (scenario starter) the starter's app against the same app without it.
"""
import json
import statistics
import sys
from collections import OrderedDict

ORDER = ["direct", "nginx", "haproxy", "reactor-netty", "stock-scg", "plain", "spring-session", "scaleout", "scaleout-b"]

# The goals of the issue "Performance", each: (what, mine, other, column, direction, limit).
GATEWAY_TARGETS = [("CPU/req", "reactor-netty", "cpu_us", "≤", 1.50),
                   ("req/s", "stock-scg", "rps", "≥", 1.50),
                   ("p99", "reactor-netty", "p99", "≤", 1.50)]
STARTER_CPU_LIMIT = 1.10  # the starter's app may spend at most 10 % more CPU per sessionless request
STARTER_HELLO = "GET /hello"


def load_lines(path):
    try:
        with open(path) as f:
            return [json.loads(l) for l in f if l.strip()]
    except FileNotFoundError:
        return []


def summarize(rows):
    loads = OrderedDict()
    for r in rows:
        # requests/s counts every answer; answered-with-2xx per second is what a client got done
        if r.get("requests"):
            r.setdefault("ok_rps", r["rps"] * max(0, r["requests"] - r["non2xx"] - r["errors"]) / r["requests"])
        loads.setdefault(r["load"], {}).setdefault(r["target"], []).append(r)
    out = OrderedDict()
    for load, by_target in loads.items():
        table = OrderedDict()
        for target in sorted(by_target, key=lambda t: ORDER.index(t) if t in ORDER else 99):
            rs = by_target[target]
            def col(k):
                vals = [r[k] for r in rs if r.get(k) is not None]
                return {"median": statistics.median(vals), "min": min(vals), "max": max(vals)} if vals else None
            table[target] = {"rounds": len(rs), "rps": col("rps"), "ok_rps": col("ok_rps"), "p50": col("p50"),
                             "p99": col("p99"), "cpu_us": col("cpu_us"),
                             "requests": sum(r["requests"] for r in rs),
                             "non2xx": sum(r["non2xx"] for r in rs), "errors": sum(r["errors"] for r in rs)}
        ref = table.get("nginx")
        for t in table.values():
            if ref and ref["rps"] and t["rps"]:
                t["rps_vs_nginx"] = t["rps"]["median"] / ref["rps"]["median"]
            if ref and ref["p99"] and t["p99"]:
                t["p99_vs_nginx"] = t["p99"]["median"] / ref["p99"]["median"]
        out[load] = table
    return out


def fmt(c, digits=0):
    if not c:
        return "–"
    f = "{:,.%df}" % digits
    return "%s (%s–%s)" % (f.format(c["median"]), f.format(c["min"]), f.format(c["max"]))


def ratio(v):
    return "%.2f×" % v if v is not None else "–"


def relative(table):
    """The Scaleout gateway's median requests/s against the other JVM proxies of the same load."""
    mine = table.get("scaleout")
    if not mine or not mine["rps"]:
        return []
    return [(other, mine["rps"]["median"] / table[other]["rps"]["median"])
            for other in ("stock-scg", "reactor-netty") if other in table and table[other]["rps"]]


def median(table, target, column):
    c = table.get(target, {}).get(column)
    return c["median"] if c else None


def verdict(value, direction, limit):
    met = value <= limit if direction == "≤" else value >= limit
    return "met" if met else "not met"


def gateway_targets(table):
    """The gateway's goals for one wrk load, for scaleout and scaleout-b when the reference targets ran."""
    out = []
    for mine in ("scaleout", "scaleout-b"):
        for what, other, column, direction, limit in GATEWAY_TARGETS:
            a, b = median(table, mine, column), median(table, other, column)
            if a is not None and b:
                out.append({"check": "%s %s ÷ %s %s" % (mine, what, other, what), "value": a / b,
                            "target": "%s %.2f" % (direction, limit), "verdict": verdict(a / b, direction, limit)})
    return out


def starter_targets(summary):
    """The starter's goal on the sessionless route, and its session routes beside stock Spring Session's."""
    out = []
    for load, table in summary.items():
        if STARTER_HELLO not in load:
            continue
        for mine in ("scaleout", "spring-session"):
            a, b = median(table, mine, "cpu_us"), median(table, "plain", "cpu_us")
            if a is not None and b:
                mine_is_starter = mine == "scaleout"  # stock Spring Session's cost is shown for comparison only
                out.append({"check": "%s CPU/req ÷ plain CPU/req, %s" % (mine, STARTER_HELLO), "value": a / b,
                            "target": "≤ %.2f" % STARTER_CPU_LIMIT if mine_is_starter else None,
                            "verdict": verdict(a / b, "≤", STARTER_CPU_LIMIT) if mine_is_starter else None})
    return out


def session_comparison(summary):
    """Session routes: the starter against stock Spring Session, medians side by side."""
    table = [["route", "spring-session req/s", "scaleout req/s", "scaleout ÷ spring-session req/s",
              "spring-session CPU µs/req", "scaleout CPU µs/req", "scaleout ÷ spring-session CPU/req"]]
    for load, t in summary.items():
        if "/session/" not in load or "spring-session" not in t or "scaleout" not in t:
            continue
        rs, ro = median(t, "spring-session", "rps"), median(t, "scaleout", "rps")
        cs, co = median(t, "spring-session", "cpu_us"), median(t, "scaleout", "cpu_us")
        table.append([load, "%.0f" % rs, "%.0f" % ro, ratio(ro / rs if rs else None),
                      "%.1f" % cs if cs is not None else "–", "%.1f" % co if co is not None else "–",
                      ratio(co / cs if cs and co is not None else None)])
    return table if len(table) > 1 else None


def check_text(c, bold=""):
    if c["target"] is None:
        return "%s: %.2f (for comparison)" % (c["check"], c["value"])
    return "%s: %.2f (target %s): %s%s%s" % (c["check"], c["value"], c["target"], bold, c["verdict"], bold)


def targets_lines(checks):
    return ["**Targets**", ""] + ["- " + check_text(c, "**") for c in checks] + [""]


def markdown(scenario, summary, extras, machine, command):
    lines = ["# Bench: %s" % scenario, "", "Machine: %s" % machine, "", "Command: `%s`" % command, "",
             "Medians over the rounds, (min–max) across rounds; latencies in ms; ratios to nginx in the same run; "
             "CPU µs/req: the target's own processes' CPU time (user + system, all threads and child processes) "
             "during the wrk run divided by the requests it completed (wrk loads only).",
             ""]
    for load, table in summary.items():
        lines += ["## %s" % load, "",
                  "| Target | Requests/s | × nginx | 2xx/s | p50 ms | p99 ms | p99 × nginx | CPU µs/req | non-2xx | errors |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for target, t in table.items():
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %d | %d |" % (
                target, fmt(t["rps"]), ratio(t.get("rps_vs_nginx")), fmt(t.get("ok_rps")), fmt(t["p50"], 2),
                fmt(t["p99"], 2),
                ratio(t.get("p99_vs_nginx")), fmt(t.get("cpu_us"), 1), t["non2xx"], t["errors"]))
        lines.append("")
        against = relative(table) if not load.startswith("fixed rate") else []
        if against:
            lines += ["Scaleout requests/s against " + "; ".join("%s: %s" % (k, ratio(v)) for k, v in against) + ".", ""]
        checks = gateway_targets(table) if not load.startswith("fixed rate") else []
        if checks:
            lines += targets_lines(checks)
    if scenario == "starter":
        checks, sessions = starter_targets(summary), session_comparison(summary)
        lines += ["## Targets: the starter against the same app without it", ""]
        if checks:
            lines += targets_lines(checks)[2:]  # under its own heading
        if sessions:
            lines += ["Session routes, the starter against stock Spring Session (medians):", "",
                      "| " + " | ".join(sessions[0]) + " |", "|" + "---|" * len(sessions[0])]
            lines += ["| " + " | ".join(row) + " |" for row in sessions[1:]] + [""]
    for e in extras:
        lines += ["## %s" % e.get("title", e.get("kind")), ""]
        if "table" in e:
            cols = e["table"][0]
            lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in e["table"][1:]]
        if "text" in e:
            lines += ["", e["text"]]
        lines.append("")
    return "\n".join(lines) + "\n"


def chart(summary, path, scenario):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report: matplotlib missing, no chart", file=sys.stderr)
        return
    loads = list(summary.items())
    fig, axes = plt.subplots(len(loads), 3, figsize=(15, 3.2 * len(loads)), squeeze=False)
    for i, (load, table) in enumerate(loads):
        targets = list(table)
        rps = [table[t]["rps"]["median"] if table[t]["rps"] else 0 for t in targets]
        p99 = [table[t]["p99"]["median"] if table[t]["p99"] else 0 for t in targets]
        colors = ["#e4572e" if t.startswith("scaleout") else "#4c72b0" for t in targets]
        axes[i][0].bar(targets, rps, color=colors)
        axes[i][0].set_title("%s — requests/s (higher is better)" % load, fontsize=9)
        axes[i][1].bar(targets, p99, color=colors)
        axes[i][1].set_title("%s — p99 ms (lower is better)" % load, fontsize=9)
        cpu = [table[t]["cpu_us"]["median"] if table[t].get("cpu_us") else 0 for t in targets]
        axes[i][2].bar(targets, cpu, color=colors)
        axes[i][2].set_title("%s — CPU µs/req (lower is better)" % load, fontsize=9)
        for ax in axes[i]:
            ax.tick_params(labelsize=8)
    fig.suptitle("Scaleout bench: %s" % scenario)
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main():
    results, extras_path, prefix, scenario, machine, command = sys.argv[1:7]
    rows = [r for r in load_lines(results) if r.get("scenario") == scenario]
    extras = [e for e in load_lines(extras_path) if e.get("scenario") == scenario]
    summary = summarize(rows)
    with open(prefix + ".json", "w") as f:
        targets = {load: gateway_targets(table) for load, table in summary.items()
                   if not load.startswith("fixed rate") and gateway_targets(table)}
        if scenario == "starter":
            targets["starter"] = starter_targets(summary)
            targets["starter-sessions"] = session_comparison(summary)
        json.dump({"scenario": scenario, "machine": machine, "command": command, "loads": summary,
                   "targets": targets, "extras": extras, "raw": rows}, f, indent=2)
    with open(prefix + ".md", "w") as f:
        f.write(markdown(scenario, summary, extras, machine, command))
    if summary:
        chart(summary, prefix + ".png", scenario)
    for load, table in summary.items():
        print("== %s: %s" % (scenario, load))
        for target, t in table.items():
            print("  %-14s %9s req/s  p99 %8s ms  CPU %7s µs/req   %s nginx req/s, p99 %s nginx" % (
                target, "{:,.0f}".format(t["rps"]["median"]) if t["rps"] else "-",
                "%.2f" % t["p99"]["median"] if t["p99"] else "-",
                "%.1f" % t["cpu_us"]["median"] if t.get("cpu_us") else "-",
                ratio(t.get("rps_vs_nginx")), ratio(t.get("p99_vs_nginx"))))
        for other, v in (relative(table) if not load.startswith("fixed rate") else []):
            print("  scaleout: %s %s req/s" % (ratio(v), other))
        for c in (gateway_targets(table) if not load.startswith("fixed rate") else []):
            print("  target: " + check_text(c))
    for c in (starter_targets(summary) if scenario == "starter" else []):
        print("  target: " + check_text(c))


if __name__ == "__main__":
    main()
