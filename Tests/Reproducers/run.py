#!/usr/bin/env python3
"""`make fuzz-regress`: runs every reproducer of Tests/Reproducers/generate.py with the given
rolegraph binary, checks its exit status and that it finishes within the budget (1 s each).
Usage: run.py ROLEGRAPH OUTDIR"""
import json
import subprocess
import sys
import time

binary, out = sys.argv[1], sys.argv[2]
BUDGET = 1.0
failures = 0
for case in json.load(open(out + "/manifest.json")):
    start = time.monotonic()
    try:
        result = subprocess.run([binary] + case["args"], capture_output=True, timeout=30)
        status = result.returncode
    except subprocess.TimeoutExpired:
        status = "timeout"
    elapsed = time.monotonic() - start
    ok = status == case["status"] and elapsed < BUDGET
    failures += not ok
    print("%-14s exit %-7s (expected %d) %6.3f s %s" % (case["name"], status, case["status"], elapsed, "ok" if ok else "FAIL"))
print("%d of %d reproducers failed" % (failures, len(json.load(open(out + "/manifest.json")))))
sys.exit(1 if failures else 0)
