#!/bin/bash
# usage: wrk-holds.sh DIR [SECONDS] [CONNECTIONS]: wrk POSTing holds at the server `hold-target --out DIR` keeps
# (or at the bare Kestrel of `http-floor --out DIR --holds-from HOLD_TARGET_DIR`); prints req/s, non-2xx, p50/p99,
# the server's CPU over the run (/proc/PID/stat) and per request, wrk's own CPU per request, and the load average.
D=$1; S=${2:-10}; C=${3:-256}
source $D/target.env
export PG_PORT=$(echo "$PG" | grep -o 'Port=[0-9]*' | cut -d= -f2)
exec "$(dirname "$0")/wrk-cpu.sh" "$SERVER_PID" "$S" "$C" "$URL" -s $D/holds.lua -- "$HOLDS_PATH" $D/tokens.txt "$RUN_ID-$RANDOM$RANDOM"
