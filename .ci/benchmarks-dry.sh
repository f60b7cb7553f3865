#!/usr/bin/env bash
# CI dry run of the performance suite (not a measurement): every BenchmarkDotNet benchmark once
# (Job Dry), each class first checking that every contestant gets the answer it should, then a small
# bounded loopback load run (no errors, no socket growth), a short rate-limit run (emulator and client both
# limited to 10 per 2 s, 50 creates: no 429, at most 1.1x the least time, about 10 s), then the chaos soak
# (docs/resilience.md: 32 workers, 1,000 cycles under seeded faults, about 10 s; fails on any broken invariant).
# About a minute on a 2-core machine.
# Quiet on success except one summary line; the log's tail on failure; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project=benchmarks/Databrain.Client.Benchmarks

fail() {
  echo "benchmarks-dry: FAILED: $1" >&2
  tail -n 60 "$2" >&2
  exit 1
}

dotnet build "$project" -c Release >"$work/build.log" 2>&1 || fail "build" "$work/build.log"
dotnet run -c Release --no-build --project "$project" -- \
  --filter '*' --job Dry --artifacts "$work/artifacts" >"$work/dry.log" 2>&1 || fail "benchmarks" "$work/dry.log"
dotnet run -c Release --no-build --project "$project" -- \
  load --requests 2000 --rounds 1 --seconds 30 >"$work/load.log" 2>&1 || fail "load run" "$work/load.log"
dotnet run -c Release --no-build --project "$project" -- \
  ratelimit --permits 10 --window 2 --multiple 5 --concurrency 8 >"$work/ratelimit.log" 2>&1 || fail "rate-limit run" "$work/ratelimit.log"
dotnet run -c Release --no-build --project "$project" -- \
  soak --workers 32 --cycles 1000 --seed 1 --minutes 2 >"$work/soak.log" 2>&1 || fail "soak" "$work/soak.log"

echo "benchmarks-dry: ok ($(grep -E '^benchmarks: ' "$work/dry.log" | tail -n 1 | cut -d' ' -f2-); load run: no errors, no socket growth; rate limit: $(grep -oE 'ratio [0-9.]+' "$work/ratelimit.log" | tail -n 1), no 429; soak: every invariant holds)"
