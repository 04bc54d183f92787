#!/bin/bash
# usage: wrk-holds.sh DIR [SECONDS] [CONNECTIONS]: wrk POSTing holds at the server `hold-target --out DIR` keeps;
# prints req/s, non-2xx, p50/p99, the server's CPU over the run (/proc/PID/stat) and per request, and the load average.
D=$1; S=${2:-10}; C=${3:-256}
source $D/target.env
tick=$(getconf CLK_TCK)
cpu0=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat)
out=$(wrk -t2 -c$C -d${S}s --latency -s $D/holds.lua "$URL" -- "$HOLDS_PATH" $D/tokens.txt "$RUN_ID-$RANDOM$RANDOM" 2>&1)
cpu1=$(awk '{print $14+$15}' /proc/$SERVER_PID/stat)
reqs=$(echo "$out" | awk '/requests in/{print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
p50=$(echo "$out" | awk '$1=="50%"{print $2}'); p99=$(echo "$out" | awk '$1=="99%"{print $2}')
cpums=$(( (cpu1-cpu0)*1000/tick ))
echo "rps=$rps reqs=$reqs non2xx=${non2xx:-0} p50=$p50 p99=$p99 serverCPU=${cpums}ms us/req=$(( cpums*1000/(reqs>0?reqs:1) )) load=$(cut -d' ' -f1 /proc/loadavg)"
