"""Label propagation's modularity over many seeds: RoleGraph against igraph.

`run.py` clusters once per tool with seed 1, and for Louvain and Leiden, which optimise
modularity, that one value is a fair comparison. Label propagation optimises nothing: its seeded
visiting order and tie-breaks decide a few boundary vertices and whether two planted communities
merge, so one seed against one peer run is a coin toss. This study runs both over many seeds on
the same generated graph and the same projection (the simple undirected one, as in run.py), and
scores every partition with igraph's modularity.

    cd Benchmarks && make -C .. bench-deps && .venv/bin/python studies/lpa_seeds.py [--sizes 10k,100k] [--seeds 100]

It needs `make bench` (or `run.py`) to have built `.build/release/bench` and generated `data/`.
For each size it prints, per tool: how many runs came within 1e-6 of the best modularity any run
reached (the planted partition, give or take a vertex), the mean and the minimum.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile

import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.join(ROOT, ".build", "release", "bench")
DATA = os.path.join(ROOT, "data")


def projection(csv_path):
    """The simple undirected projection, vertices numbered by first appearance (as run.py does)."""
    order, edges = {}, []
    with open(csv_path) as f:
        next(f)
        for line in f:
            x, y = line.rstrip("\n").split(",")[:2]
            edges.append((order.setdefault(x, len(order)), order.setdefault(y, len(order))))
    return ig.Graph(n=len(order), edges=edges, directed=False).simplify()


def ours(csv_path, seed, scratch):
    prefix = os.path.join(scratch, f"seed{seed}-")
    subprocess.run([BENCH, "--file", csv_path, "--ops", "lpa", "--repeat", "1", "--seed", str(seed),
                    "--membership", prefix], check=True, capture_output=True)
    with open(prefix + "lpa.txt") as f:
        return [int(line) for line in f]


def theirs(graph, seed):
    random.seed(seed)  # python-igraph draws from Python's `random`
    return graph.community_label_propagation().membership


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k")
    ap.add_argument("--seeds", type=int, default=100)
    a = ap.parse_args()
    if not os.path.exists(BENCH):
        sys.exit(f"lpa_seeds: {BENCH} is missing: run `make bench` first")
    with tempfile.TemporaryDirectory() as scratch:
        for size in a.sizes.split(","):
            csv_path = os.path.join(DATA, f"transitions-{size}.csv")
            if not os.path.exists(csv_path):
                sys.exit(f"lpa_seeds: {csv_path} is missing: run `make bench` first")
            graph = projection(csv_path)
            q = {"rolegraph": [], "igraph": []}
            for seed in range(1, a.seeds + 1):
                q["rolegraph"].append(graph.modularity(ours(csv_path, seed, scratch)))
                q["igraph"].append(graph.modularity(theirs(graph, seed)))
            best = max(max(v) for v in q.values())
            for tool, values in q.items():
                near = sum(v > best - 1e-6 for v in values)
                print(f"{size:>5} {tool:10} seeds 1-{a.seeds}: {near:3} within 1e-6 of the best Q "
                      f"({best:.7f}); mean {statistics.mean(values):.7f}, min {min(values):.7f}")


if __name__ == "__main__":
    main()
