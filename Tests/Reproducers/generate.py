#!/usr/bin/env python3
"""Writes the reproducers of issue 21 (all ten items) into a directory (the large ones are generated, never
committed), with a manifest: file, command-line arguments, expected exit status.

Tests/CLITests/HardeningReproducerTests.swift checks the same inputs' outputs; this script
feeds `make fuzz-regress`, which times them (each must finish in under a second).
Usage: generate.py OUTDIR
"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
header = "format: 1\nname: t\nareas: [{id: a, name: A}]\n"
cases = []


def write(name, text, args, status):
    path = os.path.join(out, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cases.append({"name": name, "args": [a.replace("{}", path) for a in args], "status": status})


# 1. 100 references to a 10,000-character unknown id, beside 50 ids of nearly that length.
long = "r" * 10_000
ids = ["q" * 9_990 + "%010d" % i for i in range(50)]
y = header + "roles:\n" + "".join("  - {id: %s, name: R%d, area: a}\n" % (r, i) for i, r in enumerate(ids))
y += "relations:\n  - {kind: transition, from: &l %s, to: %s}\n" % (long, ids[0])
y += "  - {kind: transition, from: *l, to: %s}\n" % ids[0] * 99
write("anchor.yaml", y, ["roles", "--graph", "{}"], 65)
# 1. 30,000 aliases of a 300 KB string where roles must be mappings.
write("aliases.yaml", header + "roles: [&l " + "x" * 300_000 + ", " + ", ".join(["*l"] * 30_000) + "]\n",
      ["roles", "--graph", "{}"], 65)
# 2. One CSV line of `"a"x,` repeated 80,000 times (400 KB): each "text after a closing quote"
# error must not rescan the line for its column.
write("quotes.csv", "from,to\n" + '"a"x,' * 80_000 + "\n", ["roles", "--graph", "{}"], 65)
# 3. A star of 30,000 edges plus one bad edge; 40,000 areas; a 4 MB quoted string.
write("star.dot", "digraph {\n" + "".join("  hub -> n%d;\n" % i for i in range(30_000)) + "  hub -> n0 [kind=bogus];\n}\n",
      ["roles", "--graph", "{}"], 65)
write("areas.dot", "digraph {\n" + "".join('  n%d [area="a%d"];\n' % (i, i) for i in range(40_000)) + "}\n",
      ["roles", "--graph", "{}"], 0)
write("long.dot", 'digraph { a [summary="' + "x" * 4_000_000 + '"]; }\n', ["roles", "--graph", "{}"], 65)
# 4, 5, 7. Entity look-alikes, control characters, CR and LF in ids, exported to SVG and DOT.
hostile = header + """roles:
  - {id: "x&bogus;", name: "x&bogus;", area: a, titles: ["R&D; Ops lead"]}
  - {id: "x&#1;", name: "Tom &amp; Jerry", area: a}
  - {id: "x\\u0001", name: one, area: a}
  - {id: "x\\u0002", name: two, area: a}
  - {id: "a\\rb", name: three, area: a}
  - {id: "a\\nb", name: four, area: a}
relations:
  - {kind: transition, from: "x&bogus;", to: "x&#1;", note: "n &#x1; ok"}
"""
write("hostile.yaml", hostile, ["export", "--graph", "{}", "-o", os.path.join(out, "hostile.svg")], 0)
# 6. A surrogate pair, as json.dumps writes an emoji.
write("emoji.json", json.dumps({"format": 1, "name": "t", "areas": [{"id": "a", "name": "A"}],
                                "roles": [{"id": "x", "name": "\U0001F600", "area": "a"}]}),
      ["roles", "--graph", "{}"], 0)
# 8. A stream with no end.
cases.append({"name": "dev-zero", "args": ["roles", "--graph", "/dev/zero", "--graph-format", "yaml", "--max-input-size", "16M"], "status": 66})
# 10. An HTML label with an unclosed tag.
write("html.dot", "digraph {\n  a [label=<<B>x>];\n}\n", ["roles", "--graph", "{}"], 65)

with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(cases, f, indent=1)
