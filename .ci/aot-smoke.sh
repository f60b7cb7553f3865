#!/usr/bin/env bash
# Native AOT smoke test. Publishes samples/Databrain.Samples.AotSmoke as a native executable (any
# trimming/AOT warning is an error, and any other warning fails this script too), starts the emulator
# on a free 127.0.0.1 port with a random token, runs the executable against it (create, list, delete)
# and checks its one output line. The emulator is stopped on every exit. Standalone and idempotent;
# prints one summary line on success, the relevant log on failure, and exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=emulator.sh
source .ci/emulator.sh

out="artifacts/aot-smoke"
binary="$out/native/Databrain.Samples.AotSmoke"
expected="aot-smoke: ok (created, listed and deleted a datasource)"
logs="$(mktemp -d)"
trap 'emulator_stop; rm -rf "$logs"' EXIT

fail() {
  echo "aot-smoke: FAILED: $1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then tail -n 80 "$2" >&2; fi
  exit 1
}

rm -rf "$out"
dotnet publish samples/Databrain.Samples.AotSmoke -c Release -r linux-x64 -o "$out/native" >"$logs/publish.log" 2>&1 \
  || fail "dotnet publish" "$logs/publish.log"
if grep -Eq ': warning [A-Z]+[0-9]+' "$logs/publish.log"; then
  fail "the publish printed warnings" "$logs/publish.log"
fi
[[ -x "$binary" ]] || fail "no native executable at $binary" "$logs/publish.log"

emulator_start "$out/emulator" "$logs/emulator.log" || fail "the emulator did not start" "$logs/emulator.log"

set +e
output="$(DATABRAIN_BASE_URL="$EMULATOR_URL" DATABRAIN_SERVICE_TOKEN="$EMULATOR_TOKEN" "$binary" 2>"$logs/smoke.err")"
status=$?
set -e
[[ $status -eq 0 ]] || fail "the native executable exited with $status" "$logs/smoke.err"
[[ "$output" == "$expected" ]] || fail "unexpected output: $output"
if grep -qF "$EMULATOR_TOKEN" - "$logs/smoke.err" <<<"$output"; then
  fail "the output holds the service token"
fi

size_mb="$(du -m "$binary" | cut -f1)"
echo "aot-smoke: ok (published with 0 warnings, native executable ${size_mb} MB, create/list/delete against the emulator)"
