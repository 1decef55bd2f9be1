#!/usr/bin/env bash
# Bastion CRM cost of durable commits (issue 11, Figures: create throughput with 1 and 8 clients, aim: at least 0.7 of
# the build before), not a test: starts a BASELINE distribution (commit e0a2381: H2 with its default write delay, so
# commits reach the file up to half a second later) and a CURRENT one (H2 with WRITE_DELAY=0 and the crm-database
# housekeeping) side by side on free loopback ports, seeds each with a few contacts through the API (warm-up), and
# measures in rounds POST /api/v1/contacts with 1 and with 8 connections as a logged-in admin over HTTPS on both
# servers back to back (which server goes first alternating). It prints per-round creates/s, the medians of the
# per-round ratios current/baseline with the verdict against 0.7, and the size of each H2 file at the end.
# See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/durability-overhead.sh [options] BASELINE CURRENT

  BASELINE, CURRENT  Karaf distributions (assembly folder or .tar.gz) of issue 4 or later, e.g. a build of e0a2381 and
                     karaf-distribution/target/assembly; copied into scratch folders (each with mfaRequiredRoles empty
                     and a random CRM_ADMIN_PASSWORD, bench/karaf.sh), the originals are not changed
  --contacts N       contacts seeded into each first, as warm-up (default 2000)
  --rounds N         rounds counted (default 4: even, so each server goes first equally often)
  --settle-rounds N  rounds measured first and not counted (default 1)
  --duration S       seconds per measurement (default 10)
  --warmup S         warm-up seconds before each measurement of the first round (default 5)
  --rewarm S         warm-up seconds before each later measurement (default 2)
  --together         measure both servers at the same time (two wrk runs side by side) instead of back to back:
                     on a busy machine both then see the same load, at the price of sharing the CPU with each other
  --aim R            the ratio current/baseline a verdict needs (default 0.7)
  --boot-timeout S   seconds a distribution may take to answer after its start (default 300)
  --results DIR      where durability-overhead-<timestamp>.txt goes (default bench/results)
  -h, --help         this text

Give the same distribution twice for an A/A run: its ratios show this machine's noise.
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=2000
ROUNDS=4
SETTLE=1
DURATION=10
WARMUP=5
REWARM=2
AIM=0.7
BOOT_TIMEOUT=300
RESULTS_DIR="$BENCH_DIR/results"
HEADERS=()
DISTS=()
CONNECTIONS=8
THREADS=2
TOGETHER=

while [[ $# -gt 0 ]]; do
  case "$1" in
    --contacts) CONTACTS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --settle-rounds) SETTLE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rewarm) REWARM=$2; shift 2 ;;
    --aim) AIM=$2; shift 2 ;;
    --together) TOGETHER=1; shift ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
[[ ${#DISTS[@]} -eq 2 ]] || { usage >&2; exit 2; }
(( ROUNDS >= 1 )) || { echo "--rounds must be at least 1" >&2; exit 2; }

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

LABELS=(baseline current)
# the measurements of a round: creates with this many connections
MEASUREMENTS=(1 8)
declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
declare -A result seeded url_of
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD CRM_MASTER_PASSPHRASE
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

cleanup() {
  local label
  for label in "${LABELS[@]}"; do stop_karaf "$label" || true; done
  bench_cleanup
}

# Creates with $2 connections on the running distribution $1 for round $3 after $4 s of warm-up.
measure_one() {
  local label=$1 conns=$2 r=$3 warmup=$4 threads=$(( $2 < 2 ? 1 : 2 ))
  use_server "$label"
  result[$label,$conns,$r]=$(WARMUP=$warmup measure "$conns" "$threads" create.lua "$API/contacts")
}

# Round $1: each measurement on both servers back to back; which server goes first alternates from measurement to
# measurement and from round to round (A B B A, then B A A B).
measure_round() {
  local r=$1 warmup=$2 i m label
  echo "round $r$( (( r < 1 )) && echo " (settling, not counted)"): creates with ${MEASUREMENTS[*]} connections, ${DURATION}s each after ${warmup}s warm-up..." >&2
  for i in 0 1; do
    m=${MEASUREMENTS[i]}
    local servers=("${LABELS[@]}")
    if (( (r + i + 2) % 2 == 1 )); then servers=("${LABELS[1]}" "${LABELS[0]}"); fi
    if [[ -n $TOGETHER ]]; then
      local pids=()
      for label in "${servers[@]}"; do
        ( measure_one "$label" "$m" "$r" "$warmup"; echo "${result[$label,$m,$r]}" >"$WORK/together-$label" ) &
        pids+=($!)
      done
      wait "${pids[@]}"   # not a bare wait: the Karaf processes are this script's children too
      for label in "${servers[@]}"; do result[$label,$m,$r]=$(cat "$WORK/together-$label"); done
    else
      for label in "${servers[@]}"; do measure_one "$label" "$m" "$r" "$warmup"; done
    fi
    echo "  $m conn: ${servers[0]} $(field "${result[${servers[0]},$m,$r]}" rps), ${servers[1]} $(field "${result[${servers[1]},$m,$r]}" rps) creates/s" >&2
  done
}

rps() { field "${result[$1,$2,$3]}" rps; }
ratio() { printf '%.3f' "$(calc "$1 / ($2 + 0.000001)")"; }
h2_file() { local f="${KARAF_HOMES[$1]}/data/crm/crm.mv.db"; [[ -f $f ]] && stat -c %s "$f" || echo 0; }

main() {
  ensure_tools
  command -v openssl >/dev/null || die "openssl is missing (it exports each distribution's certificate for curl)"
  bench_init
  trap cleanup EXIT
  local i r label home
  for i in 0 1; do
    label=${LABELS[i]}
    home="$WORK/$label"
    prepare "$(realpath "${DISTS[i]}")" "$home"
    is_https "$home" && is_secured "$home" || die "${DISTS[i]} is not a distribution of issue 4 or later (HTTPS, tokens)"
    url_of[$label]=$(grep -E '^url *=' "$home/etc/org.ops4j.datasource-crm.cfg" | sed -E 's/^url *= *//')
    start_karaf "$home" "$label"
    use_server "$label"
    seed
    seeded[$label]="$label: $SEED_LINE"
  done

  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for (( r = 1 - SETTLE; r <= ROUNDS; r++ )); do measure_round "$r" "$(( r == 1 - SETTLE ? WARMUP : REWARM ))"; done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  declare -A totals sizes
  for label in "${LABELS[@]}"; do
    use_server "$label"
    totals[$label]=$(contact_total)
    sizes[$label]=$(h2_file "$label")
  done
  for label in "${LABELS[@]}"; do stop_karaf "$label"; done

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/durability-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "Bastion CRM cost of durable commits (create throughput), $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "baseline: $(realpath "${DISTS[0]}")"
    echo "current:  $(realpath "${DISTS[1]}")"
    [[ $(realpath "${DISTS[0]}") == "$(realpath "${DISTS[1]}")" ]] && echo "NOTE: the same distribution twice (an A/A run): every ratio should be 1; the spread is the noise."
    for label in "${LABELS[@]}"; do echo "$label H2 URL: ${url_of[$label]}"; done
    echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "wrk: POST /api/v1/contacts as admin over HTTPS, 1 connection (1 thread) and 8 connections (2 threads), ${DURATION}s per"
    if [[ -n $TOGETHER ]]; then
      echo "measurement, both servers up, $ROUNDS rounds after $SETTLE settling round(s); each measurement on both servers AT THE SAME"
      echo "TIME (--together: they share the CPU); ${WARMUP}s warm-up before each measurement of the first round, ${REWARM}s later"
    else
      echo "measurement, both servers up, $ROUNDS rounds after $SETTLE settling round(s); each measurement on both servers back to"
      echo "back, the first server alternating; ${WARMUP}s warm-up before each measurement of the first round, ${REWARM}s later"
    fi
    for label in "${LABELS[@]}"; do echo "${seeded[$label]}"; done
    echo "load average (1/5/15 min) before: $load_before; after: $load_after (includes this benchmark)"
    echo
    printf '%-7s %-9s %14s %14s %7s\n' round server "1 conn/s" "8 conn/s" errors
    local errors=0 line m
    local -a r1=() r8=()
    for (( r = 1 - SETTLE; r <= ROUNDS; r++ )); do
      for label in "${LABELS[@]}"; do
        local e=0 shown=$r
        (( r < 1 )) && shown=settle
        for m in "${MEASUREMENTS[@]}"; do line=${result[$label,$m,$r]:-}; [[ -n $line ]] && e=$(( e + $(field "$line" errors) )); done
        errors=$(( errors + e ))
        printf '%-7s %-9s %14.1f %14.1f %7s\n' "$shown" "$label" "$(rps "$label" 1 "$r")" "$(rps "$label" 8 "$r")" "$e"
      done
      (( r >= 1 )) || continue
      r1+=("$(ratio "$(rps current 1 "$r")" "$(rps baseline 1 "$r")")")
      r8+=("$(ratio "$(rps current 8 "$r")" "$(rps baseline 8 "$r")")")
    done
    echo
    printf '%-46s %-30s %-7s %s\n' "creates/s, current / baseline" "per round" "median" "aim >= $AIM"
    local m1 m8; m1=$(median "${r1[@]}"); m8=$(median "${r8[@]}")
    printf '%-46s %-30s %-7s %s\n' "1 connection" "${r1[*]}" "$m1" "$(awk "BEGIN { print ($m1 >= $AIM) ? \"met\" : \"MISSED\" }")"
    printf '%-46s %-30s %-7s %s\n' "8 connections" "${r8[*]}" "$m8" "$(awk "BEGIN { print ($m8 >= $AIM) ? \"met\" : \"MISSED\" }")"
    echo
    for label in "${LABELS[@]}"; do
      printf '%s at the end: %s contacts, H2 file data/crm/crm.mv.db %.1f MB\n' "$label" "${totals[$label]:-?}" "$(calc "${sizes[$label]} / 1000000")"
    done
    if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
      echo
      echo "WARNING: the machine was not idle at the start (1-minute load ${load_before%% *}); run an A/A check (the same distribution twice) to see the noise."
    fi
    if (( errors != 0 )); then
      echo
      echo "WARNING: $errors requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
    fi
  } >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

main
