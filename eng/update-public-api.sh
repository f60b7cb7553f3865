#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of each shipping project from the compiler's own list of public
# symbols not yet declared (RS0016), so a deliberate API change is one command and one reviewed diff.
# Shipped entries stay as they are; move them from Unshipped to Shipped when a version is released.
#   eng/update-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/; do
  name="$(basename "$project")"
  unshipped="$project/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || continue
  printf '#nullable enable\n' > "$unshipped"
  log="$(mktemp)"
  dotnet build "$project/$name.csproj" --no-incremental -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false >"$log" 2>&1 || true
  python3 - "$log" "$unshipped" <<'PY'
import re, sys
log, target = sys.argv[1], sys.argv[2]
symbols = set()
for line in open(log, encoding="utf-8", errors="replace"):
    m = re.search(r"RS0016: Symbol '(.*)' is not part of the declared public API", line)
    if m:
        symbols.add(m.group(1))
with open(target, "w", encoding="utf-8") as f:
    f.write("#nullable enable\n")
    for s in sorted(symbols, key=lambda s: s.lstrip("~").replace("const ", "").replace("static ", "").replace("override ", "").replace("abstract ", "").replace("virtual ", "")):
        f.write(s + "\n")
print(f"{target}: {len(symbols)} symbols")
PY
  rm -f "$log"
done
