#!/usr/bin/env python3
"""Writes likely-network.csv.gz: a generated job-to-job transition file of 300 roles, shaped like
real observed-move data (long occupation names, counts spread over several orders of magnitude,
the same move repeated over several rows as a file of several years would, self-moves for the
people who stayed, a few zero-count rows, and a ';' separator with quoted names).

Fixed seed, so the committed file is reproducible: python3 generate.py (from any directory).
The oracle (oracle.py, `make likely-oracle`) reads the file this writes."""
import gzip
import io
import os
import random

SEED = 20260417
ROLES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = ["Data", "Machine Learning", "Analytics", "Platform", "Research", "Business Intelligence",
          "Reporting", "Forecasting", "Infrastructure", "Quality", "Product", "Risk"]
JOBS = ["Analyst", "Engineer", "Scientist", "Manager", "Architect", "Specialist", "Consultant", "Lead"]
LEVELS = ["Junior", "", "Senior", "Principal"]
SECTORS = ["Financial Services", "Public Sector", "Retail; E-commerce", "Healthcare", "Logistics, Freight"]


def main():
    rng = random.Random(SEED)
    names = []
    for i in range(ROLES):
        level = rng.choice(LEVELS)
        name = " ".join(x for x in [level, rng.choice(FIELDS), rng.choice(JOBS)] if x)
        names.append(f"{name} ({rng.choice(SECTORS)}) #{i}")
    rows = []
    for i in range(ROLES):
        # Most moves go to nearby roles (a community structure), a few anywhere.
        for _ in range(rng.randint(2, 7)):
            j = (i + rng.randint(-12, 12)) % ROLES if rng.random() < 0.85 else rng.randrange(ROLES)
            if j == i:
                continue
            total = max(1, int(rng.lognormvariate(3.0, 1.5)))
            # The same move over one to three rows (years), counts summing to the total.
            parts = rng.randint(1, 3)
            cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
            pieces = [b - a for a, b in zip([0] + cuts, cuts + [total])]
            for piece in pieces:
                rows.append((names[i], names[j], piece))
        if rng.random() < 0.8:
            rows.append((names[i], names[i], max(1, int(rng.lognormvariate(4.0, 1.0)))))
    rng.shuffle(rows)

    def quote(text):
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';",\n') else text

    out = io.StringIO()
    out.write("source;target;weight\n")
    for a, b, n in rows:
        out.write(f"{quote(a)};{quote(b)};{n}\n")
    data = out.getvalue().encode("utf-8")
    with open(os.path.join(HERE, "likely-network.csv.gz"), "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"likely-network.csv.gz: {len(rows)} rows, {ROLES} roles")


if __name__ == "__main__":
    main()
