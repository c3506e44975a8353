#!/usr/bin/env python3
"""The oracle for `--cost likely`: reads likely-network.csv.gz independently of RoleGraph (Python's
gzip and csv modules), aggregates repeated rows, keeps self-moves as stayers, and computes with
networkx the shortest path under cost -ln(share), share(A->B) = count(A->B) / (sum of A's outgoing
counts + A's stayers), for 200 random pairs (fixed seed). Writes likely-oracle.tsv:

    from <TAB> to <TAB> cost (repr, or inf) <TAB> path (roles joined by TAB-free ' -> ', or '*' when
    the shortest path is not unique, '-' when there is none)

Run by `make likely-oracle`, which installs networkx first if it is missing."""
import csv
import gzip
import io
import math
import os
import random

import networkx as nx

SEED = 7
PAIRS = 200
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with gzip.open(os.path.join(HERE, "likely-network.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        assert header == ["source", "target", "weight"], header
        counts, stays, roles = {}, {}, []
        seen = set()
        for a, b, n in reader:
            for r in (a, b):
                if r not in seen:
                    seen.add(r)
                    roles.append(r)
            n = float(n)
            if n == 0:
                continue
            if a == b:
                stays[a] = stays.get(a, 0) + n
            else:
                counts[(a, b)] = counts.get((a, b), 0) + n
    total = dict(stays)
    for (a, _), n in counts.items():
        total[a] = total.get(a, 0) + n
    g = nx.DiGraph()
    g.add_nodes_from(roles)
    for (a, b), n in counts.items():
        g.add_edge(a, b, weight=-math.log(n / total[a]))
    rng = random.Random(SEED)
    lines = []
    for _ in range(PAIRS):
        a, b = rng.sample(roles, 2)
        try:
            cost = nx.dijkstra_path_length(g, a, b, weight="weight")
        except nx.NetworkXNoPath:
            lines.append(f"{a}\t{b}\tinf\t-")
            continue
        paths = list(nx.all_shortest_paths(g, a, b, weight="weight"))
        path = " -> ".join(paths[0]) if len(paths) == 1 else "*"
        lines.append(f"{a}\t{b}\t{cost!r}\t{path}")
    with open(os.path.join(HERE, "likely-oracle.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    reachable = sum(1 for line in lines if "\tinf\t" not in line)
    print(f"likely-oracle.tsv: {PAIRS} pairs, {reachable} with a path (networkx {nx.__version__})")


if __name__ == "__main__":
    main()
