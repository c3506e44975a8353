#!/usr/bin/env python3
"""Diagrams at real size: how long `rolegraph export` takes to draw generated transition networks
of 500, 1,000, 2,000 and 5,000 roles (≈5 transitions each, Benchmarks/transition_network.py,
seed 18) with the default options, beside Graphviz's own `sfdp -Tsvg` on the very DOT RoleGraph
writes for it; whether each SVG is well-formed XML with every role in it; and how long
`path A B --render` on the 5,000-role network and `centrality` on a 20,000-role / 200,000-transition
network take. Writes Benchmarks/RESULTS-diagrams.md.

    python3 diagrams.py [--rounds 3] [--sizes 500,1000,2000,5000] [--bin PATH]

Run through `make bench-diagrams`, which builds the release binary and installs Graphviz's tools
when they are missing. Times are medians of wall-clock runs of whole processes (loading the CSV
included for RoleGraph; sfdp reads the DOT, already written).
"""
import argparse, datetime, os, platform, statistics, subprocess, sys, time
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data", "diagrams")
sys.path.insert(0, HERE)
import transition_network  # noqa: E402

# The budgets for the default export, in seconds.
BUDGET = {500: 5, 1000: 10, 2000: 20, 5000: 60}
PATH_BUDGET = 10
CENTRALITY_BUDGET = 5
TIMEOUT = 600
SVG_NS = "{http://www.w3.org/2000/svg}"


def timed(cmd, **kw):
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, **kw)
    elapsed = time.monotonic() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.strip()[:300]}")
    return elapsed, out


def network(roles, per_role=5):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"transitions-{roles}-{per_role}.csv")
    if not os.path.exists(path):
        transition_network.write_csv(transition_network.generate(roles, 18, per_role), path)
    return path


def role_ids(csv_path):
    ids = set()
    with open(csv_path) as f:
        next(f)
        for line in f:
            a, b = line.split(",")[:2]
            ids.update((a, b))
    return ids


def check_svg(svg_path, ids):
    """(well-formed, every role present, size in bytes)."""
    try:
        tree = ElementTree.parse(svg_path)
    except ElementTree.ParseError:
        return False, False, os.path.getsize(svg_path)
    titles = {g.find(SVG_NS + "title").text for g in tree.iter(SVG_NS + "g")
              if g.get("class", "").startswith("node") and g.find(SVG_NS + "title") is not None}
    return True, ids <= titles, os.path.getsize(svg_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "rolegraph"))
    parser.add_argument("--out", default=os.path.join(HERE, "RESULTS-diagrams.md"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, problems = [], []
    work = os.path.join(DATA, "out")
    os.makedirs(work, exist_ok=True)
    for roles in sizes:
        csv = network(roles)
        ids = role_ids(csv)
        transitions = sum(1 for _ in open(csv)) - 1
        dot = os.path.join(work, f"{roles}.gv")
        subprocess.run([args.bin, "--graph", csv, "export", "-o", dot], check=True, timeout=TIMEOUT)
        ours, theirs = [], []
        for round in range(args.rounds):
            # Alternate who goes first.
            order = ["ours", "sfdp"] if round % 2 == 0 else ["sfdp", "ours"]
            for tool in order:
                if tool == "ours":
                    t, _ = timed([args.bin, "--graph", csv, "export", "-o", os.path.join(work, f"{roles}.svg")])
                    ours.append(t)
                else:
                    t, _ = timed(["sfdp", "-Tsvg", dot, "-o", os.path.join(work, f"{roles}-sfdp.svg")])
                    theirs.append(t)
            print(f"{roles} roles, round {round + 1}: ours {ours[-1]:.2f} s, sfdp {theirs[-1]:.2f} s", file=sys.stderr)
        ok, every, size = check_svg(os.path.join(work, f"{roles}.svg"), ids)
        ok2, every2, _ = check_svg(os.path.join(work, f"{roles}-sfdp.svg"), ids)
        m_ours, m_sfdp = statistics.median(ours), statistics.median(theirs)
        within = m_ours <= BUDGET.get(roles, float("inf"))
        if not (ok and every and within):
            problems.append(f"{roles} roles: valid={ok} every role={every} {m_ours:.1f} s (budget {BUDGET.get(roles)})")
        rows.append((roles, transitions, m_ours, min(ours), max(ours), m_sfdp, m_ours / m_sfdp, size, ok and every, ok2 and every2,
                     BUDGET.get(roles), within))

    # path --render on the 5,000-role network (or the largest size run).
    big = network(max(sizes))
    ids = sorted(role_ids(big))
    with open(big) as f:
        next(f)
        first = f.readline().split(",")[0]
    last = ids[len(ids) // 2]
    path_times = []
    for _ in range(args.rounds):
        t, out = timed([args.bin, "--graph", big, "path", first, last, "--render", os.path.join(work, "path.svg")])
        path_times.append(t)
    path_note = next((line for line in out.stderr.splitlines() if "drew" in line), "")
    path_ok, _, _ = check_svg(os.path.join(work, "path.svg"), set())

    # centrality on 20,000 roles and about 200,000 transitions, default options.
    huge = network(20000, per_role=10)
    huge_transitions = sum(1 for _ in open(huge)) - 1
    centrality_times = []
    for _ in range(args.rounds):
        t, out = timed([args.bin, "--graph", huge, "centrality", "-n", "3"])
        centrality_times.append(t)
    centrality_header = out.stdout.splitlines()[0]

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    gv = subprocess.run(["sfdp", "-V"], capture_output=True, text=True).stderr.strip()
    lines = [
        "# Diagrams at real size",
        "",
        f"`make bench-diagrams` ({datetime.date.today().isoformat()}, {cpu}, {os.cpu_count()} cores, {gv}); "
        f"medians of {args.rounds} whole-process runs; generated transition networks "
        "(Benchmarks/transition_network.py, seed 18, ≈5 transitions per role, long title-like ids).",
        "",
        "`rolegraph export -o N.svg` with the default options (sfdp, straight edges, prism overlap removal, "
        "compact style) beside `sfdp -Tsvg` on the DOT that RoleGraph writes for the same graph. "
        "Ratio: ours / sfdp. Valid: well-formed XML with every role's node in it.",
        "",
        "| roles | transitions | rolegraph export | (min–max) | sfdp -Tsvg | ratio | SVG | valid (ours / sfdp) | budget | within |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for (roles, transitions, m, lo, hi, s, ratio, size, ok, ok2, budget, within) in rows:
        lines.append(f"| {roles:,} | {transitions:,} | {m:.2f} s | {lo:.2f}–{hi:.2f} | {s:.2f} s | {ratio:.2f} | "
                     f"{size / 1e6:.1f} MB | {'yes' if ok else 'NO'} / {'yes' if ok2 else 'NO'} | {budget} s | {'yes' if within else 'NO'} |")
    lines += [
        "",
        f"`rolegraph path A B --render path.svg` on the {max(sizes):,}-role network: "
        f"median {statistics.median(path_times):.2f} s (budget {PATH_BUDGET} s; "
        f"{'within' if statistics.median(path_times) <= PATH_BUDGET else 'OVER'}), SVG valid: {'yes' if path_ok else 'NO'}. "
        f"Its note: `{path_note}`",
        "",
        f"`rolegraph centrality` on 20,000 roles and {huge_transitions:,} transitions: median "
        f"{statistics.median(centrality_times):.2f} s (budget {CENTRALITY_BUDGET} s; "
        f"{'within' if statistics.median(centrality_times) <= CENTRALITY_BUDGET else 'OVER'}). It says: `{centrality_header}`",
        "",
    ]
    if problems:
        lines += ["Problems:", ""] + [f"- {p}" for p in problems] + [""]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
