"""Paired A/B of two builds of `bench` on the same files: before and after a change.

    python3 studies/ab.py BEFORE/bench AFTER/bench [--sizes 10k,100k] [--ops path,path-uni,sssp,yen]
                          [--rounds 8] [--repeat 5]

Each round runs both binaries once per size (who goes first alternates), each process loading the
file once and running every operation --repeat times. For each operation it prints the median over
rounds of after/before (each round's medians paired), the range of those ratios, and whether the
two builds found the same number of paths / reached vertices. Run from Benchmarks/ after
`make bench` (or `swift build -c release` here and `.build/release/generate`) made the data.
"""
import argparse, json, statistics, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("before"); ap.add_argument("after")
ap.add_argument("--sizes", default="10k,100k")
ap.add_argument("--ops", default="path,path-uni,sssp,yen")
ap.add_argument("--rounds", type=int, default=8)
ap.add_argument("--repeat", type=int, default=5)
a = ap.parse_args()

def run(binary, size):
    out = subprocess.run([binary, "--file", f"data/transitions-{size}.csv", "--ops", a.ops,
                          "--pairs", f"data/transitions-{size}.pairs.csv", "--repeat", str(a.repeat)],
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        row = json.loads(line)
        extra = {k: v for k, v in row.items() if k not in ("tool", "op", "status", "times", "peak_rss")}
        rows[row["op"]] = (statistics.median(row["times"]), extra)
    return rows

for size in a.sizes.split(","):
    ratios = {op: [] for op in a.ops.split(",")}
    same = {op: True for op in ratios}
    for r in range(a.rounds):
        order = [("before", a.before), ("after", a.after)]
        if r % 2: order.reverse()
        got = {name: run(binary, size) for name, binary in order}
        for op in ratios:
            ratios[op].append(got["after"][op][0] / got["before"][op][0])
            same[op] &= got["after"][op][1] == got["before"][op][1]
    for op, rs in ratios.items():
        print(f"{size:>5} {op:<10} after/before median {statistics.median(rs):.3f}  "
              f"range {min(rs):.3f}-{max(rs):.3f}  ({len(rs)} rounds)  same results: {same[op]}")
    sys.stdout.flush()
