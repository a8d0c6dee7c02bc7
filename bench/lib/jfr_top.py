#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: hottest top frames, hottest packages (by top frame),
and how many samples pass through the relay's own code (dev.cookierelay) at all.
Usage: jfr_top.py FILE.jfr [TOP]"""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]


def frame_name(frame):
    method = frame["method"]
    return f'{method["type"]["name"]}.{method["name"]}'


def package(name):
    parts = name.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else name


top_frames = collections.Counter()
packages = collections.Counter()
relay_inclusive = collections.Counter()
through_relay = 0
for event in events:
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    top = frame_name(frames[0])
    top_frames[top] += 1
    packages[package(frames[0]["method"]["type"]["name"])] += 1
    seen = {frame_name(f) for f in frames if frame_name(f).startswith("dev.cookierelay")}
    if seen:
        through_relay += 1
    for name in seen:
        relay_inclusive[name] += 1

total = sum(top_frames.values()) or 1
print(f"{path}: {total} execution samples; {100 * through_relay / total:.1f}% have dev.cookierelay on the stack")
print(f"\nTop {top_n} frames (self time):")
for name, count in top_frames.most_common(top_n):
    print(f"  {100 * count / total:5.1f}%  {name}")
print("\nTop packages (self time):")
for name, count in packages.most_common(15):
    print(f"  {100 * count / total:5.1f}%  {name}")
print("\nRelay methods (inclusive: samples with the method anywhere on the stack):")
for name, count in relay_inclusive.most_common(15):
    print(f"  {100 * count / total:5.1f}%  {name}")

# Threads started during the recording, by the first frame outside java.lang.Thread: a pool that
# should be reused shows up here as thousands of starts.
raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ThreadStart", path],
                     check=True, capture_output=True, text=True).stdout
starts = collections.Counter()
for event in json.loads(raw)["recording"]["events"]:
    frames = (event["values"].get("stackTrace") or {}).get("frames") or []
    names = [frame_name(f) for f in frames if not frame_name(f).startswith("java.lang.Thread.")]
    starts[" < ".join(names[:4]) or "?"] += 1
print(f"\nThreads started during the recording: {sum(starts.values())}")
for name, count in starts.most_common(5):
    print(f"  {count:6d}  {name}")
