#!/usr/bin/env bash
# Bastion CRM cost of permission checks (issue 5, item 8: at most 5 % on GET by id and on a list page), not a test:
# starts a BASELINE distribution (the issue-4 build, commit 5e89791: no permission checks) and a CURRENT one side by
# side on free loopback ports, gives each the same data (contacts owned by a user with the role `sales`; on a build
# with teams that user is put in a team first, so the `sales` token goes through the team-scoped query) and measures,
# in rounds, each of GET /api/v1/contacts/{id} and GET /api/v1/contacts?page=N&size=20 with an `admin` and a `sales`
# token on both servers back to back (baseline then current, current then baseline, ...).
# It prints per-round req/s, the medians of the per-round ratios current/baseline and the verdict against 0.95.
# See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/permission-overhead.sh [options] BASELINE CURRENT

  BASELINE, CURRENT  Karaf distributions (assembly folder or .tar.gz) of issue 4 or later (HTTPS, bearer tokens), e.g.
                     /work/baseline-issue4/karaf-distribution/target/assembly and karaf-distribution/target/assembly.
                     Also read from $PERM_BENCH_BASELINE and $PERM_BENCH_CURRENT when not given. Each is copied into a
                     scratch folder and started from a clean data folder; the originals are not changed. Each copy
                     gets mfaRequiredRoles empty and a random CRM_ADMIN_PASSWORD (bench/karaf.sh).
  --contacts N       contacts to seed into each, all owned by the sales user (default 2000)
  --rounds N         rounds counted (default 4: even, so each measurement has each server first equally often;
                     the median needs at least 3)
  --duration S       seconds per measurement (default 10)
  --settle-rounds N  rounds measured first and not counted (default 1: just after the seeding, the servers are slow
                     and the figures erratic); their figures are shown, marked "settle"
  --warmup S         warm-up seconds before each measurement of the first round (default 10)
  --rewarm S         warm-up seconds before each measurement of the later rounds (default 2: the first requests
                     after the other server's turn are slow)
  --connections N    wrk connections (default 4)
  --threads N        wrk threads (default 2)
  --size N           list page size (default 20)
  --aim R            the ratio current/baseline a verdict needs (default 0.95)
  --boot-timeout S   seconds a distribution may take to answer after its start (default 300)
  --results DIR      where the results file goes (default bench/results)
  -h, --help         this text

Give the same distribution twice for an A/A run: its ratios show this machine's noise.
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=2000
ROUNDS=4
DURATION=10
WARMUP=10
REWARM=2
SETTLE=1
CONNECTIONS=4
THREADS=2
PAGE_SIZE=20
AIM=0.95
BOOT_TIMEOUT=300
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"
DISTS=()
SALES_USER=bench-sales
TEAM=bench-team

while [[ $# -gt 0 ]]; do
  case "$1" in
    --contacts) CONTACTS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rewarm) REWARM=$2; shift 2 ;;
    --settle-rounds) SETTLE=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --size) PAGE_SIZE=$2; shift 2 ;;
    --aim) AIM=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
if [[ ${#DISTS[@]} -eq 0 && -n ${PERM_BENCH_BASELINE:-} && -n ${PERM_BENCH_CURRENT:-} ]]; then
  DISTS=("$PERM_BENCH_BASELINE" "$PERM_BENCH_CURRENT")
fi
[[ ${#DISTS[@]} -eq 2 ]] || { usage >&2; exit 2; }
(( ROUNDS >= 1 )) || { echo "--rounds must be at least 1" >&2; exit 2; }
(( THREADS > CONNECTIONS )) && THREADS=$CONNECTIONS

# shellcheck source=lib.sh disable=SC2034
source "$BENCH_DIR/lib.sh"
# shellcheck source=karaf.sh
source "$BENCH_DIR/karaf.sh"

LABELS=(baseline current)
TOKENS=(admin sales)
declare -A KARAF_PIDS=() KARAF_HOMES=() SERVER_URLS=() SERVER_CACERTS=() SERVER_TOKENS=()
declare -A SALES_TOKENS=() TEAM_LINES=() CHECK_LINES=() LAST_PAGES=() PROBLEMS=()
TAKEN_PORTS=" "
unset CRM_ADMIN_PASSWORD CRM_MASTER_PASSPHRASE
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
SALES_PASSWORD="Sales-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
declare -A result seeded

cleanup() {
  local label
  for label in "${LABELS[@]}"; do stop_karaf "$label" || true; done
  bench_cleanup
}

# Sends METHOD ($1) to URL ($2) with the optional JSON body $3 (on curl's standard input, never on a command line) and
# the current token; prints the answer's body, then a last line with the HTTP status (000 when nothing answered).
api_call() {
  local method=$1 url=$2 body=${3:-}
  local args=(-sS --max-time 30 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}"
    -H 'Accept: application/json' -X "$method" -w '\n%{http_code}')
  if [[ -n $body ]]; then
    curl "${args[@]}" -H 'Content-Type: application/json' --data-binary @- "$url" <<<"$body" 2>/dev/null || echo $'\n000'
  else
    curl "${args[@]}" "$url" 2>/dev/null || echo $'\n000'
  fi
}
status_of() { tail -1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }

# On the running distribution $1 (with the admin's token): creates the sales user, puts it in a team when the build
# has /api/v1/teams, and logs it in. Sets SALES_TOKENS and TEAM_LINES for $1.
prepare_sales_user() {
  local label=$1 answer status id token
  use_server "$label"
  answer=$(api_call POST "$API/users" "$(jq -nc --arg u "$SALES_USER" --arg p "$SALES_PASSWORD" \
    '{username: $u, displayName: "Bench Sales", email: "bench-sales@bench.example", password: $p, roles: ["sales"]}')")
  status=$(status_of "$answer")
  [[ $status == 201 ]] || die "$label: creating the sales user answered HTTP $status: $(body_of "$answer" | head -c 300)"
  id=$(body_of "$answer" | jq -er '.id') || die "$label: the created user has no id"
  answer=$(api_call GET "$API/teams")
  status=$(status_of "$answer")
  if [[ $status == 200 ]]; then
    answer=$(api_call POST "$API/teams" "$(jq -nc --arg n "$TEAM" '{name: $n, description: "permission benchmark"}')")
    status=$(status_of "$answer")
    [[ $status == 200 || $status == 201 ]] || die "$label: creating team $TEAM answered HTTP $status: $(body_of "$answer" | head -c 300)"
    answer=$(api_call PUT "$API/teams/$TEAM/members/$id")
    status=$(status_of "$answer")
    [[ $status == 2?? ]] || die "$label: adding the sales user to team $TEAM answered HTTP $status: $(body_of "$answer" | head -c 300)"
    TEAM_LINES[$label]="the sales user is the one member of team $TEAM"
  else
    TEAM_LINES[$label]="no teams (GET /api/v1/teams: HTTP $status)"
  fi
  local s=0
  token=$(login "$SALES_USER" "$SALES_PASSWORD") || s=$?
  (( s == 0 )) || die "$label: the sales user cannot log in (login status $s)"
  SALES_TOKENS[$label]=$token
}

# Points the requests at distribution $1 with the token of $2 (admin or sales).
use_as() {
  use_server "$1"
  if [[ $2 == sales ]]; then set_token "${SALES_TOKENS[$1]}"; fi
}

# Checks on distribution $1 that both tokens see the seeded rows (same total, a seeded contact readable), and probes
# whether the sales token is restricted: a contact the admin creates (and deletes again) is 404 for the sales user
# where permissions apply, 200 where they do not. Sets CHECK_LINES and LAST_PAGES for $1; records PROBLEMS.
check_server() {
  local label=$1 as total admin_total=0 byid answer status probe_id probe
  local first; first=$(head -1 "$WORK/ids-$label.txt")
  local totals=()
  for as in "${TOKENS[@]}"; do
    use_as "$label" "$as"
    total=$(api_get "$API/contacts?page=0&size=1" 2>/dev/null | jq -r '.total // empty' 2>/dev/null || true)
    byid=$(status_of "$(api_call GET "$API/contacts/$first")")
    totals+=("$as sees ${total:-?} contacts, GET by id HTTP $byid")
    [[ $byid == 200 ]] || PROBLEMS[$label,$as]="$label: the $as token gets HTTP $byid for a seeded contact"
    [[ -n $total ]] || total=0
    if [[ $as == admin ]]; then
      admin_total=$total
      LAST_PAGES[$label]=$(( total > 0 ? (total - 1) / PAGE_SIZE : 0 ))
    elif [[ $total != "$admin_total" ]]; then
      PROBLEMS[$label,total]="$label: the sales token sees $total contacts, the admin token $admin_total"
    fi
  done
  use_as "$label" admin
  answer=$(api_call POST "$API/contacts" '{"firstName":"Probe","lastName":"Admin Owned","tags":["bench-probe"]}')
  status=$(status_of "$answer")
  probe_id=$(body_of "$answer" | jq -r '.id // empty' 2>/dev/null || true)
  if [[ $status == 201 && -n $probe_id ]]; then
    use_as "$label" sales
    probe=$(status_of "$(api_call GET "$API/contacts/$probe_id")")
    use_as "$label" admin
    status=$(status_of "$(api_call DELETE "$API/contacts/$probe_id")")
    [[ $status == 204 ]] || PROBLEMS[$label,probe]="$label: deleting the probe contact answered HTTP $status"
    probe="a contact the admin owns: sales token HTTP $probe ($([[ $probe == 404 ]] && echo "restricted" || echo "not restricted"))"
  else
    probe="probe contact not created (HTTP $status)"
  fi
  local joined; joined=$(printf '%s; ' "${totals[@]}")
  CHECK_LINES[$label]="$joined$probe"
}

# The measurements of a round, as <byid|list>,<admin|sales>: GET by id and a random list page with each token.
MEASUREMENTS=("byid,admin" "list,admin" "byid,sales" "list,sales")

# Measures $2 (one of MEASUREMENTS) on the running distribution $1 for round $3 after $4 seconds of warm-up; the
# BENCH_RESULT line goes to result[$1,$2,$3].
measure_one() {
  local label=$1 what=${2%,*} as=${2#*,} r=$3 warmup=$4
  use_as "$label" "$as"
  if [[ $what == byid ]]; then
    result[$label,$2,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids-$label.txt")
  else
    result[$label,$2,$r]=$(WARMUP=$warmup measure "$CONNECTIONS" "$THREADS" list.lua "$API/contacts" "${LAST_PAGES[$label]}" "$PAGE_SIZE")
  fi
}

# Round $1: each measurement on both servers back to back (so a pair is seconds apart, not minutes). Which server
# goes first alternates for each measurement from round to round, and within a round from pair to pair (the
# measurements' order is reversed in even rounds, so a round runs A B B A A B B A).
measure_round() {
  local r=$1 warmup=$2 i m label
  local order=(0 1 2 3)
  if (( (r + 2) % 2 == 0 )); then order=(3 2 1 0); fi
  echo "round $r$( (( r < 1 )) && echo " (settling, not counted)"): 4 pairs of ${DURATION}s measurements after ${warmup}s warm-up each..." >&2
  for i in "${order[@]}"; do
    m=${MEASUREMENTS[i]}
    local servers=("${LABELS[@]}")
    if (( (r + i + 2) % 2 == 0 )); then servers=("${LABELS[1]}" "${LABELS[0]}"); fi
    for label in "${servers[@]}"; do measure_one "$label" "$m" "$r" "$warmup"; done
    echo "  ${m/,/ } ${servers[0]} $(field "${result[${servers[0]},$m,$r]}" rps), ${servers[1]} $(field "${result[${servers[1]},$m,$r]}" rps) req/s" >&2
  done
}

rps() { field "${result[$1,$2,$3]}" rps; }
ratio() { printf '%.3f' "$(calc "$1 / ($2 + 0.000001)")"; }

main() {
  ensure_tools
  command -v openssl >/dev/null || die "openssl is missing (it exports each distribution's certificate for curl)"
  bench_init
  trap cleanup EXIT
  local homes=() i r label
  for i in 0 1; do
    homes[i]="$WORK/${LABELS[i]}"
    prepare "$(realpath "${DISTS[i]}")" "${homes[i]}"
    if ! is_https "${homes[i]}" || ! is_secured "${homes[i]}"; then
      die "${DISTS[i]} is not a distribution of issue 4 or later (HTTPS, tokens)"
    fi
  done
  for i in 0 1; do
    label=${LABELS[i]}
    start_karaf "${homes[i]}" "$label"
    prepare_sales_user "$label"
    use_as "$label" sales
    seed
    cp "$WORK/ids.txt" "$WORK/ids-$label.txt"
    seeded[$label]="$label: $SEED_LINE (as the sales user)"
    check_server "$label"
  done

  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for (( r = 1 - SETTLE; r <= ROUNDS; r++ )); do measure_round "$r" "$(( r == 1 - SETTLE ? WARMUP : REWARM ))"; done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  for label in "${LABELS[@]}"; do stop_karaf "$label"; done

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/permission-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$load_before" "$load_after" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  local load_before=$1 load_after=$2 label
  echo "Bastion CRM cost of permission checks, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "baseline: $(realpath "${DISTS[0]}")"
  echo "current:  $(realpath "${DISTS[1]}")"
  [[ $(realpath "${DISTS[0]}") == "$(realpath "${DISTS[1]}")" ]] && echo "NOTE: the same distribution twice (an A/A run): every ratio should be 1; the spread is the noise."
  echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "wrk: $CONNECTIONS connections, $THREADS threads, ${DURATION}s per measurement, both servers up, $ROUNDS rounds; in a round"
  echo "each measurement runs on both servers back to back (order alternating ABBA), after $SETTLE settling round(s)"
  echo "not counted; ${WARMUP}s warm-up before each measurement of the first round, ${REWARM}s later;"
  echo "list: GET /api/v1/contacts?page=N&size=$PAGE_SIZE, N random over every page; tokens: admin, and $SALES_USER (role sales)"
  for label in "${LABELS[@]}"; do echo "${seeded[$label]}"; done
  for label in "${LABELS[@]}"; do echo "$label: ${TEAM_LINES[$label]}; ${CHECK_LINES[$label]}"; done
  echo "load average (1/5/15 min) before: $load_before; after: $load_after (includes this benchmark)"
  echo
  printf '%-6s %-9s %16s %16s %16s %16s %7s\n' round server "by id admin/s" "by id sales/s" "list admin/s" "list sales/s" errors
  local errors=0 what line
  local -a r_byid_admin=() r_byid_sales=() r_list_admin=() r_list_sales=() r_cur_byid=() r_cur_list=()
  for (( r = 1 - SETTLE; r <= ROUNDS; r++ )); do
    for label in "${LABELS[@]}"; do
      local e=0 shown=$r
      (( r < 1 )) && shown=settle
      for what in "${MEASUREMENTS[@]}"; do
        line=${result[$label,$what,$r]:-}
        [[ -n $line ]] && e=$(( e + $(field "$line" errors) ))
      done
      errors=$(( errors + e ))
      printf '%-6s %-9s %16.1f %16.1f %16.1f %16.1f %7s\n' "$shown" "$label" "$(rps "$label" byid,admin "$r")" \
        "$(rps "$label" byid,sales "$r")" "$(rps "$label" list,admin "$r")" "$(rps "$label" list,sales "$r")" "$e"
    done
    (( r >= 1 )) || continue
    r_byid_admin+=("$(ratio "$(rps current byid,admin "$r")" "$(rps baseline byid,admin "$r")")")
    r_byid_sales+=("$(ratio "$(rps current byid,sales "$r")" "$(rps baseline byid,sales "$r")")")
    r_list_admin+=("$(ratio "$(rps current list,admin "$r")" "$(rps baseline list,admin "$r")")")
    r_list_sales+=("$(ratio "$(rps current list,sales "$r")" "$(rps baseline list,sales "$r")")")
    r_cur_byid+=("$(ratio "$(rps current byid,sales "$r")" "$(rps current byid,admin "$r")")")
    r_cur_list+=("$(ratio "$(rps current list,sales "$r")" "$(rps current list,admin "$r")")")
  done
  echo
  printf '%-58s %-30s %-7s %s\n' "ratio of req/s (per round)" "per round" "median" "aim >= $AIM"
  verdict_row() {
    local m; m=$(median "${@:2}")
    printf '%-58s %-30s %-7s %s\n' "$1" "${*:2}" "$m" "$(awk "BEGIN { print ($m >= $AIM) ? \"met\" : \"MISSED\" }")"
  }
  info_row() { printf '%-58s %-30s %-7s %s\n' "$1" "${*:2}" "$(median "${@:2}")" "(information)"; }
  verdict_row "GET by id, admin: current / baseline" "${r_byid_admin[@]}"
  verdict_row "GET by id, sales (team scope): current / baseline" "${r_byid_sales[@]}"
  verdict_row "list page, admin: current / baseline" "${r_list_admin[@]}"
  verdict_row "list page, sales (team scope): current / baseline" "${r_list_sales[@]}"
  info_row "current: GET by id, sales / admin" "${r_cur_byid[@]}"
  info_row "current: list page, sales / admin" "${r_cur_list[@]}"
  echo
  echo "(both tokens see the same rows: the contacts are owned by $SALES_USER; in the baseline neither token is restricted."
  echo " A ratio of $AIM in req/s is $(awk "BEGIN { printf \"%.1f\", (1 / $AIM - 1) * 100 }") % more server time per request.)"
  if (( ROUNDS < 3 )); then
    echo
    echo "WARNING: fewer than 3 rounds: a median of $ROUNDS is no verdict."
  fi
  if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
    echo
    echo "WARNING: the machine was not idle at the start (1-minute load ${load_before%% *}); run an A/A check (the same distribution twice) to see the noise."
  fi
  local key
  for key in "${!PROBLEMS[@]}"; do
    echo
    echo "WARNING: ${PROBLEMS[$key]} (the ratios may compare different work)."
  done
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
