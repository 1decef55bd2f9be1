#!/usr/bin/env bash
# Bastion CRM encryption-at-rest overhead (not a test): starts two Karaf distributions in turn on free loopback ports,
# seeds the same number of contacts into each through the API, measures GET /api/v1/contacts/{id} (and the trivial
# yardstick) with wrk, alternating baseline and encrypted (ABAB) to cancel the machine's drift, and prints req/s, p99,
# the ratio encrypted/baseline and the overhead in percent. --interleave keeps both up and alternates short slices
# instead. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/encryption-overhead.sh [options] BASELINE ENCRYPTED

  BASELINE, ENCRYPTED  Karaf distributions: an assembly folder (karaf-distribution/target/assembly) or its
                       .tar.gz / .zip. Each is copied (or unpacked) into a scratch folder and started from a clean
                       data folder there; the originals are not changed. Give the same one twice to check the script.
  --contacts N         contacts to seed into each (default 20000)
  --rounds N           baseline/encrypted alternations (default 2: ABAB; 8 with --interleave)
  --duration S         seconds per measurement (default 20; 10 with --interleave)
  --warmup S           seconds of warm-up before each measurement, not counted (default 10; every run starts a
                       cold JVM); with --interleave only before each server's first slice
  --connections N      wrk connections (default 8)
  --threads N          wrk threads (default 2)
  --interleave         keep both distributions running (the idle one waits) and alternate short slices
  --settle             with --interleave: restart both after seeding, so that each measures its settled storage
                       (H2 compacts what the bulk load left behind when it closes) rather than the load's aftermath
                       (baseline, encrypted, encrypted, baseline, ...): cancels more of a busy machine's noise
  --no-yardstick       measure GET by id only (saves a third of the time; default with --interleave)
  --yardstick          measure the yardstick too (default without --interleave)
  --boot-timeout S     seconds a distribution may take to answer after its start (default 300)
  --header 'N: V'      extra request header, repeatable
  --results DIR        where the results file goes (default bench/results)
  -h, --help           this text

The encrypted distribution is started with CRM_MASTER_PASSPHRASE set: the value already in the environment if there
is one, otherwise a random one (its keystore is then created on first boot in the scratch copy). The baseline is
started without it.
Each distribution may be a plain-HTTP one (before issue 4) or an HTTPS one that needs a bearer token (issue 4): see
bench/karaf.sh. A secured copy gets mfaRequiredRoles empty and a random CRM_ADMIN_PASSWORD, and the script logs in as
admin after each start.
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=20000
MODE=in-turn
SETTLE=no
ROUNDS=
DURATION=
WARMUP=10
CONNECTIONS=8
THREADS=2
WITH_YARDSTICK=
BOOT_TIMEOUT=300
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"
HEALTH=/api/v1/health
YARDSTICK=auto
DISTS=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --contacts) CONTACTS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --interleave) MODE=interleaved; shift ;;
    --settle) SETTLE=yes; shift ;;
    --no-yardstick) WITH_YARDSTICK=no; shift ;;
    --yardstick) WITH_YARDSTICK=yes; shift ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --header) HEADERS+=("$2"); shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
[[ ${#DISTS[@]} -eq 2 ]] || { usage >&2; exit 2; }
if [[ $MODE == in-turn ]]; then
  ROUNDS=${ROUNDS:-2}; DURATION=${DURATION:-20}; WITH_YARDSTICK=${WITH_YARDSTICK:-yes}
else
  ROUNDS=${ROUNDS:-8}; DURATION=${DURATION:-10}; WITH_YARDSTICK=${WITH_YARDSTICK:-no}
fi
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

LABELS=(baseline encrypted)
declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
TAKEN_PORTS=" "
PASSPHRASE=${CRM_MASTER_PASSPHRASE:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
unset CRM_MASTER_PASSPHRASE CRM_ADMIN_PASSWORD
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

# Starts distribution $1 (label $2); the encrypted one with the master passphrase.
start_server() {
  if [[ $2 == encrypted ]]; then start_karaf "$1" "$2" "CRM_MASTER_PASSPHRASE=$PASSPHRASE"; else start_karaf "$1" "$2"; fi
}

cleanup() {
  local label
  for label in "${LABELS[@]}"; do stop_karaf "$label" || true; done
  bench_cleanup
}

# Seeds $CONTACTS contacts into the running distribution $1 and keeps their ids in $WORK/ids-$1.txt.
seed_server() {
  use_server "$1"
  seed
  cp "$WORK/ids.txt" "$WORK/ids-$1.txt"
  seeded[$1]="$1: $SEED_LINE"
}

# Measures the running distribution $1 for round $2 after $3 seconds of warm-up: the yardstick (unless
# --no-yardstick), then GET by id; the BENCH_RESULT lines go to yard[$1,$2] and result[$1,$2].
measure_server() {
  local label=$1 r=$2 warmup=$3
  use_server "$label"
  echo "round $r, $label: measuring ${DURATION}s after ${warmup}s warm-up..." >&2
  if [[ $WITH_YARDSTICK == yes ]]; then
    choose_yardstick
    yard[$label,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" plain.lua "$BASE_URL$YARDSTICK")
  fi
  result[$label,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids-$label.txt")
  echo "  GET by id $(field "${result[$label,$r]}" rps) req/s, p99 $(field "${result[$label,$r]}" p99_ms) ms" >&2
}

# Mean of the numbers given.
mean() { printf '%s\n' "$@" | awk '{ s += $1; n++ } END { printf "%.6f", (n ? s / n : 0) }'; }

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  local homes=() i r
  for i in 0 1; do
    homes[i]="$WORK/${LABELS[i]}"
    prepare "$(realpath "${DISTS[i]}")" "${homes[i]}"
  done

  declare -A result yard seeded
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  if [[ $MODE == in-turn ]]; then
    for (( r = 1; r <= ROUNDS; r++ )); do
      for i in 0 1; do
        local label=${LABELS[i]}
        start_server "${homes[i]}" "$label"
        if (( r == 1 )); then seed_server "$label"; fi
        measure_server "$label" "$r" "$WARMUP"
        stop_karaf "$label"
      done
    done
  else
    for i in 0 1; do
      start_server "${homes[i]}" "${LABELS[i]}"
      seed_server "${LABELS[i]}"
    done
    if [[ $SETTLE == yes ]]; then
      for i in 0 1; do
        stop_karaf "${LABELS[i]}"
        start_server "${homes[i]}" "${LABELS[i]}"
      done
    fi
    # slices of DURATION seconds in the order baseline, encrypted, encrypted, baseline, ... (ABBA cancels a linear
    # drift); each server warms up once, before its first slice
    for (( r = 1; r <= ROUNDS; r++ )); do
      local order=("${LABELS[@]}")
      if (( r % 2 == 0 )); then order=("${LABELS[1]}" "${LABELS[0]}"); fi
      for label in "${order[@]}"; do
        measure_server "$label" "$r" "$(( r == 1 ? WARMUP : 0 ))"
      done
    done
    for label in "${LABELS[@]}"; do stop_karaf "$label"; done
  fi
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/encryption-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  local base_paths enc_paths
  base_paths=$(realpath "${DISTS[0]}"); enc_paths=$(realpath "${DISTS[1]}")
  echo "Bastion CRM encryption-at-rest overhead, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "baseline:  $base_paths (${SERVER_URLS[baseline]%%:*}$(is_secured "$WORK/baseline" && echo ", bearer token"))"
  echo "encrypted: $enc_paths (${SERVER_URLS[encrypted]%%:*}$(is_secured "$WORK/encrypted" && echo ", bearer token"))"
  echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "wrk: GET /api/v1/contacts/{random seeded id}, $CONNECTIONS connections, $THREADS threads, ${DURATION}s per run"
  if [[ $MODE == in-turn ]]; then
    echo "$ROUNDS rounds (baseline, encrypted, baseline, ...), one server up at a time, each run on a freshly started JVM after ${WARMUP}s warm-up"
  else
    echo "interleaved: both servers up, $ROUNDS rounds of slices (baseline, encrypted, encrypted, baseline, ...), ${WARMUP}s warm-up before each server's first slice"
    [[ $SETTLE == yes ]] && echo "settled: both restarted after seeding (H2 compacted the bulk load's leftovers on close)"
  fi
  echo "${seeded[baseline]}"
  echo "${seeded[encrypted]}"
  echo "load average (1/5/15 min) before: $load_before; after: $load_after (includes this benchmark)"
  echo
  printf '%-6s %-10s %12s %9s %9s %8s %16s\n' "round" "server" "GET by id/s" "p50 ms" "p99 ms" "errors" \
    "$([[ $WITH_YARDSTICK == yes ]] && echo "yardstick req/s")"
  local r label errors=0 ratios=()
  for (( r = 1; r <= ROUNDS; r++ )); do
    for label in "${LABELS[@]}"; do
      local line=${result[$label,$r]}
      printf '%-6s %-10s %12.1f %9.2f %9.2f %8s %16s\n' "$r" "$label" "$(field "$line" rps)" "$(field "$line" p50_ms)" \
        "$(field "$line" p99_ms)" "$(field "$line" errors)" \
        "$([[ $WITH_YARDSTICK == yes ]] && printf '%.1f' "$(field "${yard[$label,$r]}" rps)")"
      errors=$(( errors + $(field "$line" errors) ))
    done
    ratios+=("$(printf '%.3f' "$(calc "$(field "${result[encrypted,$r]}" rps) / ($(field "${result[baseline,$r]}" rps) + 0.000001)")")")
  done
  local -A rps p99 ys
  for label in "${LABELS[@]}"; do
    local rs=() ps=() yv=()
    for (( r = 1; r <= ROUNDS; r++ )); do
      rs+=("$(field "${result[$label,$r]}" rps)"); ps+=("$(field "${result[$label,$r]}" p99_ms)")
      if [[ $WITH_YARDSTICK == yes ]]; then yv+=("$(field "${yard[$label,$r]}" rps)"); fi
    done
    rps[$label]=$(mean "${rs[@]}"); p99[$label]=$(mean "${ps[@]}")
    if [[ $WITH_YARDSTICK == yes ]]; then ys[$label]=$(mean "${yv[@]}"); fi
  done
  local ratio p99_ratio overhead
  ratio=$(calc "${rps[encrypted]} / (${rps[baseline]} + 0.000001)")
  p99_ratio=$(calc "${p99[encrypted]} / (${p99[baseline]} + 0.000001)")
  overhead=$(calc "(${rps[baseline]} / (${rps[encrypted]} + 0.000001) - 1) * 100")
  echo
  printf '%-34s %12s %12s %20s\n' "mean over the rounds" "baseline" "encrypted" "encrypted/baseline"
  printf '%-34s %12.1f %12.1f %20.3f\n' "GET by id req/s" "${rps[baseline]}" "${rps[encrypted]}" "$ratio"
  printf '%-34s %12.2f %12.2f %20.3f\n' "GET by id p99 ms" "${p99[baseline]}" "${p99[encrypted]}" "$p99_ratio"
  if [[ $WITH_YARDSTICK == yes ]]; then
    printf '%-34s %12.1f %12.1f %20.3f\n' "yardstick req/s" "${ys[baseline]}" "${ys[encrypted]}" \
      "$(calc "${ys[encrypted]} / (${ys[baseline]} + 0.000001)")"
    printf '%-34s %12.3f %12.3f %20.3f\n' "GET by id / yardstick" "$(calc "${rps[baseline]} / ${ys[baseline]}")" \
      "$(calc "${rps[encrypted]} / ${ys[encrypted]}")" \
      "$(calc "(${rps[encrypted]} / ${ys[encrypted]}) / (${rps[baseline]} / ${ys[baseline]})")"
    echo "(yardstick: GET $YARDSTICK, a trivial endpoint of the same JAX-RS application, measured just before GET by id in each run)"
  fi
  echo
  echo "GET by id req/s, encrypted/baseline per round: ${ratios[*]} (median $(median "${ratios[@]}"))"
  printf 'overhead of encryption on GET by id: %.1f %% more time per request (baseline req/s / encrypted req/s - 1); aim <= 10 %%: %s\n' \
    "$overhead" "$(awk "BEGIN { exit !($overhead <= 10) }" && echo met || echo MISSED)"
  if [[ $base_paths == "$enc_paths" ]]; then
    echo
    echo "NOTE: both arguments are the same distribution: this run checks the script and shows the noise (expect ~0 %)."
  fi
  if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
    echo
    echo "WARNING: the machine was not idle at the start (1-minute load ${load_before%% *}); measure again when it is quiet."
  fi
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors GET requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
