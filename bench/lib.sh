# shellcheck shell=bash disable=SC2034,SC2153
# Helpers shared by bench/run.sh, encryption-overhead.sh and auth-overhead.sh (sourced, not run). The caller sets
# BENCH_DIR (this folder) and HEADERS (an array, possibly empty) before calling bench_init, and the variables each
# function names: BASE_URL and API (the server), WARMUP and DURATION (seconds), CONTACTS, CONNECTIONS and THREADS;
# CURL_TLS (curl's TLS options for an https server, e.g. --cacert FILE) and the bearer token (set_token) may change
# per server. wrk does not check certificates; curl does.

die() { echo "bench: $*" >&2; exit 1; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

ensure_tools() {
  if ! command -v wrk >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      echo "bench: installing wrk (Debian package)" >&2
      apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    fi
    command -v wrk >/dev/null || die "wrk is missing: install the Debian package 'wrk' (apt-get install wrk)"
  fi
  command -v curl >/dev/null || die "curl is missing"
  command -v jq >/dev/null || die "jq is missing (apt-get install jq)"
}

# Creates the scratch folder $WORK and exports what the lua scripts read (their folder, a run id, the extra headers).
# The caller's EXIT trap must call bench_cleanup.
bench_init() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/crm-bench.XXXXXX")
  WRK_PID=
  export BENCH_LUA_DIR="$BENCH_DIR/lua"
  BENCH_RUN="r$(date +%s)$$"
  export BENCH_RUN
  CURL_TLS=(${CURL_TLS[@]+"${CURL_TLS[@]}"})
  set_token "${BENCH_TOKEN:-}"
}

# Sends "Authorization: Bearer $1" (nothing when $1 is empty) besides HEADERS on every request, from curl and from the
# lua scripts (they read BENCH_HEADERS when wrk starts, so this may change between wrk runs).
set_token() {
  BENCH_TOKEN=$1
  local all=("${HEADERS[@]+"${HEADERS[@]}"}") h
  if [[ -n $BENCH_TOKEN ]]; then all+=("Authorization: Bearer $BENCH_TOKEN"); fi
  BENCH_HEADERS=$(printf '%s\n' "${all[@]+"${all[@]}"}")
  export BENCH_HEADERS
  CURL_HEADERS=()
  for h in "${all[@]+"${all[@]}"}"; do CURL_HEADERS+=(-H "$h"); done
}

# Logs in at $API/auth/login as user $1 with password $2 and prints the bearer token. Returns 2 when the server refuses
# the credentials (401), 3 when the account needs a TOTP code (a benchmark cannot give one), 1 on any other failure.
# The password goes to curl on its standard input, never on a command line.
login() {
  local answer status
  answer=$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}' \
    | curl -sS --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" -H 'Content-Type: application/json' \
        -H 'Accept: application/json' --data-binary @- -w '\n%{http_code}' "$API/auth/login" 2>/dev/null) || return 1
  status=${answer##*$'\n'}; answer=${answer%$'\n'*}
  [[ $status == 401 ]] && return 2
  [[ $status == 200 ]] || return 1
  if jq -e '.mfaRequired == true or .totpEnrolmentRequired == true' >/dev/null 2>&1 <<<"$answer"; then
    echo "bench: user $1 needs a TOTP code to log in: use an account without TOTP (see bench/README.md, Authentication)" >&2
    return 3
  fi
  jq -er '.token' <<<"$answer"
}

# Stops a seeding wrk still running and removes $WORK.
bench_cleanup() {
  if [[ -n ${WRK_PID:-} ]] && kill -0 "$WRK_PID" 2>/dev/null; then kill -INT "$WRK_PID" 2>/dev/null || true; fi
  if [[ -n ${WORK:-} ]]; then rm -rf "$WORK"; fi
}

api_get() { curl -fsS --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" -H 'Accept: application/json' "$1"; }

# Total number of contacts the server reports, or empty when the list endpoint does not answer as expected.
contact_total() { api_get "$API/contacts?page=0&size=1" 2>/dev/null | jq -r '.total // empty' 2>/dev/null || true; }

# Picks the yardstick (unless $YARDSTICK names one already): a trivial endpoint of the same JAX-RS application.
# /api/v1/health is the last resort because it runs a database query per call (the contacts health check), which
# makes it no yardstick for the persistence cost.
choose_yardstick() {
  [[ $YARDSTICK != auto ]] && return
  local candidate
  for candidate in /api/v1/ping /api/v1/docs/initializer.js "$HEALTH"; do
    if api_get "$BASE_URL$candidate" >/dev/null 2>&1; then YARDSTICK=$candidate; return; fi
  done
  local hint=
  [[ $BASE_URL == https:* ]] && hint=" For a self-signed certificate: --cacert FILE or --insecure."
  die "no answer from $BASE_URL (tried /api/v1/ping, /api/v1/docs/initializer.js, $HEALTH): is the CRM running?$hint"
}

# Runs wrk and prints its BENCH_RESULT line (see lua/report.lua); wrk's own output goes to $WORK/wrk.log.
# usage: measure <connections> <threads> <script> <url> [script args...]
measure() {
  local conns=$1 threads=$2 script=$3 url=$4; shift 4
  if (( WARMUP > 0 )); then
    wrk -t"$threads" -c"$conns" -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" -- "$@" >>"$WORK/wrk.log" 2>&1 || true
  fi
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/lua/$script" "$url" -- "$@" 2>&1) || true
  echo "$out" >>"$WORK/wrk.log"
  grep '^BENCH_RESULT' <<<"$out" | tail -1 || echo "BENCH_RESULT requests=0 rps=0 p50_ms=0 p99_ms=0 errors=-1"
}

# Reads one key=value field of a BENCH_RESULT line.
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<"$1"; }

# Seeds $CONTACTS contacts into $API with wrk (create.lua stops each thread at its quota), writes their ids to
# $WORK/ids.txt and a summary to SEED_LINE.
seed() {
  local before per_thread start elapsed created failed rate
  before=$(contact_total)
  per_thread=$(( (CONTACTS + THREADS - 1) / THREADS ))
  rm -rf "$WORK/seed"
  mkdir -p "$WORK/seed"
  echo "seeding $CONTACTS contacts ($CONNECTIONS connections, $THREADS wrk threads)..." >&2
  start=$(date +%s.%N)
  local last_count=-1 last_change; last_change=$(date +%s)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3600s --timeout 30s -s "$BENCH_DIR/lua/create.lua" "$API/contacts" \
    -- "$per_thread" "$WORK/seed" >"$WORK/seed/wrk.log" 2>&1 &
  WRK_PID=$!
  local last_report=0
  while kill -0 "$WRK_PID" 2>/dev/null; do
    local finished
    finished=$(find "$WORK/seed" -name 'done-*' | wc -l)
    (( finished >= THREADS )) && break
    sleep 0.25
    local now count; now=$(date +%s)
    count=$(cat "$WORK"/seed/ids-*.txt 2>/dev/null | wc -l)
    if (( count != last_count )); then last_count=$count; last_change=$now; fi
    if (( now - last_change >= 60 )); then
      echo "bench: no contact created for 60 s; stopping the seeding" >&2
      break
    fi
    if (( now - last_report >= 15 )); then
      last_report=$now
      echo "  ... $count created" >&2
    fi
  done
  elapsed=$(calc "$(date +%s.%N) - $start")
  kill -INT "$WRK_PID" 2>/dev/null || true
  wait "$WRK_PID" 2>/dev/null || true
  WRK_PID=
  cat "$WORK"/seed/ids-*.txt 2>/dev/null | grep -v '^$' >"$WORK/ids.txt" || true
  created=$(wc -l <"$WORK/ids.txt")
  failed=$(cat "$WORK"/seed/done-* 2>/dev/null | awk '{s += $2} END {print s + 0}')
  rate=$(calc "$created / $elapsed")
  grep -m3 '^create failed' "$WORK/seed/wrk.log" >&2 || true
  SEED_LINE=$(printf 'seeded %d contacts in %.1f s = %.0f creates/s (%d connections), %d failed; server total before %s, after %s' \
    "$created" "$elapsed" "$rate" "$CONNECTIONS" "$failed" "${before:-?}" "$(contact_total)")
  echo "$SEED_LINE" >&2
  (( created > 0 )) || die "seeding created no contacts; see the errors above"
}
