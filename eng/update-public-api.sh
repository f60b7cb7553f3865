#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of each shipping project from the compiler's own list of public
# symbols not yet declared (RS0016), so a deliberate API change is one command and one reviewed diff.
# Each target framework is built on its own: what all of them declare goes to the shared listing; what
# only .NET Framework or only .NET (net8.0+) has goes to PublicAPI/netframework or PublicAPI/net.
# Shipped entries stay as they are; move them from Unshipped to Shipped when a version is released.
#   eng/update-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/; do
  name="$(basename "$project")"
  project="${project%/}"
  [ -f "$project/PublicAPI.Unshipped.txt" ] || continue
  for unshipped in "$project/PublicAPI.Unshipped.txt" "$project"/PublicAPI/*/PublicAPI.Unshipped.txt; do
    [ -f "$unshipped" ] && printf '#nullable enable\n' > "$unshipped"
  done
  frameworks="$(dotnet msbuild "$project/$name.csproj" -getProperty:TargetFrameworks)"
  [ -n "$frameworks" ] || frameworks="$(dotnet msbuild "$project/$name.csproj" -getProperty:TargetFramework)"
  logs=()
  for tfm in ${frameworks//;/ }; do
    log="$(mktemp)"
    dotnet build "$project/$name.csproj" -f "$tfm" --no-incremental -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false >"$log" 2>&1 || true
    logs+=("$tfm=$log")
  done
  python3 - "$project" "${logs[@]}" <<'PY'
import os, re, sys
project, runs = sys.argv[1], sys.argv[2:]
found = {}
for run in runs:
    tfm, log = run.split("=", 1)
    symbols = set()
    for line in open(log, encoding="utf-8", errors="replace"):
        m = re.search(r"RS0016: Symbol '(.*)' is not part of the declared public API", line)
        if m:
            symbols.add(m.group(1))
    found[tfm] = symbols
    os.remove(log)
shared = set.intersection(*found.values())
groups = {"netframework": set(), "net": set()}
for tfm, symbols in found.items():
    groups["netframework" if re.match(r"net4\d", tfm) else "net"] |= symbols - shared
def key(s):
    return s.lstrip("~").replace("const ", "").replace("static ", "").replace("override ", "").replace("abstract ", "").replace("virtual ", "")
def write(path, symbols):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("#nullable enable\n")
        for s in sorted(symbols, key=key):
            f.write(s + "\n")
    print(f"{path}: {len(symbols)} symbols")
write(f"{project}/PublicAPI.Unshipped.txt", shared)
for group, symbols in groups.items():
    if symbols or os.path.exists(f"{project}/PublicAPI/{group}"):
        write(f"{project}/PublicAPI/{group}/PublicAPI.Unshipped.txt", symbols)
PY
done
