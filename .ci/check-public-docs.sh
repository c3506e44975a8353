#!/usr/bin/env bash
# Lists every public declaration of a module that has no doc comment of its own, from the symbol
# graph the compiler emits (so it sees exactly what a client of the module sees). Exits 1 if any.
#
#   .ci/check-public-docs.sh [Module]      (default: RoleGraphKit)
#
# Counted: public symbols declared in Sources/<Module>. Not counted: members the compiler
# synthesises (an enum's `init(rawValue:)`). A doc comment inherited from a protocol of another
# module (`encode(to:)`, `description`) does not count as documented: say what this type does.
set -euo pipefail
module="${1:-RoleGraphKit}"
cd "$(dirname "$0")/.."
# SwiftPM also tries the test modules, which have no symbol graph, and then exits non-zero; what
# matters is that this module's graph was written afresh.
dir="$(swift build --show-bin-path)/../symbolgraph"
rm -f "$dir/$module.symbols.json"
out=$(swift package dump-symbol-graph --skip-synthesized-members --skip-inherited-docs 2>&1) || true
if [ ! -f "$dir/$module.symbols.json" ]; then
    echo "$out" >&2
    echo "check-public-docs: no symbol graph for $module" >&2
    exit 2
fi
python3 - "$dir/$module.symbols.json" "$PWD/Sources/$module/" <<'PY'
import json, sys
from urllib.parse import unquote
path, sources = sys.argv[1], "file://" + sys.argv[2]
symbols = json.load(open(path))["symbols"]
types = {"swift.struct", "swift.enum", "swift.class", "swift.protocol", "swift.typealias", "swift.actor"}
ours = [s for s in symbols
        if s.get("accessLevel") in ("public", "open")
        and unquote(s.get("location", {}).get("uri", "")).startswith(sources)]
def documented(s):
    doc = s.get("docComment")
    return bool(doc) and unquote(doc.get("uri", "")).startswith(sources) \
        and any(line["text"].strip() for line in doc["lines"])
missing = sorted((unquote(s["location"]["uri"])[len(sources):], s["location"]["position"]["line"] + 1,
                  ".".join(s["pathComponents"])) for s in ours if not documented(s))
print(f"public types: {sum(s['kind']['identifier'] in types for s in ours)}")
print(f"public declarations: {len(ours)}")
print(f"without a doc comment: {len(missing)}")
for file, line, name in missing:
    print(f"  {file}:{line}: {name}")
sys.exit(1 if missing else 0)
PY
