#!/usr/bin/env bash
# Bastion CRM vendor read path (not a test): starts one distribution with the sample vendor plugin (feature
# vendor-deals from its own features repository) installed, seeds the same number of contacts and deals through the
# API, then measures GET /api/v1/deals/{id} and GET /api/v1/contacts/{id} with wrk in alternating slices (contacts,
# deals, deals, contacts, ...) on the same running server, and prints req/s, p99 and the ratio deals/contacts
# (aim >= 0.9: a vendor's record gets the same fast path as the CRM's own). See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/vendor-read.sh [options] DISTRIBUTION

  DISTRIBUTION       a Karaf distribution: an assembly folder (karaf-distribution/target/assembly) or its .tar.gz;
                     copied into a scratch folder and started from a clean data folder there (the original is not
                     changed). The sample plugin's features repository must be in the local Maven repository
                     (./mvnw install builds it: mvn:com.example.crm/vendor-deals/<version>/xml/features).
  --records N        contacts and deals to seed each (default 5000)
  --rounds N         slice pairs (default 4: contacts, deals, deals, contacts, ...)
  --duration S       seconds per slice (default 15)
  --warmup S         seconds of warm-up of each path before the first slice, not counted (default 15)
  --connections N    wrk connections (default 8)
  --threads N        wrk threads (default 2)
  --version V        the plugin's version (default: the distribution's crm-api version)
  --boot-timeout S   seconds the distribution may take to answer after its start (default 300)
  --results DIR      where the results file goes (default bench/results)
  -h, --help         this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RECORDS=5000
ROUNDS=4
DURATION=15
WARMUP=15
CONNECTIONS=8
THREADS=2
VERSION=
BOOT_TIMEOUT=300
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"
YARDSTICK=auto
DISTS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) RECORDS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --version) VERSION=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
[[ ${#DISTS[@]} -eq 1 ]] || { usage >&2; exit 2; }
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
LABEL=crm

cleanup() { stop_karaf "$LABEL" || true; bench_cleanup; }

# Adds the plugin's features repository and feature to the boot configuration of the copy in $1.
add_plugin() {
  local home=$1 cfg="$1/etc/org.apache.karaf.features.cfg" version=$VERSION
  if [[ -z $version ]]; then
    version=$(find "$home/system/org/bastion/crm/crm-api" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | head -1)
  fi
  [[ -n $version ]] || die "cannot tell the plugin's version: give --version"
  PLUGIN_REPO="mvn:com.example.crm/vendor-deals/$version/xml/features"
  # both keys are comma-separated lists continued over lines: the first entry gets ours in front
  sed -i -E "0,/^featuresRepositories[[:space:]]*=[[:space:]]*/s||featuresRepositories = $PLUGIN_REPO, |" "$cfg"
  sed -i -E "0,/^featuresBoot[[:space:]]*=[[:space:]]*/s||featuresBoot = vendor-deals, |" "$cfg"
  grep -q "$PLUGIN_REPO" "$cfg" || die "could not add the plugin to $cfg"
}

# Creates $RECORDS deals through the API ($1 parallel curls) and writes their ids to $WORK/ids-deals.txt.
seed_deals() {
  local parallel=$1 start elapsed
  echo "seeding $RECORDS deals ($parallel parallel clients)..." >&2
  start=$(date +%s.%N)
  seq "$RECORDS" | xargs -P "$parallel" -I{} curl -sS --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" \
      "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" -H 'Content-Type: application/json' -H 'Accept: application/json' \
      -d '{"title":"Bench deal {}","amount":1250.50,"currency":"EUR","stage":"PROPOSAL","notes":"bench notes {}"}' \
      "$API/deals" 2>/dev/null | jq -r '.id // empty' >"$WORK/ids-deals.txt" || true
  elapsed=$(calc "$(date +%s.%N) - $start")
  DEAL_LINE=$(printf 'seeded %d deals in %.1f s' "$(wc -l <"$WORK/ids-deals.txt")" "$elapsed")
  (( $(wc -l <"$WORK/ids-deals.txt") > 0 )) || die "no deal could be created (is the plugin installed? see $WORK)"
}

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  local home="$WORK/$LABEL"
  prepare "$(realpath "${DISTS[0]}")" "$home"
  add_plugin "$home"
  start_karaf "$home" "$LABEL"
  local waited=0
  until api_get "$API/deals?page=0&size=1" >/dev/null 2>&1; do
    (( ++waited < 120 )) || die "GET /api/v1/deals does not answer: the plugin did not start (see $home/data/log)"
    sleep 1
  done
  CONTACTS=$RECORDS
  seed
  cp "$WORK/ids.txt" "$WORK/ids-contacts.txt"
  seed_deals "$CONNECTIONS"

  declare -A result
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  local path r
  for path in contacts deals; do
    echo "warming up $path for ${WARMUP}s..." >&2
    WARMUP=0 DURATION=$WARMUP measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/$path" "$WORK/ids-$path.txt" >/dev/null
  done
  for (( r = 1; r <= ROUNDS; r++ )); do
    local order=(contacts deals)
    if (( r % 2 == 0 )); then order=(deals contacts); fi
    for path in "${order[@]}"; do
      result[$path,$r]=$(WARMUP=0 measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/$path" "$WORK/ids-$path.txt")
      echo "round $r, $path: $(field "${result[$path,$r]}" rps) req/s" >&2
    done
  done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  stop_karaf "$LABEL"

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/vendor-read-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$load_before" "$load_after" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  echo "Bastion CRM vendor read path: GET /deals/{id} (sample plugin) vs GET /contacts/{id}, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "distribution: $(realpath "${DISTS[0]}") with $PLUGIN_REPO (feature vendor-deals)"
  echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "wrk: $CONNECTIONS connections, $THREADS threads, ${DURATION}s per slice, ${WARMUP}s warm-up of each path first;"
  echo "$ROUNDS rounds of slices on one running server (contacts, deals, deals, contacts, ...)"
  echo "$SEED_LINE"
  echo "$DEAL_LINE"
  echo "load average (1/5/15 min) before: $1; after: $2 (includes this benchmark)"
  echo
  printf '%-6s %-9s %10s %9s %9s %8s\n' round path "req/s" "p50 ms" "p99 ms" errors
  local r path errors=0 ratios=()
  for (( r = 1; r <= ROUNDS; r++ )); do
    for path in contacts deals; do
      local line=${result[$path,$r]}
      printf '%-6s %-9s %10.1f %9.2f %9.2f %8s\n' "$r" "$path" "$(field "$line" rps)" "$(field "$line" p50_ms)" \
        "$(field "$line" p99_ms)" "$(field "$line" errors)"
      errors=$(( errors + $(field "$line" errors) ))
    done
    ratios+=("$(printf '%.3f' "$(calc "$(field "${result[deals,$r]}" rps) / ($(field "${result[contacts,$r]}" rps) + 0.000001)")")")
  done
  local -A rps p99
  for path in contacts deals; do
    local rs=() ps=()
    for (( r = 1; r <= ROUNDS; r++ )); do
      rs+=("$(field "${result[$path,$r]}" rps)"); ps+=("$(field "${result[$path,$r]}" p99_ms)")
    done
    rps[$path]=$(printf '%s\n' "${rs[@]}" | awk '{ s += $1; n++ } END { printf "%.6f", s / n }')
    p99[$path]=$(printf '%s\n' "${ps[@]}" | awk '{ s += $1; n++ } END { printf "%.6f", s / n }')
  done
  local ratio; ratio=$(calc "${rps[deals]} / (${rps[contacts]} + 0.000001)")
  echo
  printf '%-22s %12s %12s %16s\n' "mean over the rounds" contacts deals "deals/contacts"
  printf '%-22s %12.1f %12.1f %16.3f\n' "GET by id req/s" "${rps[contacts]}" "${rps[deals]}" "$ratio"
  printf '%-22s %12.2f %12.2f %16.3f\n' "GET by id p99 ms" "${p99[contacts]}" "${p99[deals]}" \
    "$(calc "${p99[deals]} / (${p99[contacts]} + 0.000001)")"
  echo
  echo "deals/contacts req/s per round: ${ratios[*]} (median $(median "${ratios[@]}"))"
  echo "aim: deals >= 0.9 x contacts: $(awk "BEGIN { exit !($ratio >= 0.9) }" && echo met || echo MISSED)"
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors GET requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
