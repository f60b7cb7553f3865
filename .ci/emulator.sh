# shellcheck shell=bash
# Sourced by scripts that need a DataBrain emulator on loopback (aot-smoke.sh, benchmarks/startup.sh).
#
#   emulator_start <build-dir> <log-file>   builds the emulator (Release) into <build-dir>, starts it in the
#                                           background on a free 127.0.0.1 port with a random token, and
#                                           waits until it answers. Sets EMULATOR_URL, EMULATOR_TOKEN, EMULATOR_PID.
#   emulator_stop                           stops it (safe to call twice; put it in an EXIT trap).
#
# The token travels in the environment (DATABRAIN_EMULATOR_TOKEN), never on a command line.

EMULATOR_PID=""

emulator_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

emulator_start() {
  local dir="$1" log="$2" port attempt
  dotnet build src/Databrain.Emulator -c Release -o "$dir" >"$log" 2>&1 || return 1
  EMULATOR_TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
  for attempt in 1 2 3; do
    port="$(emulator_free_port)"
    EMULATOR_URL="http://127.0.0.1:$port"
    DATABRAIN_EMULATOR_TOKEN="$EMULATOR_TOKEN" dotnet "$dir/Databrain.Emulator.dll" \
      --urls "$EMULATOR_URL" --accept-all-connections >>"$log" 2>&1 &
    EMULATOR_PID=$!
    local waited=0
    while kill -0 "$EMULATOR_PID" 2>/dev/null && ((waited < 300)); do
      if [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $EMULATOR_TOKEN" \
        "$EMULATOR_URL/api/v2/datasource" 2>/dev/null)" == 200 ]]; then
        return 0
      fi
      sleep 0.2
      waited=$((waited + 1))
    done
    emulator_stop
    echo "emulator: attempt $attempt on port $port did not answer" >>"$log"
  done
  return 1
}

emulator_stop() {
  if [[ -n "$EMULATOR_PID" ]]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
    EMULATOR_PID=""
  fi
}
