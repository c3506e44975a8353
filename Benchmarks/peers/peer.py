#!/usr/bin/env python3
"""Runs benchmark operations with one peer library, the way `bench` runs them with RoleGraph.

    peer.py --tool TOOL --ops OP[:N],OP[:N],... --file F.csv [--repeat N] [--pairs P.csv]
            [--membership PREFIX] [--slow S] [--timeout S]

One process loads the file once and runs the operations in the order given, printing one JSON line
per operation as it finishes: {"tool", "op", "status", "times": [seconds...], "peak_rss": bytes}.
`status` is "ok", "unsupported" when the library has no such operation (no times then), or
"timeout" when a call took more than --timeout seconds. `OP:N` runs OP N times (default --repeat);
an operation stops repeating once its calls add up to more than --slow seconds. `--op OP` is
`--ops OP`. If `load` is in the list it comes first and is timed (the last graph it builds is the
one the other operations use); otherwise the file is loaded once, untimed. Between operations the
previous operation's state is dropped and the garbage collected (untimed), so each operation sees
the loaded graph and nothing else, as in a process of its own.

The same semantics for every tool, and for RoleGraph's `bench`:
- the graph is directed, one edge per row, weighted by `effort`;
- load: read the CSV with the library's usual route from Python (the csv module, then the
  library's bulk edge constructor) and build the graph; timed from the file to the graph. The
  `-arrow` tools take the fastest route instead: pyarrow's multithreaded CSV reader, the two id
  columns dictionary-encoded together, numpy arrays into scipy's `csr_matrix`, networkit's
  `GraphFromCoo` or igraph's `Graph(n, edges)`, no Python object per row;
- path: effort-weighted shortest path for each of the 20 pairs in PAIRS; one time = all 20;
- sssp: effort-weighted distances from the first pair's source to every role;
- yen: the 5 shortest loopless paths (effort-weighted) for the first 3 pairs; one time = all 3;
- louvain, leiden, lpa: on the undirected, unweighted projection (built once, untimed); the
  membership of the last run is written to PREFIX + OP + ".txt" (one community number per role,
  roles in order of first appearance in the file) so the driver computes modularity the same way
  for all;
- path1: the first pair only (for whole-process "load, one query, exit" runs);
- betweenness: exact, unweighted, directed; betweenness-sampled: from 100 sampled sources
  (networkit's EstimateBetweenness, networkx's k=100), unnormalised.
Everything but the timed call (loading for non-load operations, projections) is done once, untimed.
"""
import argparse
import csv
import gc
import json
import resource
import sys
import time


def peak_rss():
    """This process's peak resident set size in bytes. On Linux, VmHWM of /proc/self/status: the
    high-water mark of this program's own memory, which getrusage's ru_maxrss also folds in with
    whatever the parent process had resident when it started this one (the driver holds a parsed
    copy of the file, hundreds of MiB at 100k). Elsewhere ru_maxrss."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def read_rows(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        i, j = header.index("from"), header.index("to")
        k = header.index("effort") if "effort" in header else None
        if k is None:
            return [(r[i], r[j], 1.0) for r in reader if r]
        return [(r[i], r[j], float(r[k]) if r[k] else 1.0) for r in reader if r]


def index_rows(rows):
    """Ids → dense indices in order of first appearance (the order RoleGraph numbers roles in)."""
    ids = {}
    edges = []
    for a, b, w in rows:
        ia = ids.setdefault(a, len(ids))
        ib = ids.setdefault(b, len(ids))
        edges.append((ia, ib, w))
    return ids, edges


def read_pairs(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        return [(a, b) for a, b in r]


# --- loaders: return (graph, ids) where ids maps role id → the library's node handle ---------

def load_networkx(path):
    import networkx as nx
    g = nx.DiGraph()
    g.add_weighted_edges_from(read_rows(path), weight="effort")
    return g, {n: n for n in g.nodes}


def load_igraph(path):
    import igraph as ig
    ids, edges = index_rows(read_rows(path))
    g = ig.Graph(n=len(ids), edges=[(a, b) for a, b, _ in edges], directed=True)
    g.es["effort"] = [w for _, _, w in edges]
    return g, ids


def load_networkit(path):
    import networkit as nk
    import numpy as np
    ids, edges = index_rows(read_rows(path))
    src = np.fromiter((a for a, _, _ in edges), dtype=np.uint64, count=len(edges))
    dst = np.fromiter((b for _, b, _ in edges), dtype=np.uint64, count=len(edges))
    w = np.fromiter((x for _, _, x in edges), dtype=np.float64, count=len(edges))
    g = nk.graph.GraphFromCoo((w, (src, dst)), n=len(ids), weighted=True, directed=True)
    return g, ids


def load_rustworkx(path):
    import rustworkx as rx
    ids, edges = index_rows(read_rows(path))
    g = rx.PyDiGraph(multigraph=False)
    g.add_nodes_from(range(len(ids)))
    g.add_edges_from(edges)
    return g, ids


# --- the fastest Python route: pyarrow's multithreaded CSV reader, dictionary-encoded ids, numpy
# arrays straight into each library's bulk constructor (no Python object per row) ------------

class ArrowIds:
    """Role id → dense index over pyarrow's dictionary of ids, looked up only when asked (a query
    names a few roles; a Python dict of every id would be a cost this route does not need)."""
    def __init__(self, dictionary):
        self.dictionary = dictionary

    def __len__(self):
        return len(self.dictionary)

    def __getitem__(self, role):
        import pyarrow.compute as pc
        i = pc.index(self.dictionary, role).as_py()
        if i < 0:
            raise KeyError(role)
        return i

    def __iter__(self):
        return iter(self.dictionary.to_pylist())


def read_arrow(path):
    """(source indices, target indices, efforts, ids): the file through pyarrow's CSV reader (all
    cores), both id columns dictionary-encoded together so one index names one role."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pv
    table = pv.read_csv(path, convert_options=pv.ConvertOptions(
        column_types={"from": pa.string(), "to": pa.string()}))
    names = [c.strip().lower() for c in table.column_names]
    src, dst = table.column(names.index("from")), table.column(names.index("to"))
    n = len(src)
    both = pa.chunked_array(src.chunks + dst.chunks).combine_chunks().dictionary_encode()
    codes = both.indices.to_numpy(zero_copy_only=False)
    if "effort" in names:
        w = pc.fill_null(table.column(names.index("effort")), 1.0).cast(pa.float64()).to_numpy()
    else:
        w = np.ones(n)
    return codes[:n], codes[n:], w, ArrowIds(both.dictionary)


def load_scipy_arrow(path):
    from scipy.sparse import csr_matrix
    s, t, w, ids = read_arrow(path)
    n = len(ids)
    return csr_matrix((w, (s, t)), shape=(n, n)), ids


def load_networkit_arrow(path):
    import networkit as nk
    s, t, w, ids = read_arrow(path)
    g = nk.graph.GraphFromCoo((w, (s.astype("uint64"), t.astype("uint64"))), n=len(ids),
                              weighted=True, directed=True)
    return g, ids


def load_igraph_arrow(path):
    import igraph as ig
    import numpy as np
    s, t, w, ids = read_arrow(path)
    g = ig.Graph(n=len(ids), edges=np.column_stack((s, t)), directed=True)
    g.es["effort"] = w
    return g, ids


LOADERS = {"networkx": load_networkx, "igraph": load_igraph, "networkit": load_networkit,
           "rustworkx": load_rustworkx, "leidenalg": load_igraph,
           "scipy-arrow": load_scipy_arrow, "networkit-arrow": load_networkit_arrow,
           "igraph-arrow": load_igraph_arrow}
# The arrow routes build the same graph objects as their csv-module twins, so they run the same
# operations; scipy has only its csgraph Dijkstra (single source: a path query is one run from
# its source).
SAME_AS = {"networkit-arrow": "networkit", "igraph-arrow": "igraph"}


# --- operations: each returns a zero-argument callable to time, or None if unsupported ---------

def op_path(tool, g, ids, pairs):
    q = [(ids[a], ids[b]) for a, b in pairs]
    if tool == "networkx":
        import networkx as nx
        def run():
            for s, t in q:
                try:
                    nx.bidirectional_dijkstra(g, s, t, weight="effort")
                except nx.NetworkXNoPath:
                    pass
        return run
    if tool == "igraph":
        return lambda: [g.get_shortest_path(s, t, weights="effort", mode="out") for s, t in q]
    if tool == "networkit":
        import networkit as nk
        def run():
            for s, t in q:
                nk.distance.BidirectionalDijkstra(g, s, t, storePred=True).run()
        return run
    if tool == "rustworkx":
        import rustworkx as rx
        return lambda: [rx.digraph_dijkstra_shortest_paths(g, s, target=t, weight_fn=float) for s, t in q]
    return None


def op_sssp(tool, g, ids, pairs):
    s = ids[pairs[0][0]]
    if tool == "networkx":
        import networkx as nx
        return lambda: nx.single_source_dijkstra_path_length(g, s, weight="effort")
    if tool == "igraph":
        return lambda: g.distances(source=[s], weights="effort", mode="out")
    if tool == "networkit":
        import networkit as nk
        return lambda: nk.distance.Dijkstra(g, s, storePaths=False).run()
    if tool == "rustworkx":
        import rustworkx as rx
        return lambda: rx.digraph_dijkstra_shortest_path_lengths(g, s, edge_cost_fn=float)
    return None


def op_yen(tool, g, ids, pairs):
    q = [(ids[a], ids[b]) for a, b in pairs[:3]]
    if tool == "networkx":
        import itertools
        import networkx as nx
        def run():
            for s, t in q:
                try:
                    list(itertools.islice(nx.shortest_simple_paths(g, s, t, weight="effort"), 5))
                except nx.NetworkXNoPath:
                    pass
        return run
    if tool == "igraph":
        return lambda: [g.get_k_shortest_paths(s, t, k=5, weights="effort", mode="out") for s, t in q]
    return None  # networkit and rustworkx have no Yen (rustworkx's k_shortest_path_lengths is not loopless paths)


def undirected(tool, g):
    if tool == "networkx":
        return g.to_undirected(as_view=False)
    if tool in ("igraph", "leidenalg"):
        u = g.as_undirected(combine_edges="first")
        return u
    if tool == "networkit":
        import networkit as nk
        u = nk.graphtools.toUndirected(g)
        u = nk.graphtools.toUnweighted(u)
        u.removeMultiEdges()
        return u
    return None


def membership_of(communities, n):
    m = [0] * n
    for c, members in enumerate(communities):
        for v in members:
            m[v] = c
    return m


def op_cluster(tool, op, g, ids, seed=1):
    """Returns (callable returning a membership list in node order) or None."""
    u = undirected(tool, g)
    if u is None:
        return None
    if tool == "networkx":
        import networkx as nx
        order = {node: ids_i for ids_i, node in enumerate(ids)}  # ids is in first-appearance order
        def to_membership(comms):
            m = [0] * len(order)
            for c, members in enumerate(comms):
                for v in members:
                    m[order[v]] = c
            return m
        if op == "louvain":
            return lambda: to_membership(nx.community.louvain_communities(u, seed=seed))
        if op == "lpa":
            return lambda: to_membership(nx.community.asyn_lpa_communities(u, seed=seed))
        return None
    if tool == "igraph":
        if op == "louvain":
            return lambda: u.community_multilevel().membership
        if op == "leiden":
            return lambda: u.community_leiden(objective_function="modularity", n_iterations=-1).membership
        if op == "lpa":
            return lambda: u.community_label_propagation().membership
        return None
    if tool == "leidenalg":
        import leidenalg
        if op == "leiden":
            return lambda: leidenalg.find_partition(u, leidenalg.ModularityVertexPartition, seed=seed).membership
        return None
    if tool == "networkit":
        import networkit as nk
        def run(algorithm):
            algorithm.run()
            p = algorithm.getPartition()
            return [p.subsetOf(v) for v in range(u.numberOfNodes())]
        if op == "louvain":
            return lambda: run(nk.community.PLM(u, refine=False))
        if op == "leiden":
            return lambda: run(nk.community.ParallelLeiden(u))
        if op == "lpa":
            return lambda: run(nk.community.PLP(u))
        return None
    return None


def op_betweenness_sampled(tool, g):
    if tool == "networkx":
        import networkx as nx
        return lambda: nx.betweenness_centrality(g, k=100, normalized=False, seed=1)
    if tool == "networkit":
        import networkit as nk
        gu = nk.graphtools.toUnweighted(g)
        return lambda: nk.centrality.EstimateBetweenness(gu, 100, False, True).run()
    return None


def op_betweenness(tool, g):
    if tool == "networkx":
        import networkx as nx
        return lambda: nx.betweenness_centrality(g)
    if tool == "igraph":
        return lambda: g.betweenness(directed=True)
    if tool == "networkit":
        import networkit as nk
        gu = nk.graphtools.toUnweighted(g)
        return lambda: nk.centrality.Betweenness(gu).run()
    if tool == "rustworkx":
        import rustworkx as rx
        return lambda: rx.digraph_betweenness_centrality(g)
    return None


def op_scipy(op, g, ids, pairs):
    from scipy.sparse.csgraph import dijkstra
    if op in ("path", "path1"):
        q = [(ids[a], ids[b]) for a, b in (pairs if op == "path" else pairs[:1])]
        return lambda: [dijkstra(g, directed=True, indices=s, return_predecessors=True) for s, _ in q]
    if op == "sssp":
        s = ids[pairs[0][0]]
        return lambda: dijkstra(g, directed=True, indices=s)
    return None


def operation(op, tool, g, ids, pairs):
    """The zero-argument callable that times OP (state it needs is built here, untimed), or None."""
    if tool == "scipy-arrow":
        return op_scipy(op, g, ids, pairs)
    tool = SAME_AS.get(tool, tool)
    if op == "path":
        return op_path(tool, g, ids, pairs)
    if op == "path1":
        return op_path(tool, g, ids, pairs[:1])
    if op == "sssp":
        return op_sssp(tool, g, ids, pairs)
    if op == "yen":
        return op_yen(tool, g, ids, pairs)
    if op in ("louvain", "leiden", "lpa"):
        return op_cluster(tool, op, g, list(ids))
    if op == "betweenness":
        return op_betweenness(tool, g)
    if op == "betweenness-sampled":
        return op_betweenness_sampled(tool, g)
    return None


def parse_ops(text, default_repeat):
    ops = []
    for item in text.split(","):
        name, _, n = item.partition(":")
        ops.append((name, int(n) if n else default_repeat))
    return ops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True, choices=sorted(LOADERS))
    ap.add_argument("--ops", "--op", dest="ops", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pairs")
    ap.add_argument("--membership", help="prefix: the membership of OP goes to PREFIX + OP + '.txt'")
    ap.add_argument("--slow", type=float, default=20.0)
    ap.add_argument("--timeout", type=float, default=300.0)
    a = ap.parse_args()
    ops = parse_ops(a.ops, a.repeat)

    def emit(op, status, times=(), **extra):
        print(json.dumps({"tool": a.tool, "op": op, "status": status, "times": list(times),
                          "peak_rss": peak_rss(), **extra}), flush=True)

    def timed(fn, repeat):
        """Up to REPEAT calls; fewer once they add up to more than --slow seconds. Returns
        (times, last result, status): "timeout" (and no times) when a call took over --timeout."""
        times, result = [], None
        for _ in range(repeat):
            t = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - t)
            if times[-1] > a.timeout:
                return [], None, "timeout"
            if sum(times) > a.slow:
                break
        return times, result, "ok"

    load = LOADERS[a.tool]
    # Import the library (and numpy) before any timing: start-up is not the operation.
    import importlib
    for module in {"networkx": ["networkx"], "igraph": ["igraph"], "networkit": ["networkit", "numpy"],
                   "rustworkx": ["rustworkx"], "leidenalg": ["igraph", "leidenalg"],
                   "scipy-arrow": ["pyarrow.csv", "pyarrow.compute", "numpy", "scipy.sparse.csgraph"],
                   "networkit-arrow": ["pyarrow.csv", "pyarrow.compute", "numpy", "networkit"],
                   "igraph-arrow": ["pyarrow.csv", "pyarrow.compute", "numpy", "igraph"]}[a.tool]:
        importlib.import_module(module)
    g = ids = None
    if ops and ops[0][0] == "load":
        times = []
        for _ in range(ops[0][1]):
            t = time.perf_counter()
            g, ids = load(a.file)
            times.append(time.perf_counter() - t)
            if times[-1] > a.timeout or sum(times) > a.slow:
                break
        if times[-1] > a.timeout:
            emit("load", "timeout")
            return
        emit("load", "ok", times, roles=len(ids))
        ops = ops[1:]
    if not ops:
        return
    if g is None:
        g, ids = load(a.file)
    pairs = read_pairs(a.pairs) if a.pairs else []
    for op, repeat in ops:
        gc.collect()  # the previous operation's state is gone before this one starts (untimed)
        fn = operation(op, a.tool, g, ids, pairs)
        if fn is None:
            emit(op, "unsupported")
            continue
        times, result, status = timed(fn, repeat)
        if status == "ok" and a.membership and op in ("louvain", "leiden", "lpa"):
            with open(a.membership + op + ".txt", "w") as f:
                f.write("\n".join(str(c) for c in result) + "\n")
        emit(op, status, times)
        del fn, result


if __name__ == "__main__":
    sys.exit(main())
