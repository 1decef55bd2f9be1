#!/usr/bin/env bash
# Bastion CRM benchmark (not a test): seeds contacts through the REST API, then measures with wrk
#   a trivial endpoint in the same container (the yardstick), GET by id, creates with 1 and 8 connections and list pages,
# and prints the figures as a table and as ratios against the product's aims. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/run.sh [options] [BASE_URL]          BASE_URL defaults to https://localhost:8443

  --contacts N        contacts to seed (default 100000)
  --skip-seed         seed nothing; measure whatever the server already holds
  --yardstick PATH    trivial JAX-RS endpoint used as the yardstick (default: the first of /api/v1/ping,
                      /api/v1/docs/initializer.js and /api/v1/health that answers 2xx)
  --duration S        seconds per measurement (default 20)
  --warmup S          seconds of warm-up before each measurement, not counted (default 5)
  --connections N     connections of the concurrent runs (default 8)
  --threads N         wrk threads of the concurrent runs (default 2)
  --user NAME         log in as NAME (POST /api/v1/auth/login, password from the environment variable
                      CRM_BENCH_PASSWORD) and send its bearer token on every request; the account must not need TOTP
  --token TOKEN       send this bearer token on every request (default: $CRM_BENCH_TOKEN, if set)
  --cacert FILE       trust this certificate (PEM) for an https BASE_URL, e.g. the CRM's self-signed one:
                      openssl pkcs12 -in etc/crm-tls.p12 -passin file:etc/crm-tls.p12.password -nokeys -out crm.pem
  --insecure          do not check the https certificate at all (curl -k; wrk never checks it)
  --header 'N: V'     extra request header, repeatable
  --results DIR       where the results file goes (default bench/results)
  -h, --help          this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE_URL=https://localhost:8443
USER_NAME=
BENCH_TOKEN=${CRM_BENCH_TOKEN:-}
CURL_TLS=()
CONTACTS=100000
SEED=yes
YARDSTICK=auto
HEALTH=/api/v1/health
DURATION=20
WARMUP=5
CONNECTIONS=8
THREADS=2
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --contacts) CONTACTS=$2; shift 2 ;;
    --skip-seed) SEED=no; shift ;;
    --yardstick) YARDSTICK=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --user) USER_NAME=$2; shift 2 ;;
    --token) BENCH_TOKEN=$2; shift 2 ;;
    --cacert) CURL_TLS=(--cacert "$2"); shift 2 ;;
    --insecure) CURL_TLS=(-k); shift ;;
    --header) HEADERS+=("$2"); shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) BASE_URL=$1; shift ;;
  esac
done
BASE_URL=${BASE_URL%/}
API="$BASE_URL/api/v1"
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
bench_init
trap bench_cleanup EXIT

# Collects up to 20,000 existing contact ids through the list endpoint (used with --skip-seed).
collect_ids() {
  : >"$WORK/ids.txt"
  local page=0
  while (( page < 100 )); do
    local ids
    ids=$(api_get "$API/contacts?page=$page&size=200" | jq -r '.items[].id') || die "cannot list contacts at $API/contacts"
    [[ -z $ids ]] && break
    echo "$ids" >>"$WORK/ids.txt"
    page=$((page + 1))
  done
  [[ -s $WORK/ids.txt ]] || die "the server holds no contacts: run without --skip-seed"
  SEED_LINE="seeding skipped; $(wc -l <"$WORK/ids.txt") ids collected from the list endpoint"
}

row() { # label, connections, BENCH_RESULT line
  printf '%-46s %5s %10.1f %9.2f %9.2f %8s\n' "$1" "$2" "$(field "$3" rps)" "$(field "$3" p50_ms)" "$(field "$3" p99_ms)" "$(field "$3" errors)"
}

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }

main() {
  ensure_tools
  if [[ -n $USER_NAME ]]; then
    [[ -n ${CRM_BENCH_PASSWORD:-} ]] || die "--user needs the password in the environment variable CRM_BENCH_PASSWORD"
    local token status=0
    token=$(login "$USER_NAME" "$CRM_BENCH_PASSWORD") || status=$?
    case $status in
      0) set_token "$token" ;;
      2) die "$API/auth/login refused user $USER_NAME" ;;
      3) exit 1 ;;
      *) die "cannot log in at $API/auth/login (is the CRM running? for a self-signed certificate: --cacert or --insecure)" ;;
    esac
    echo "logged in as $USER_NAME" >&2
  fi
  choose_yardstick
  echo "yardstick: GET $YARDSTICK" >&2
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" \
    "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" "$API/contacts?page=0&size=1")
  [[ $status == 401 ]] && die "$API/contacts answers 401: it needs a bearer token (--user NAME or --token TOKEN)"
  [[ $status == 2* ]] || die "$API/contacts answers HTTP $status"

  SEED_LINE=
  if [[ $SEED == yes ]]; then seed; else collect_ids; fi
  local total; total=$(contact_total); total=${total:-$(wc -l <"$WORK/ids.txt")}
  local last_page=$(( total > 0 ? (total - 1) / 20 : 0 ))

  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  echo "measuring: ${DURATION}s per run after ${WARMUP}s warm-up..." >&2
  local yard byid list1 listn create1 createn
  yard=$(measure "$CONNECTIONS" "$THREADS" plain.lua "$BASE_URL$YARDSTICK")
  local health=
  if [[ $YARDSTICK != "$HEALTH" ]] && api_get "$BASE_URL$HEALTH" >/dev/null 2>&1; then
    health=$(measure "$CONNECTIONS" "$THREADS" plain.lua "$BASE_URL$HEALTH")
  fi
  byid=$(measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids.txt")
  list1=$(measure 1 1 list.lua "$API/contacts" "$last_page" 20)
  listn=$(measure "$CONNECTIONS" "$THREADS" list.lua "$API/contacts" "$last_page" 20)
  create1=$(measure 1 1 create.lua "$API/contacts" 0)
  createn=$(measure "$CONNECTIONS" "$THREADS" create.lua "$API/contacts" 0)

  local ratio creates list1_p99 listn_p99
  ratio=$(calc "$(field "$byid" rps) / ($(field "$yard" rps) + 0.000001)")
  creates=$(field "$createn" rps)
  list1_p99=$(field "$list1" p99_ms)
  listn_p99=$(field "$listn" p99_ms)

  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/$(date -u +%Y%m%dT%H%M%SZ).txt"
  {
    echo "Bastion CRM benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "target $BASE_URL ($([[ -n $BENCH_TOKEN ]] && echo "bearer token on every request" || echo "no token")), yardstick $YARDSTICK; $(nproc) cores here; commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "wrk: ${DURATION}s per run after ${WARMUP}s warm-up; $THREADS threads for the $CONNECTIONS-connection runs"
    echo "$SEED_LINE"
    echo "contacts on the server while reading: $total"
    echo "load average (1/5/15 min) before the measurements: $load_before; after: $load_after (includes this benchmark)"
    echo
    printf '%-46s %5s %10s %9s %9s %8s\n' "measurement" "conns" "req/s" "p50 ms" "p99 ms" "errors"
    row "yardstick GET $YARDSTICK" "$CONNECTIONS" "$yard"
    if [[ -n $health ]]; then row "GET $HEALTH (runs a DB query)" "$CONNECTIONS" "$health"; fi
    row "GET /api/v1/contacts/{id} (random)" "$CONNECTIONS" "$byid"
    row "GET /api/v1/contacts?page=N&size=20" 1 "$list1"
    row "GET /api/v1/contacts?page=N&size=20" "$CONNECTIONS" "$listn"
    row "POST /api/v1/contacts" 1 "$create1"
    row "POST /api/v1/contacts" "$CONNECTIONS" "$createn"
    echo
    printf '%-44s %10s   %-14s %s\n' "ratio / figure" "value" "aim" "verdict"
    printf '%-44s %10.2f   %-14s %s\n' "GET by id / yardstick (req/s)" "$ratio" ">= 0.50" "$(verdict "$ratio >= 0.5")"
    printf '%-44s %10.0f   %-14s %s\n' "creates/s with $CONNECTIONS connections" "$creates" ">= 1000" "$(verdict "$creates >= 1000")"
    printf '%-44s %10.2f   %-14s %s\n' "creates/s, $CONNECTIONS vs 1 connection" \
      "$(calc "$creates / ($(field "$create1" rps) + 0.000001)")" "" ""
    printf '%-44s %10.1f   %-14s %s\n' "list page p99 ms, 1 connection" "$list1_p99" "<= 50" "$(verdict "$list1_p99 <= 50")"
    printf '%-44s %10.1f   %-14s %s\n' "list page p99 ms, $CONNECTIONS connections" "$listn_p99" "<= 50" "$(verdict "$listn_p99 <= 50")"
    if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
      echo
      echo "WARNING: the machine was not idle when the measurements began (1-minute load ${load_before%% *}): other work"
      echo "         may have competed for the CPU; measure again when it is quiet."
    fi
    if [[ $YARDSTICK == "$HEALTH" ]]; then
      echo
      echo "NOTE: the yardstick is $HEALTH, which runs a database query per call: the GET-by-id ratio is flattered."
    fi
    local errors=0 line
    for line in "$yard" "$byid" "$list1" "$listn" "$create1" "$createn" ${health:+"$health"}; do
      errors=$(( errors + $(field "$line" errors) ))
    done
    if (( errors != 0 )); then
      echo
      echo "WARNING: $errors requests failed (non-2xx status, timeouts or socket errors): the figures above are suspect."
    fi
  } | tee "$file"
  echo "results written to $file" >&2
}

main
