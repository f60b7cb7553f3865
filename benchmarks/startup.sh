#!/usr/bin/env bash
# Start-up figures: time from process start to the first completed create against the emulator on
# 127.0.0.1, for the same sample (samples/Databrain.Samples.AotSmoke) run three ways: JIT (framework-
# dependent), JIT with ReadyToRun, and Native AOT; plus each whole run (create, list, delete, exit) under
# hyperfine when it is installed (apt-get install -y hyperfine), and the native binary's size.
#
# The first-create time is measured inside the process against a timestamp taken just before exec
# (DATABRAIN_SMOKE_T0_UNIX_NS), so it includes runtime start-up, DI set-up, JIT and the first request.
# Usage: benchmarks/startup.sh [runs]   (default 20). Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=../.ci/emulator.sh
source .ci/emulator.sh

runs="${1:-20}"
out="artifacts/startup"
logs="$(mktemp -d)"
trap 'emulator_stop; rm -rf "$logs"' EXIT
app=Databrain.Samples.AotSmoke
sample="samples/$app"

publish() { # <dir> <extra msbuild args...>
  local dir="$1"
  shift
  dotnet publish "$sample" -c Release -r linux-x64 -o "$out/$dir" "$@" >"$logs/$dir.log" 2>&1 \
    || { tail -n 40 "$logs/$dir.log" >&2; exit 1; }
}

rm -rf "$out"
publish aot
publish jit -p:PublishAot=false --self-contained false
publish r2r -p:PublishAot=false -p:PublishReadyToRun=true --self-contained false
emulator_start "$out/emulator" "$logs/emulator.log" || { tail -n 40 "$logs/emulator.log" >&2; exit 1; }
export DATABRAIN_BASE_URL="$EMULATOR_URL" DATABRAIN_SERVICE_TOKEN="$EMULATOR_TOKEN"

# Median and p90 of the in-process "first create completed" times over $runs launches (after 2 warm-up runs).
first_create() {
  local binary="$1" i
  for i in 1 2; do "$binary" >/dev/null 2>&1; done
  for ((i = 0; i < runs; i++)); do
    python3 -c 'import os, sys, time
os.environ["DATABRAIN_SMOKE_T0_UNIX_NS"] = str(time.time_ns())
os.execv(sys.argv[1], sys.argv[1:])' "$binary" 2>&1 >/dev/null | sed -n 's/.*completed \([0-9.]*\) ms.*/\1/p'
  done | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f | %.0f", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)] }'
}

echo "| build | first create after launch, median (ms) | p90 (ms) | binary |"
echo "| --- | ---: | ---: | --- |"
for variant in jit r2r aot; do
  case "$variant" in
    jit) label="JIT (framework-dependent)"; size="$(du -sh "$out/jit" | cut -f1) folder, needs the .NET runtime" ;;
    r2r) label="JIT + ReadyToRun"; size="$(du -sh "$out/r2r" | cut -f1) folder, needs the .NET runtime" ;;
    aot) label="Native AOT"; size="$(stat -c %s "$out/aot/$app" | awk '{ printf "%.1f MiB", $1 / 1048576 }') single file, no runtime needed" ;;
  esac
  times="$(first_create "$out/$variant/$app")"
  echo "| $label | ${times% | *} | ${times#* | } | $size |"
done

if command -v hyperfine >/dev/null; then
  echo
  hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$logs/hyperfine.md" \
    -n "JIT" "$out/jit/$app" -n "JIT + ReadyToRun" "$out/r2r/$app" -n "Native AOT" "$out/aot/$app" >/dev/null
  echo "Whole run (create, list, delete, exit), hyperfine:"
  echo
  cat "$logs/hyperfine.md"
fi
