#!/usr/bin/env bash
# Bastion CRM cost of the audit trail (issue 13: GET /api/v1/contacts/{id} with auditing on vs off >= 0.85, creates
# >= 0.8), not a test: starts ONE distribution on free loopback ports, seeds contacts, then measures in rounds GET by
# id (each one a queued contact.read entry) and POST /contacts (each one a contact.created entry with its field
# history, written in the create's transaction) with auditing on and off, switched by configuration alone:
# `enabled = true|false` in etc/org.bastion.crm.audit.cfg (crm-audit withdraws its AuditLog service while false; the
# script waits until GET /health says so). The order alternates per round (on/off, off/on, ...) to cancel drift.
# It prints per-round req/s, the medians of the per-round ratios on/off and the verdict. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/audit-overhead.sh [options] [DISTRIBUTION]

  DISTRIBUTION       a Karaf distribution with crm-audit (assembly folder or .tar.gz), default
                     karaf-distribution/target/assembly; copied into a scratch folder and started from a clean data
                     folder there (mfaRequiredRoles empty, a random CRM_ADMIN_PASSWORD: bench/karaf.sh)
  --contacts N       contacts to seed before measuring (default 2000)
  --rounds N         rounds counted (default 4: even, so each state goes first equally often)
  --duration S       seconds per measurement (default 10)
  --warmup S         warm-up seconds before each measurement (default 5)
  --connections N    wrk connections (default 4)
  --threads N        wrk threads (default 2)
  --read-aim R       the ratio on/off GET by id needs (default 0.85)
  --create-aim R     the ratio on/off creates need (default 0.8)
  --boot-timeout S   seconds the distribution may take to answer after its start (default 300)
  --results DIR      where the results file goes (default bench/results)
  -h, --help         this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=2000
ROUNDS=4
DURATION=10
WARMUP=5
CONNECTIONS=4
THREADS=2
READ_AIM=0.85
CREATE_AIM=0.8
BOOT_TIMEOUT=300
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"
DIST="$BENCH_DIR/../karaf-distribution/target/assembly"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --contacts) CONTACTS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --read-aim) READ_AIM=$2; shift 2 ;;
    --create-aim) CREATE_AIM=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DIST=$1; shift ;;
  esac
done
(( ROUNDS >= 1 )) || { echo "--rounds must be at least 1" >&2; exit 2; }
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

LABEL=crm
declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
declare -A result
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

cleanup() {
  stop_karaf "$LABEL" || true
  bench_cleanup
}

# Switches auditing on or off ($1) in the running copy's configuration and waits until health reports it applied.
switch_audit() {
  local state=$1 home=$WORK/$LABEL started body
  set_cfg "$home/etc/org.bastion.crm.audit.cfg" enabled "$([[ $state == on ]] && echo true || echo false)"
  started=$(date +%s)
  while true; do
    body=$(api_get "$API/health" 2>/dev/null || true)
    if [[ $body == *'"audit"'* ]]; then
      if [[ $state == off && $body == *"recording disabled"* ]] || [[ $state == on && $body != *"recording disabled"* ]]; then
        break
      fi
    fi
    (( $(date +%s) - started < 60 )) || die "auditing did not switch $state within 60 s (GET /health: ${body:0:300})"
    sleep 0.5
  done
}

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  prepare "$DIST" "$WORK/$LABEL"
  [[ -f $WORK/$LABEL/etc/org.bastion.crm.audit.cfg ]] || die "$DIST has no etc/org.bastion.crm.audit.cfg: no crm-audit with the enabled switch"
  start_karaf "$WORK/$LABEL" "$LABEL" "CRM_MASTER_PASSPHRASE=bench-$(head -c 16 /dev/urandom | base64 | tr -d '/+=')"
  use_server "$LABEL"
  switch_audit on
  seed
  local r state order
  for (( r = 0; r <= ROUNDS; r++ )); do
    if (( r % 2 == 0 )); then order=(off on); else order=(on off); fi
    for state in "${order[@]}"; do
      switch_audit "$state"
      echo "round $r, auditing $state: GET by id, then creates..." >&2
      result[read,$state,$r]=$(measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids.txt")
      result[create,$state,$r]=$(measure "$CONNECTIONS" "$THREADS" create.lua "$API/contacts" 0)
    done
  done
  switch_audit on
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/audit-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$load_before" "$load_after" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  echo "Bastion CRM audit trail overhead, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "distribution: $(realpath "$DIST"); $(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "auditing switched by etc/org.bastion.crm.audit.cfg enabled=true|false on one running server (same build, same data)"
  echo "wrk: $CONNECTIONS connections, $THREADS threads, ${WARMUP}s warm-up + ${DURATION}s per measurement"
  echo "$SEED_LINE"
  echo "load average (1/5/15 min) before: $1; after: $2 (includes this benchmark)"
  echo
  printf '%-10s %-9s %14s %10s %14s %10s\n' "round" "auditing" "GET by id/s" "p99 ms" "creates/s" "p99 ms"
  local r state reads=() creates=() errors=0
  for (( r = 0; r <= ROUNDS; r++ )); do
    for state in off on; do
      local read=${result[read,$state,$r]} create=${result[create,$state,$r]}
      printf '%-10s %-9s %14.1f %10.2f %14.1f %10.2f\n' "$r$( (( r == 0 )) && echo ' (settle)')" "$state" \
        "$(field "$read" rps)" "$(field "$read" p99_ms)" "$(field "$create" rps)" "$(field "$create" p99_ms)"
      (( r == 0 )) || errors=$(( errors + $(field "$read" errors) + $(field "$create" errors) ))
    done
    if (( r > 0 )); then
      reads+=("$(printf '%.3f' "$(calc "$(field "${result[read,on,$r]}" rps) / ($(field "${result[read,off,$r]}" rps) + 0.000001)")")")
      creates+=("$(printf '%.3f' "$(calc "$(field "${result[create,on,$r]}" rps) / ($(field "${result[create,off,$r]}" rps) + 0.000001)")")")
    fi
  done
  local read_median create_median
  read_median=$(median "${reads[@]}"); create_median=$(median "${creates[@]}")
  echo
  echo "GET by id req/s, on/off per round: ${reads[*]} (median $read_median); aim >= $READ_AIM: $(awk "BEGIN { exit !($read_median >= $READ_AIM) }" && echo met || echo MISSED)"
  echo "creates/s, on/off per round: ${creates[*]} (median $create_median); aim >= $CREATE_AIM: $(awk "BEGIN { exit !($create_median >= $CREATE_AIM) }" && echo met || echo MISSED)"
  echo "(round 0 settles the server after seeding and is not counted)"
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
