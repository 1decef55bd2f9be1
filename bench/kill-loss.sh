#!/usr/bin/env bash
# Bastion CRM: are acknowledged creates lost when the JVM is killed? Not a test (itests has the crash suite): a
# measurement for the durability ADR. Starts a copy of DIST as shipped and, unless --shipped-only, a copy whose H2 URL
# has ;WRITE_DELAY=0 removed (H2's default write delay); in each of --rounds rounds it creates contacts with wrk
# (--connections clients, every 201's id written to a file at once), kills the JVM with kill -9 after a random 3-8 s,
# starts it again on the same data and asks for every contact that was answered 201 before the kill.
# Prints per round: acknowledged, missing after the restart. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/kill-loss.sh [options] DIST

  DIST               a Karaf distribution of issue 4 or later (assembly folder or .tar.gz), copied into scratch folders
  --rounds N         kill -9 rounds per copy (default 3)
  --connections N    concurrent creating clients (default 4)
  --shipped-only     only the copy as shipped (skip the H2-default copy)
  --boot-timeout S   seconds a start may take (default 300)
  --results DIR      where kill-loss-<timestamp>.txt goes (default bench/results)
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROUNDS=3
CONNECTIONS=4
THREADS=2
BOOT_TIMEOUT=300
RESULTS_DIR="$BENCH_DIR/results"
SHIPPED_ONLY=
HEADERS=()
DIST=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --shipped-only) SHIPPED_ONLY=1; shift ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DIST=$1; shift ;;
  esac
done
[[ -n $DIST ]] || { usage >&2; exit 2; }
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
URL_LINES=()
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD CRM_MASTER_PASSPHRASE
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
LABELS=(shipped)
[[ -n $SHIPPED_ONLY ]] || LABELS+=(h2-default)
ROUND_LINES=()

cleanup() {
  local label
  for label in "${LABELS[@]}"; do stop_karaf "$label" || true; done
  bench_cleanup
}

# Prints how many of the ids in file $1 the running server answers 404 (and 200) for, as "missing=M present=P other=O".
count_missing() {
  local ids=$1 config="$WORK/get.curl"
  : >"$config"
  while read -r id; do echo "url = \"$API/contacts/$id\"" >>"$config"; echo 'output = "/dev/null"' >>"$config"; done <"$ids"
  [[ -s $config ]] || { echo "missing=0 present=0 other=0"; return; }
  curl -sS --max-time 600 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" -H 'Accept: application/json' \
      -w '%{http_code}\n' -K "$config" 2>/dev/null \
    | awk '$1 == 404 { m++ } $1 == 200 { p++ } $1 != 404 && $1 != 200 { o++ } END { printf "missing=%d present=%d other=%d", m, p, o }'
}

# One round on the running copy $1: create with wrk, kill -9 after a random 3-8 s, restart, count what is missing.
kill_round() {
  local label=$1 r=$2 dir="$WORK/$1-round$2" pid wait_ms acknowledged
  mkdir -p "$dir"
  use_server "$label"
  wait_ms=$(( 3000 + RANDOM % 5000 ))
  wrk -t"$THREADS" -c"$CONNECTIONS" -d600s --timeout 10s -s "$BENCH_DIR/lua/create.lua" "$API/contacts" -- 0 "$dir" \
    >"$dir/wrk.log" 2>&1 &
  WRK_PID=$!
  sleep "$(calc "$wait_ms / 1000")"
  pid=${KARAF_PIDS[$label]}
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  unset "KARAF_PIDS[$label]"
  sleep 1
  kill -INT "$WRK_PID" 2>/dev/null || true
  wait "$WRK_PID" 2>/dev/null || true
  WRK_PID=
  cat "$dir"/ids-*.txt 2>/dev/null | grep -v '^$' >"$dir/acknowledged.txt" || true
  acknowledged=$(wc -l <"$dir/acknowledged.txt")
  echo "  $label round $r: killed after ${wait_ms} ms with $acknowledged creates acknowledged; restarting..." >&2
  start_karaf "${KARAF_HOMES[$label]}" "$label"
  local counts; counts=$(count_missing "$dir/acknowledged.txt")
  ROUND_LINES+=("$(printf '%-11s round %d: killed after %5d ms, acknowledged %5d, %s' "$label" "$r" "$wait_ms" "$acknowledged" "$counts")")
  echo "  ${ROUND_LINES[-1]}" >&2
}

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  local label home r
  for label in "${LABELS[@]}"; do
    home="$WORK/$label"
    prepare "$(realpath "$DIST")" "$home"
    is_https "$home" && is_secured "$home" || die "$DIST is not a distribution of issue 4 or later (HTTPS, tokens)"
    local cfg="$home/etc/org.ops4j.datasource-crm.cfg"
    if [[ $label == h2-default ]]; then sed -i -E 's/;WRITE_DELAY=[0-9]+//' "$cfg"; fi
    URL_LINES+=("$label: $(grep -E '^url *=' "$cfg")")
    KARAF_HOMES[$label]=$home
    start_karaf "$home" "$label"
    for (( r = 1; r <= ROUNDS; r++ )); do kill_round "$label" "$r"; done
    stop_karaf "$label"
  done
  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/kill-loss-$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "Bastion CRM: acknowledged creates lost on kill -9, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "distribution: $(realpath "$DIST"); $(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "wrk: $CONNECTIONS connections creating contacts (POST /api/v1/contacts), kill -9 of the JVM after a random 3-8 s, restart, GET every acknowledged id"
    printf '%s\n' "${URL_LINES[@]}"
    echo
    printf '%s\n' "${ROUND_LINES[@]}"
  } >"$file"
  cat "$file"
  echo "results written to $file" >&2
}

main
