#!/usr/bin/env python3
"""RoleGraph's benchmark driver: generates the networks, builds `bench` in release, then, for each
size and operation, alternates RoleGraph and its peers for ROUNDS rounds (each a fresh process
running the operation REPEAT times in-process) and writes the medians to RESULTS.md.

    python3 run.py [--sizes 1k,10k,100k] [--rounds 5] [--repeat 3] [--full] [--quick]

`--full` adds the 1M-role network (load and paths, peak memory of the load). Run it through
`make bench` / `make bench-full`, which also create the virtualenv (see README.md).
"""
import argparse, datetime, json, os, platform, re, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
VENV_PY = os.path.join(HERE, ".venv", "bin", "python")
PEERS = ["networkx", "igraph", "networkit", "rustworkx", "leidenalg"]
OPS = ["load", "path", "sssp", "yen", "louvain", "leiden", "lpa", "betweenness"]
# What is too slow to be worth repeating at a size (seconds per call are the guard, see budget).
BETWEENNESS_SIZES = {"1k", "10k"}
CALL_TIMEOUT = 300


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def run_json(cmd):
    try:
        out = subprocess.run(cmd, text=True, capture_output=True, timeout=CALL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "times": []}
    if out.returncode != 0:
        return {"status": "failed: " + (out.stderr.strip().splitlines() or ["?"])[-1][:120], "times": []}
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--full", action="store_true", help="add the 1M-role network")
    ap.add_argument("--quick", action="store_true", help="1 round, 1 repeat (a smoke test)")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    a = ap.parse_args()
    if a.quick:
        a.rounds, a.repeat = 1, 1
    sizes = a.sizes.split(",") + (["1m"] if a.full else [])

    print("bench: building generate and bench (release)", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE], check=True)
    bindir = sh(["swift", "build", "-c", "release", "--package-path", HERE, "--show-bin-path"]).strip()
    rolegraph_bin = sh(["swift", "build", "-c", "release", "--package-path", os.path.dirname(HERE), "--show-bin-path"]).strip()
    subprocess.run(["swift", "build", "-c", "release", "--package-path", os.path.dirname(HERE), "--product", "rolegraph"], check=True)
    missing = [s for s in sizes if not os.path.exists(os.path.join(DATA, f"transitions-{s}.csv"))]
    if missing:
        subprocess.run([os.path.join(bindir, "generate"), "--out", DATA, "--sizes", ",".join(missing)], check=True)

    import igraph as ig  # for modularity and NMI, computed the same way for every tool
    results = []  # (size, op, tool, median, extra)
    for size in sizes:
        base = os.path.join(DATA, f"transitions-{size}")
        csv_path, pairs = base + ".csv", base + ".pairs.csv"
        truth = [int(l.split(",")[1]) for l in open(base + ".communities.csv").read().splitlines()[1:]]
        truth_ids = [l.split(",")[0] for l in open(base + ".communities.csv").read().splitlines()[1:]]
        # Roles in order of first appearance (the order every tool numbers them in).
        order, edges = {}, []
        with open(csv_path) as f:
            next(f)
            for line in f:
                x, y, _ = line.rstrip("\n").split(",")
                edges.append((order.setdefault(x, len(order)), order.setdefault(y, len(order))))
        undirected = ig.Graph(n=len(order), edges=edges, directed=False).simplify()
        position = {r: i for i, r in enumerate(truth_ids)}
        truth_membership = [truth[position[r]] for r in order]
        ops = OPS if size != "1m" else ["load", "path", "sssp"]
        for op in ops:
            if op == "betweenness" and size not in BETWEENNESS_SIZES:
                continue
            tools = ["rolegraph"] + PEERS
            times = {t: [] for t in tools}
            status = {t: None for t in tools}
            extra = {t: {} for t in tools}
            slow = set()
            for r in range(a.rounds):
                order_tools = tools if r % 2 == 0 else list(reversed(tools))  # alternate who goes first
                for t in order_tools:
                    if status[t] not in (None, "ok") or t in slow:
                        continue
                    membership = os.path.join(DATA, f".membership-{t}-{size}-{op}.txt")
                    if t == "rolegraph":
                        cmd = [os.path.join(bindir, "bench")]
                    else:
                        cmd = [VENV_PY, os.path.join(HERE, "peers", "peer.py"), "--tool", t]
                    cmd += ["--op", op, "--file", csv_path, "--pairs", pairs, "--repeat", str(a.repeat),
                            "--membership", membership]
                    res = run_json(cmd)
                    status[t] = res["status"]
                    times[t] += res.get("times", [])
                    if op == "load":
                        extra[t]["rss"] = res.get("peak_rss")
                    if res["status"] == "ok" and sum(res["times"]) > 60:
                        slow.add(t)  # one sample is all a minute-long call gets
                    if res["status"] == "ok" and op in ("louvain", "leiden", "lpa") and os.path.exists(membership):
                        m = [int(x) for x in open(membership).read().split()]
                        extra[t]["modularity"] = undirected.modularity(m)
                        extra[t]["nmi"] = ig.compare_communities(m, truth_membership, method="nmi")
                        extra[t]["communities"] = len(set(m))
            for t in tools:
                med = statistics.median(times[t]) if times[t] else None
                results.append((size, op, t, med, status[t], extra[t]))
                print(f"bench: {size:>5} {op:<12} {t:<10} {fmt_time(med):>10}  {status[t]}", flush=True)
        # Graphviz command-line tools on the DOT file (small sizes only) and whole-process runs.
        results += whole_process(size, base, csv_path, rolegraph_bin, a.rounds)
    write_results(a, sizes, results)


def wall(cmd, rounds):
    ts = []
    for _ in range(rounds):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, timeout=CALL_TIMEOUT)
        ts.append(time.perf_counter() - t)
        if p.returncode != 0:
            return None, "failed: " + p.stderr.decode(errors="replace").strip()[-120:]
    return statistics.median(ts), "ok"


def whole_process(size, base, csv_path, rolegraph_bin, rounds):
    out = []
    m, s = wall([os.path.join(rolegraph_bin, "rolegraph"), "stats", "--graph", csv_path], rounds)
    out.append((size, "cli: stats", "rolegraph", m, s, {}))
    for t in ("networkx", "igraph", "rustworkx"):
        m, s = wall([VENV_PY, os.path.join(HERE, "peers", "peer.py"), "--tool", t, "--op", "load",
                     "--file", csv_path, "--repeat", "1"], rounds)
        out.append((size, "cli: stats", t, m, s, {}))
    dot = base + ".dot"
    if os.path.exists(dot):
        source = open(base + ".pairs.csv").read().splitlines()[1].split(",")[0]
        m, s = wall(["dijkstra", "-d", source, dot], rounds)
        out.append((size, "sssp (process)", "graphviz dijkstra", m, s, {}))
        m, s = wall(["cluster", dot], rounds)
        out.append((size, "cluster (process)", "graphviz cluster", m, s, {}))
        m, s = wall(["sfdp", "-Tsvg", "-o", "/dev/null", dot], rounds)
        out.append((size, "svg (process)", "graphviz sfdp -Tsvg", m, s, {}))
        out.append((size, "svg (process)", "rolegraph", None, "not yet available", {}))
    return out


def write_results(a, sizes, results):
    lines = ["# RoleGraph benchmark results", ""]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    lines += [f"- Date: {datetime.datetime.now().isoformat(timespec='minutes')}",
              f"- Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
              f"- Load average at the end: {os.getloadavg()[0]:.1f}",
              f"- Sizes: {', '.join(sizes)} roles (≈10 transitions per role); rounds {a.rounds} × repeats {a.repeat}, alternating tools",
              "- Each cell: the median time; `ours/peer` < 1 means RoleGraph is faster. Clustering: modularity Q "
              "(igraph's, on the undirected projection, the same for every tool) and NMI against the planted communities.",
              "- `not yet available`: RoleGraph does not have the operation yet; `unsupported`: the peer has no such operation.", ""]
    for size in sizes:
        lines += [f"## {size} roles", "", "| operation | tool | median | ours/peer | notes |", "|---|---|---:|---:|---|"]
        rows = [r for r in results if r[0] == size]
        for op in dict.fromkeys(r[1] for r in rows):
            ours = next((r[3] for r in rows if r[1] == op and r[2] == "rolegraph"), None)
            for (_, _, tool, med, status, extra) in (r for r in rows if r[1] == op):
                notes = [] if status == "ok" else [status or "skipped"]
                if "modularity" in extra:
                    notes.append(f"Q = {extra['modularity']:.3f}, NMI = {extra['nmi']:.3f}, {extra['communities']} communities")
                if extra.get("rss"):
                    notes.append(f"peak RSS {extra['rss'] / 2**20:.0f} MiB")
                ratio = f"{ours / med:.2f}" if ours and med and tool != "rolegraph" else ""
                lines.append(f"| {op} | {tool} | {fmt_time(med)} | {ratio} | {'; '.join(notes)} |")
        lines.append("")
    open(a.out, "w").write("\n".join(lines))
    print(f"bench: wrote {a.out}")


if __name__ == "__main__":
    main()
