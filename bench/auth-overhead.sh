#!/usr/bin/env bash
# Bastion CRM cost of authentication + TLS (issue 4), not a test: starts a BASELINE distribution (plain HTTP, no login:
# a build before issue 4) and a SECURED one (HTTPS, bearer token) side by side on free loopback ports, seeds the same
# number of contacts into each, and measures in interleaved slices (baseline, secured, secured, baseline, ...):
#   the yardstick (a trivial public endpoint, no token), GET /api/v1/contacts/{id} (token on the secured one),
#   GET /api/v1/health (public, runs a DB query) and, on the secured one, GET /api/v1/auth/me (token, trivial).
# It prints per-round req/s and the medians of the per-round ratios. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/auth-overhead.sh [options] BASELINE SECURED

  BASELINE, SECURED  Karaf distributions (assembly folder or .tar.gz), e.g. /work/baseline/karaf-distribution/target/assembly
                     and karaf-distribution/target/assembly. Each is copied into a scratch folder and started from a
                     clean data folder; the originals are not changed. HTTPS and the token are detected per
                     distribution (bench/karaf.sh); the secured copy gets mfaRequiredRoles empty and a random
                     CRM_ADMIN_PASSWORD, and the script logs in as admin (its session is then cached, i.e. warm).
  --contacts N       contacts to seed into each (default 2000)
  --rounds N         rounds of slices, order alternating ABBA (default 3)
  --duration S       seconds per measurement (default 10)
  --warmup S         warm-up seconds before each measurement of the first round only (default 10)
  --connections N    wrk connections (default 4)
  --threads N        wrk threads (default 2)
  --boot-timeout S   seconds a distribution may take to answer after its start (default 300)
  --results DIR      where the results file goes (default bench/results)
  -h, --help         this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=2000
ROUNDS=3
DURATION=10
WARMUP=10
CONNECTIONS=4
THREADS=2
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
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
[[ ${#DISTS[@]} -eq 2 ]] || { usage >&2; exit 2; }
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

LABELS=(baseline secured)
declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD CRM_MASTER_PASSPHRASE
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
declare -A result seeded

cleanup() {
  local label
  for label in "${LABELS[@]}"; do stop_karaf "$label" || true; done
  bench_cleanup
}

# Measures the running distribution $1 for round $2 after $3 seconds of warm-up per measurement; the BENCH_RESULT lines
# go to result[$1,<what>,$2] with <what> one of yard, byid, health, me (me: secured only). Public endpoints are
# measured without the token (the subshell of $(...) keeps set_token's change local).
measure_server() {
  local label=$1 r=$2 warmup=$3
  use_server "$label"
  echo "round $r, $label: 3-4 measurements of ${DURATION}s after ${warmup}s warm-up each..." >&2
  result[$label,yard,$r]=$(set_token ""; WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" plain.lua "$BASE_URL$YARDSTICK")
  result[$label,byid,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids-$label.txt")
  result[$label,health,$r]=$(set_token ""; WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" plain.lua "$BASE_URL$HEALTH")
  if [[ $label == secured ]]; then
    result[$label,me,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" plain.lua "$API/auth/me")
  fi
  echo "  yardstick $(field "${result[$label,yard,$r]}" rps), GET by id $(field "${result[$label,byid,$r]}" rps) req/s" >&2
}

# The HTTP status of an unauthenticated GET by id on the running distribution $1 (the secured one must say 401).
anonymous_status() {
  use_server "$1"
  curl -s -o /dev/null -w '%{http_code}' --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "$API/contacts/$(head -1 "$WORK/ids-$1.txt")"
}

rps() { field "${result[$1,$2,$3]}" rps; }
ratio() { printf '%.3f' "$(calc "$1 / ($2 + 0.000001)")"; }

main() {
  ensure_tools
  command -v openssl >/dev/null || die "openssl is missing (it exports the secured distribution's certificate for curl)"
  bench_init
  trap cleanup EXIT
  local homes=() i r label
  for i in 0 1; do
    homes[i]="$WORK/${LABELS[i]}"
    prepare "$(realpath "${DISTS[i]}")" "${homes[i]}"
  done
  if ! is_https "${homes[1]}" || ! is_secured "${homes[1]}"; then
    die "${DISTS[1]} is not an HTTPS distribution with authentication"
  fi
  for i in 0 1; do
    start_karaf "${homes[i]}" "${LABELS[i]}"
    seed
    cp "$WORK/ids.txt" "$WORK/ids-${LABELS[i]}.txt"
    seeded[${LABELS[i]}]="${LABELS[i]}: $SEED_LINE"
  done
  # the yardstick must be public on both: choose it without the token
  use_server secured; set_token ""; choose_yardstick
  use_server baseline; api_get "$BASE_URL$YARDSTICK" >/dev/null || die "the baseline does not serve the yardstick $YARDSTICK"
  local anon_base anon_sec
  anon_base=$(anonymous_status baseline); anon_sec=$(anonymous_status secured)

  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for (( r = 1; r <= ROUNDS; r++ )); do
    local order=("${LABELS[@]}")
    if (( r % 2 == 0 )); then order=("${LABELS[1]}" "${LABELS[0]}"); fi
    for label in "${order[@]}"; do measure_server "$label" "$r" "$(( r == 1 ? WARMUP : 0 ))"; done
  done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for label in "${LABELS[@]}"; do stop_karaf "$label"; done

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/auth-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$load_before" "$load_after" "$anon_base" "$anon_sec" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  local load_before=$1 load_after=$2 anon_base=$3 anon_sec=$4
  echo "Bastion CRM cost of authentication + TLS, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "baseline: $(realpath "${DISTS[0]}") (${SERVER_URLS[baseline]%%:*}$(is_secured "$WORK/baseline" && echo ", bearer token"))"
  echo "secured:  $(realpath "${DISTS[1]}") (${SERVER_URLS[secured]%%:*}, bearer token of admin, mfaRequiredRoles empty in the copy)"
  echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "wrk: $CONNECTIONS connections, $THREADS threads, ${DURATION}s per measurement, both servers up, $ROUNDS rounds of slices"
  echo "(baseline, secured, secured, baseline, ...), ${WARMUP}s warm-up before each measurement of the first round"
  echo "${seeded[baseline]}"
  echo "${seeded[secured]}"
  echo "unauthenticated GET by id: baseline HTTP $anon_base, secured HTTP $anon_sec"
  echo "load average (1/5/15 min) before: $load_before; after: $load_after (includes this benchmark)"
  echo
  printf '%-6s %-9s %14s %14s %14s %14s %7s\n' round server "yardstick/s" "GET by id/s" "health/s" "auth/me/s" errors
  local errors=0 what line
  local -a r_byid=() r_yard=() r_health=() r_sec_byid_yard=() r_base_byid_yard=() r_me_yard=() r_byid_health=()
  for (( r = 1; r <= ROUNDS; r++ )); do
    for label in "${LABELS[@]}"; do
      local e=0
      for what in yard byid health me; do
        line=${result[$label,$what,$r]:-}
        [[ -n $line ]] && e=$(( e + $(field "$line" errors) ))
      done
      errors=$(( errors + e ))
      printf '%-6s %-9s %14.1f %14.1f %14.1f %14s %7s\n' "$r" "$label" "$(rps "$label" yard "$r")" "$(rps "$label" byid "$r")" \
        "$(rps "$label" health "$r")" "$([[ $label == secured ]] && printf '%.1f' "$(rps secured me "$r")" || echo -)" "$e"
    done
    r_byid+=("$(ratio "$(rps secured byid "$r")" "$(rps baseline byid "$r")")")
    r_yard+=("$(ratio "$(rps secured yard "$r")" "$(rps baseline yard "$r")")")
    r_health+=("$(ratio "$(rps secured health "$r")" "$(rps baseline health "$r")")")
    r_sec_byid_yard+=("$(ratio "$(rps secured byid "$r")" "$(rps secured yard "$r")")")
    r_base_byid_yard+=("$(ratio "$(rps baseline byid "$r")" "$(rps baseline yard "$r")")")
    r_me_yard+=("$(ratio "$(rps secured me "$r")" "$(rps secured yard "$r")")")
    r_byid_health+=("$(ratio "$(rps secured byid "$r")" "$(rps secured health "$r")")")
  done
  echo
  printf '%-72s %-22s %s\n' "ratio of req/s (per round)" "per round" "median"
  row() { printf '%-72s %-22s %s\n' "$1" "${*:2}" "$(median "${@:2}")"; }
  row "GET by id: secured (HTTPS + token) / baseline (HTTP)" "${r_byid[@]}"
  row "yardstick, public: secured (HTTPS) / baseline (HTTP)" "${r_yard[@]}"
  row "health, public, DB query: secured (HTTPS) / baseline (HTTP)" "${r_health[@]}"
  row "secured: GET by id (HTTPS + token) / health (HTTPS, no token)" "${r_byid_health[@]}"
  row "secured: GET by id (HTTPS + token) / yardstick (HTTPS, no token)" "${r_sec_byid_yard[@]}"
  row "baseline: GET by id / yardstick (both plain HTTP, no token)" "${r_base_byid_yard[@]}"
  row "secured: GET /auth/me (HTTPS + token) / yardstick (HTTPS, no token)" "${r_me_yard[@]}"
  echo
  echo "(yardstick: GET $YARDSTICK, a static file of the same JAX-RS application; health runs a database query per call;"
  echo " /auth/me resolves the token through the session cache and answers the caller's account)"
  echo "NOTE: the secured build differs from the baseline by more than TLS and the token (e.g. encryption at rest if the"
  echo "      baseline predates it): the secured/baseline GET-by-id ratio is the whole difference between the two builds."
  if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
    echo
    echo "WARNING: the machine was not idle at the start (1-minute load ${load_before%% *}); ratios of interleaved slices suffer less than absolute figures."
  fi
  if [[ $anon_sec != 401 ]]; then
    echo
    echo "WARNING: the secured distribution answered $anon_sec, not 401, to a GET by id without a token."
  fi
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
