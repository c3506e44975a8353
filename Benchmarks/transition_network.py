#!/usr/bin/env python3
"""Writes a generated job-to-job transition network as a CSV edge list, shaped like the real ones
(occupation-transition files of a few thousand titles):

- role ids are long, title-like slugs ("senior-clinical-data-platform-engineer-0412"), so labels
  are as wide as real job titles;
- each role has about TRANSITIONS_PER_ROLE outgoing transitions (≈5), most inside its own family
  of related titles (80 %), the rest to other families, with a preferential pull towards roles
  that already receive many moves, so a few gateway roles collect most of them, as in real data;
- efforts are 1–5 (a small step inside a family, larger across families), and some moves run
  both ways.

The same seed always gives the same file.

    python3 transition_network.py ROLES OUT.csv [--seed 18] [--per-role 5]
"""
import argparse, random

SENIORITY = ["junior", "", "", "senior", "lead", "principal", "staff", "head-of"]
DOMAINS = ["clinical", "retail", "payments", "logistics", "insurance", "media", "energy", "public-sector",
           "gaming", "telecom", "biotech", "fintech", "marketing", "supply-chain", "security", "research"]
CRAFTS = ["data", "analytics", "ml", "platform", "reporting", "decision-science", "product", "data-quality",
          "experimentation", "forecasting", "bi", "governance", "mlops", "search", "recommendation"]
JOBS = ["engineer", "analyst", "scientist", "manager", "architect", "specialist", "consultant",
        "developer", "researcher", "strategist", "steward", "administrator"]


def role_names(count, rng):
    names = []
    for i in range(count):
        parts = [rng.choice(SENIORITY), rng.choice(DOMAINS), rng.choice(CRAFTS), rng.choice(JOBS), f"{i:04d}"]
        names.append("-".join(p for p in parts if p))
    return names


def generate(count, seed=18, per_role=5):
    """The rows (from, to, effort) of a network of `count` roles."""
    rng = random.Random(seed)
    names = role_names(count, rng)
    family_size = 25
    families = [list(range(start, min(start + family_size, count))) for start in range(0, count, family_size)]
    family_of = [i // family_size for i in range(count)]
    popularity = [1.0] * count
    edges = {}
    for source in range(count):
        wanted = max(1, round(rng.gauss(per_role, 1.5)))
        tries = 0
        while wanted > 0 and tries < 50 * per_role:
            tries += 1
            inside = rng.random() < 0.8
            pool = families[family_of[source]] if inside else families[rng.randrange(len(families))]
            # Preferential pull: two candidates, keep the more popular one.
            a, b = rng.choice(pool), rng.choice(pool)
            target = a if popularity[a] >= popularity[b] else b
            if target == source or (source, target) in edges:
                continue
            effort = rng.choice([1, 1, 2, 2, 3]) if inside else rng.choice([3, 4, 4, 5])
            edges[(source, target)] = effort
            popularity[target] += 1
            wanted -= 1
            if rng.random() < 0.15 and (target, source) not in edges:
                edges[(target, source)] = effort
    return [(names[a], names[b], e) for (a, b), e in edges.items()]


def write_csv(rows, path):
    with open(path, "w") as out:
        out.write("from,to,kind,effort\n")
        for a, b, e in rows:
            out.write(f"{a},{b},transition,{e}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roles", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--per-role", type=int, default=5)
    args = parser.parse_args()
    write_csv(generate(args.roles, args.seed, args.per_role), args.out)


if __name__ == "__main__":
    main()
