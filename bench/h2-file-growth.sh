#!/usr/bin/env bash
# Bastion CRM: how the embedded H2 file grows under sustained creates, not a test: for each LABEL=DIST given, one after
# the other, copies DIST into a scratch folder (optionally appending H2 URL options to its datasource configuration),
# starts it, creates contacts through POST /api/v1/contacts with --connections clients for --duration seconds and
# records data/crm/crm.mv.db's size every --every seconds, then again --idle seconds after the load stopped.
# See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/h2-file-growth.sh [options] LABEL=DIST[+URLOPTIONS] ...

  LABEL=DIST         a name for the line, and a distribution of issue 4 or later (assembly folder or .tar.gz);
                     +URLOPTIONS is appended to the H2 URL of the copy, e.g. 'wd0=/tmp/base/assembly+;WRITE_DELAY=0'
  --duration S       seconds of creates (default 120)
  --every S          seconds between samples (default 10)
  --idle S           seconds to wait after the load before the last sample (default 20)
  --connections N    concurrent clients (default 8)
  --boot-timeout S   seconds a start may take (default 300)
  --results DIR      where h2-file-growth-<timestamp>.txt goes (default bench/results)
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DURATION=120
EVERY=10
IDLE=20
CONNECTIONS=8
THREADS=2
BOOT_TIMEOUT=300
RESULTS_DIR="$BENCH_DIR/results"
HEADERS=()
SPECS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --every) EVERY=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) SPECS+=("$1"); shift ;;
  esac
done
[[ ${#SPECS[@]} -ge 1 ]] || { usage >&2; exit 2; }

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD CRM_MASTER_PASSPHRASE
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
LINES=()
RUNNING=

cleanup() {
  [[ -n $RUNNING ]] && stop_karaf "$RUNNING" || true
  bench_cleanup
}

mb() { awk "BEGIN { printf \"%.0f\", $(stat -c %s "$1" 2>/dev/null || echo 0) / 1000000 }"; }

# Measures the distribution $2 (URL options $3) as $1.
grow() {
  local label=$1 dist=$2 options=$3 home="$WORK/$1" cfg samples=() t=0 file created
  prepare "$(realpath "$dist")" "$home"
  cfg="$home/etc/org.ops4j.datasource-crm.cfg"
  if [[ -n $options ]]; then sed -i -E "s|^(url *=.*)$|\1$options|" "$cfg"; fi
  KARAF_HOMES[$label]=$home
  start_karaf "$home" "$label"
  RUNNING=$label
  file="$home/data/crm/crm.mv.db"
  use_server "$label"
  local before; before=$(contact_total)
  mkdir -p "$WORK/$label-ids"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/create.lua" "$API/contacts" \
    -- 0 "$WORK/$label-ids" >"$WORK/$label-wrk.log" 2>&1 &
  WRK_PID=$!
  while (( t < DURATION )); do
    sleep "$EVERY"; t=$(( t + EVERY ))
    samples+=("${t}s:$(mb "$file")")
    echo "  $label ${t}s: $(mb "$file") MB" >&2
  done
  wait "$WRK_PID" 2>/dev/null || true
  WRK_PID=
  sleep "$IDLE"
  created=$(( $(contact_total) - ${before:-0} ))
  samples+=("idle+${IDLE}s:$(mb "$file")")
  stop_karaf "$label"
  RUNNING=
  local stopped; stopped=$(mb "$file")
  LINES+=("$(printf '%-10s %6d creates (%4.0f/s)  MB at %s  stopped:%s' "$label" "$created" "$(calc "$created / $DURATION")" "${samples[*]}" "$stopped")")
  LINES+=("           H2 URL: $(grep -E '^url *=' "$cfg" | sed -E 's/^url *= *//')")
  echo "${LINES[-2]}" >&2
}

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  local spec label rest dist options
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for spec in "${SPECS[@]}"; do
    label=${spec%%=*}; rest=${spec#*=}
    dist=${rest%%+*}; options=; [[ $rest == *+* ]] && options=${rest#*+}
    grow "$label" "$dist" "$options"
  done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  mkdir -p "$RESULTS_DIR"
  local out; out="$RESULTS_DIR/h2-file-growth-$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "Bastion CRM: H2 file size under sustained creates, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?'); one server at a time"
    echo "wrk: $CONNECTIONS connections creating contacts for ${DURATION}s; data/crm/crm.mv.db sampled every ${EVERY}s, ${IDLE}s after the load, and after a normal stop"
    echo "load average (1/5/15 min) before: $load_before; after: $load_after"
    echo
    printf '%s\n' "${LINES[@]}"
  } >"$out"
  cat "$out"
  echo "results written to $out" >&2
}

main
