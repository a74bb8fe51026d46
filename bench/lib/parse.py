#!/usr/bin/env python3
"""Turns one wrk or hey report into one JSON line: requests/s, p50, p99 (ms), requests, errors.

Usage: parse.py wrk|hey REPORT [key=value ...]   (the key=value pairs are copied into the line)
With cpu_ticks=N clk_tck=HZ (the measured processes' CPU clock ticks during the run) the line also gets cpu_us:
microseconds of CPU per completed request.
"""
import json
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(text):
    def latency(pct):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % pct, text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "requests": total,
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "errors": sum(int(g) for g in sock.groups()) if sock else 0}


def hey(text):
    def latency(pct):
        m = re.search(r"^\s*%s%% in ([\d.]+) secs" % pct, text, re.M)
        return float(m.group(1)) * 1000 if m else None

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    codes = {int(c): int(n) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text)}
    errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]\s+(?!\d+ responses)", text, re.M))
    err_section = text.split("Error distribution:")[1] if "Error distribution:" in text else ""
    errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", err_section, re.M))
    return {"rps": rps, "p50": latency(50), "p99": latency(99),
            "requests": sum(codes.values()) + errors,
            "non2xx": sum(n for c, n in codes.items() if not 200 <= c < 300), "errors": errors}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path) as f:
        line = {"wrk": wrk, "hey": hey}[kind](f.read())
    for pair in sys.argv[3:]:
        key, value = pair.split("=", 1)
        line[key] = int(value) if key in ("cpu_ticks", "clk_tck") else value
    if "cpu_ticks" in line and line.get("requests"):
        line["cpu_us"] = line["cpu_ticks"] * 1e6 / line["clk_tck"] / line["requests"]
    print(json.dumps(line))


if __name__ == "__main__":
    main()
