#!/bin/bash
# usage: wrk-cpu.sh PID SECONDS CONNECTIONS URL [more wrk arguments, e.g. -s script.lua -- args]
# Runs `wrk -t2 -cCONNECTIONS -dSECONDS --latency URL ...` and prints req/s, non-2xx, p50/p99, the CPU of process PID
# (/proc/PID/stat, user+system) over the run and per request, wrk's own CPU per request, and the load average; with
# PG_PORT set, also the CPU of the PostgreSQL listening there (its postmaster, reaped children and live backends).
PID=$1; S=$2; C=$3; shift 3
tick=$(getconf CLK_TCK)
pg_ticks() {
  local pm; pm=$(for p in $(pgrep -x postgres); do tr '\0' ' ' 2>/dev/null < /proc/$p/cmdline | grep -q -- "-p $PG_PORT " && echo $p; done | head -1)
  { awk '{print $14+$15+$16+$17}' /proc/$pm/stat; for c in $(pgrep -P $pm); do awk '{print $14+$15}' /proc/$c/stat 2>/dev/null; done; } | awk '{s+=$1} END {print s+0}'
}
cpu0=$(awk '{print $14+$15}' /proc/$PID/stat)
[ -n "$PG_PORT" ] && pg0=$(pg_ticks)
out=$( { /usr/bin/time -f "WRKCPU %U %S" wrk -t2 -c$C -d${S}s --latency "$@"; } 2>&1 )
cpu1=$(awk '{print $14+$15}' /proc/$PID/stat)
[ -n "$PG_PORT" ] && pg1=$(pg_ticks) && pgms=$(( (pg1-pg0)*1000/tick ))
reqs=$(echo "$out" | awk '/requests in/{print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
p50=$(echo "$out" | awk '$1=="50%"{print $2}'); p99=$(echo "$out" | awk '$1=="99%"{print $2}')
wrkms=$(echo "$out" | awk '/^WRKCPU/{printf "%d", ($2+$3)*1000}')
cpums=$(( (cpu1-cpu0)*1000/tick ))
n=$(( ${reqs:-0}>0 ? reqs : 1 ))
echo "rps=$rps reqs=$reqs non2xx=${non2xx:-0} p50=$p50 p99=$p99 serverCPU=${cpums}ms us/req=$(( cpums*1000/n )) wrkCPU=${wrkms}ms wrk_us/req=$(( ${wrkms:-0}*1000/n ))${pgms:+ pgCPU=${pgms}ms pg_us/req=$(( pgms*1000/n ))} load=$(cut -d' ' -f1 /proc/loadavg)"
