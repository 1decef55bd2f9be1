#!/usr/bin/env bash
# Bastion CRM audit trail at scale (not a test): starts one scratch copy of a distribution (H2 by default, or the
# PostgreSQL database given), stops it, seeds ENTRIES chained audit entries straight into its audit tables with
# bench/audit-seed/AuditSeed.java (crm-audit's own canonical form and hashes, so the chain verifies), starts it again,
# then measures GET /api/v1/audit?actor=... (sequential curls: p50/p99 latency) and one full verification
# (GET /api/v1/audit/verify: its own millis and the wall time). Aims: p99 <= 100 ms, verify <= 30 s for 1,000,000.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/audit-query.sh [options] DISTRIBUTION

  DISTRIBUTION         an assembly folder (karaf-distribution/target/assembly) or its .tar.gz, copied into a
                       scratch folder (the original is not changed)
  --entries N          entries to seed (default 1000000)
  --actors N           distinct actors they are spread over (default 200)
  --requests N         measured GET /audit requests (default 500, after 50 not counted)
  --postgres URL       run on this PostgreSQL database (jdbc:postgresql://...), which must be empty; user and
                       password from --pg-user / --pg-password (default crm / crm)
  --boot-timeout S     seconds the distribution may take to answer after a start (default 300)
  --results DIR        where the results file goes (default bench/results)
  -h, --help           this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ENTRIES=1000000
ACTORS=200
REQUESTS=500
PG_URL=
PG_USER=crm
PG_PASSWORD=crm
BOOT_TIMEOUT=300
HEADERS=()
RESULTS_DIR="$BENCH_DIR/results"
DISTS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --entries) ENTRIES=$2; shift 2 ;;
    --actors) ACTORS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --postgres) PG_URL=$2; shift 2 ;;
    --pg-user) PG_USER=$2; shift 2 ;;
    --pg-password) PG_PASSWORD=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) DISTS+=("$1"); shift ;;
  esac
done
[[ ${#DISTS[@]} -eq 1 ]] || { usage >&2; exit 2; }

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

# The jar of bundle $2 (org/bastion/crm/crm-audit, org/postgresql/postgresql, ...) in the system/ folder of $1.
system_jar() {
  find "$1/system/$2" -name '*.jar' ! -name '*-sources.jar' | sort | tail -1
}

# Seeds the entries into the stopped copy $1.
seed_entries() {
  local home=$1 url driver audit
  audit=$(system_jar "$home" org/bastion/crm/crm-audit)
  if [[ -n $PG_URL ]]; then
    url=$PG_URL; driver=$(system_jar "$home" org/postgresql/postgresql)
  else
    url="jdbc:h2:file:$home/data/crm/crm"; driver=$(system_jar "$home" com/h2database/h2)
  fi
  [[ -n $audit && -n $driver ]] || die "crm-audit or the JDBC driver is missing from $home/system"
  echo "seeding $ENTRIES entries over $ACTORS actors into $url..." >&2
  SEED_LINE=$(java -cp "$audit:$driver" "$BENCH_DIR/audit-seed/AuditSeed.java" "$url" \
      "$([[ -n $PG_URL ]] && echo "$PG_USER" || echo crm)" "$([[ -n $PG_URL ]] && echo "$PG_PASSWORD" || echo crm)" \
      "$ENTRIES" "$ACTORS")
  echo "$SEED_LINE" >&2
}

# Times $REQUESTS sequential GET /audit?actor=... (random seeded actors) on one kept-alive connection, as a client
# would, and prints "p50 p99 max errors" in ms (50 more requests before them are not counted).
measure_query() {
  local i
  : >"$WORK/query-urls.txt"
  for (( i = 0; i < REQUESTS + 50; i++ )); do
    printf 'url = "%s/audit?actor=bench-user-%04d&size=20"\noutput = /dev/null\n' "$API" $(( RANDOM % ACTORS )) \
      >>"$WORK/query-urls.txt"
  done
  curl -sS --max-time 600 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" \
      -w '%{http_code} %{time_total}\n' -K "$WORK/query-urls.txt" >"$WORK/query-times.txt" 2>>"$WORK/curl.log" || true
  tail -n +51 "$WORK/query-times.txt" | sort -k2 -g | awk '{ if ($1 != 200) e++; v[NR] = $2 * 1000 } END {
    if (NR == 0) { print "0 0 0 -1"; exit }
    p50 = v[int(NR * 0.50 + 0.5)]; p99 = v[int(NR * 0.99 + 0.5)]; printf "%.2f %.2f %.2f %d", p50, p99, v[NR], e + 0 }'
}

main() {
  command -v curl >/dev/null || die "curl is missing"
  command -v jq >/dev/null || die "jq is missing (apt-get install jq)"
  command -v java >/dev/null || die "java (17) is missing"
  bench_init
  trap cleanup EXIT
  local home="$WORK/$LABEL"
  prepare "$(realpath "${DISTS[0]}")" "$home"
  if [[ -n $PG_URL ]]; then
    cp "$home/etc/org.ops4j.datasource-crm.cfg.postgresql-example" "$home/etc/org.ops4j.datasource-crm.cfg"
    set_cfg "$home/etc/org.ops4j.datasource-crm.cfg" url "$PG_URL"
    set_cfg "$home/etc/org.ops4j.datasource-crm.cfg" user "$PG_USER"
    set_cfg "$home/etc/org.ops4j.datasource-crm.cfg" password "$PG_PASSWORD"
  fi
  start_karaf "$home" "$LABEL"       # creates the tables (and the admin) on the first start
  stop_karaf "$LABEL"
  seed_entries "$home"
  start_karaf "$home" "$LABEL"
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  echo "measuring $REQUESTS GET /audit?actor=... (after 50 not counted)..." >&2
  local query; query=$(measure_query)
  echo "verifying the whole chain..." >&2
  local started verify wall
  started=$(date +%s.%N)
  verify=$(curl -sS --max-time 900 "${CURL_TLS[@]+"${CURL_TLS[@]}"}" "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" \
      "$API/audit/verify") || verify='{}'
  wall=$(calc "$(date +%s.%N) - $started")
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  stop_karaf "$LABEL"

  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/audit-query-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$query" "$verify" "$wall" "$load_before" "$load_after" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

report() {
  local p50 p99 max errors
  read -r p50 p99 max errors <<<"$1"
  echo "Bastion CRM audit trail at scale, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "distribution: $(realpath "${DISTS[0]}") on ${PG_URL:-embedded H2}"
  echo "$(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "$SEED_LINE (over $ACTORS actors, straight into the stopped copy's tables)"
  echo "load average (1/5/15 min) before: $4; after: $5"
  echo
  printf 'GET /api/v1/audit?actor=<one of %d>&size=20, %d sequential requests on one connection: p50 %s ms, p99 %s ms, max %s ms, errors %s\n' \
    "$ACTORS" "$REQUESTS" "$p50" "$p99" "$max" "$errors"
  echo "aim p99 <= 100 ms: $(awk "BEGIN { exit !($p99 <= 100) }" && echo met || echo MISSED)"
  printf 'GET /api/v1/audit/verify: ok=%s, %s entries, %s checkpoints, %s ms in the verifier, %.1f s wall\n' \
    "$(jq -r '.ok' <<<"$2")" "$(jq -r '.entries' <<<"$2")" "$(jq -r '.checkpoints' <<<"$2")" \
    "$(jq -r '.millis' <<<"$2")" "$3"
  echo "aim verify <= 30 s: $(awk "BEGIN { exit !($3 <= 30) }" && echo met || echo MISSED)"
}

main
