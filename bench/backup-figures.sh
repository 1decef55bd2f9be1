#!/usr/bin/env bash
# Bastion CRM backup figures (issue 14: with 100,000 contacts a backup <= 15 s, verify <= 15 s, restore <= 30 s;
# GET /api/v1/contacts/{id} throughput while a backup runs >= 0.7 of the same without one; backup size relative to the
# database size), not a test: starts ONE distribution on free loopback ports (embedded H2), seeds contacts through the
# REST API, then times POST /backups, POST /backups/{id}/verify and POST /backups/{id}/restore (each until the
# catalogue says it finished, or for the restore until GET /contacts answers 200 again), and measures GET by id with wrk
# in rounds with and without backups running back to back (the order alternates per round to cancel drift; the ratio
# of each round is measured in the same run on the same data). See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/backup-figures.sh [options] [DISTRIBUTION]

  DISTRIBUTION       a Karaf distribution with crm-backup (assembly folder or .tar.gz), default
                     karaf-distribution/target/assembly; copied into a scratch folder and started from a clean data
                     folder there (mfaRequiredRoles empty, a random CRM_ADMIN_PASSWORD: bench/karaf.sh)
  --contacts N       contacts to seed before measuring (default 100000)
  --rounds N         throughput rounds counted (default 2: even, so each state goes first equally often)
  --duration S       seconds per throughput measurement (default 15)
  --warmup S         warm-up seconds before each measurement (default 5)
  --connections N    wrk connections (default 4)
  --threads N        wrk threads (default 2)
  --backup-aim S     seconds a backup may take (default 15)
  --verify-aim S     seconds a verify may take (default 15)
  --restore-aim S    seconds a restore may take (default 30)
  --ratio-aim R      the ratio GET by id during/without a backup needs (default 0.7)
  --boot-timeout S   seconds the distribution may take to answer after its start (default 300)
  --results DIR      where the results file goes (default bench/results)
  -h, --help         this text
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTACTS=100000
ROUNDS=2
DURATION=15
WARMUP=5
CONNECTIONS=4
THREADS=2
BACKUP_AIM=15
VERIFY_AIM=15
RESTORE_AIM=30
RATIO_AIM=0.7
BOOT_TIMEOUT=300
OPERATION_TIMEOUT=900
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
    --backup-aim) BACKUP_AIM=$2; shift 2 ;;
    --verify-aim) VERIFY_AIM=$2; shift 2 ;;
    --restore-aim) RESTORE_AIM=$2; shift 2 ;;
    --ratio-aim) RATIO_AIM=$2; shift 2 ;;
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
BACKUP_LOOP_PID=
unset CRM_ADMIN_PASSWORD
ADMIN_PASSWORD="Bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

cleanup() {
  stop_backup_loop
  stop_karaf "$LABEL" || true
  bench_cleanup
}

# Sends $1 to $2 ($3: a JSON body, optional) and prints the body, then a line with the status.
api_send() {
  local method=$1 url=$2 body=${3:-}
  local args=(-sS --max-time "$OPERATION_TIMEOUT" -X "$method" "${CURL_TLS[@]+"${CURL_TLS[@]}"}"
    "${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"}" -H 'Accept: application/json' -w '\n%{http_code}')
  if [[ -n $body ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
  curl "${args[@]}" "$url"
}

# Polls GET /backups/$1 until jq filter $2 is true of it (or the timeout); prints the last body.
await_backup() {
  local id=$1 filter=$2 started body; started=$(date +%s)
  while true; do
    body=$(api_get "$API/backups/$id" 2>/dev/null || true)
    if jq -e "$filter" >/dev/null 2>&1 <<<"$body"; then echo "$body"; return; fi
    (( $(date +%s) - started < OPERATION_TIMEOUT )) || die "backup $id: no $filter within $OPERATION_TIMEOUT s (${body:0:300})"
    sleep 0.05
  done
}

# Takes a backup; sets BACKUP_ID, BACKUP_SECONDS and BACKUP_INFO (the catalogue entry once COMPLETED).
take_backup() {
  local start answer status
  start=$(date +%s.%N)
  answer=$(api_send POST "$API/backups")
  status=${answer##*$'\n'}; answer=${answer%$'\n'*}
  [[ $status == 200 || $status == 201 || $status == 202 ]] || die "POST /backups answered $status: ${answer:0:300}"
  BACKUP_ID=$(jq -er '.id' <<<"$answer") || die "POST /backups named no backup: ${answer:0:300}"
  BACKUP_INFO=$(await_backup "$BACKUP_ID" '.state != "RUNNING"')
  BACKUP_SECONDS=$(calc "$(date +%s.%N) - $start")
  [[ $(jq -r '.state' <<<"$BACKUP_INFO") == COMPLETED ]] || die "backup $BACKUP_ID did not complete: ${BACKUP_INFO:0:300}"
}

# Verifies backup $1; sets VERIFY_SECONDS and VERIFY_RESULT (VERIFIED, or the problem the server answered).
verify_backup() {
  local start answer status
  start=$(date +%s.%N)
  answer=$(api_send POST "$API/backups/$1/verify")
  status=${answer##*$'\n'}; answer=${answer%$'\n'*}
  VERIFY_SECONDS=$(calc "$(date +%s.%N) - $start")
  if [[ $status == 200 ]]; then
    VERIFY_RESULT=$(jq -r '.verifyState' <<<"$answer")
  else
    VERIFY_RESULT="HTTP $status $(jq -r '(.type // "") + ": " + (.detail // "")' <<<"$answer" 2>/dev/null || echo "${answer:0:200}")"
  fi
}

# Restores backup $1 and waits until GET /contacts answers 200 again (logging in again: the restore ended the session);
# sets RESTORE_ANSWER_SECONDS (until POST .../restore answered) and RESTORE_SECONDS (until contacts are served).
restore_backup() {
  local start answer status started
  start=$(date +%s.%N)
  answer=$(api_send POST "$API/backups/$1/restore" "{\"confirm\": \"$1\"}")
  status=${answer##*$'\n'}; answer=${answer%$'\n'*}
  [[ $status == 200 || $status == 202 || $status == 204 ]] || die "POST /backups/$1/restore answered $status: ${answer:0:300}"
  RESTORE_ANSWER_SECONDS=$(calc "$(date +%s.%N) - $start")
  started=$(date +%s)
  local token
  until api_get "$API/contacts?page=0&size=1" >/dev/null 2>&1; do
    (( $(date +%s) - started < OPERATION_TIMEOUT )) || die "GET /contacts did not answer within $OPERATION_TIMEOUT s after the restore"
    # a restore replaces the users, which ends every session: log in again
    if token=$(login admin "$ADMIN_PASSWORD" 2>/dev/null); then SERVER_TOKENS[$LABEL]=$token; use_server "$LABEL"; fi
    sleep 0.2
  done
  RESTORE_SECONDS=$(calc "$(date +%s.%N) - $start")
}

# Takes backups back to back in the background (until stop_backup_loop), one line per backup in $WORK/loop.txt.
start_backup_loop() {
  : >"$WORK/loop.txt"
  (
    while [[ -f $WORK/loop.on ]]; do
      take_backup
      echo "$BACKUP_ID $BACKUP_SECONDS" >>"$WORK/loop.txt"
    done
  ) >>"$WORK/loop.log" 2>&1 &
  BACKUP_LOOP_PID=$!
}

stop_backup_loop() {
  rm -f "$WORK/loop.on" 2>/dev/null || true
  if [[ -n $BACKUP_LOOP_PID ]]; then wait "$BACKUP_LOOP_PID" 2>/dev/null || true; BACKUP_LOOP_PID=; fi
}

# Measures GET by id with backups running ($1 = on) or not (off); with backups the first one starts before wrk does.
measure_reads() {
  if [[ $1 == on ]]; then
    touch "$WORK/loop.on"
    start_backup_loop
    local started; started=$(date +%s)
    until api_get "$API/backups" 2>/dev/null | jq -e '[.. | objects | select(.state? == "RUNNING")] | length > 0' >/dev/null 2>&1; do
      (( $(date +%s) - started < 60 )) || die "no backup was seen RUNNING within 60 s of starting the loop"
      kill -0 "$BACKUP_LOOP_PID" 2>/dev/null || die "the backup loop stopped: $(tail -3 "$WORK/loop.log")"
    done
  fi
  local line; line=$(measure "$CONNECTIONS" "$THREADS" get-by-id.lua "$API/contacts" "$WORK/ids.txt")
  if [[ $1 == on ]]; then
    stop_backup_loop
    line+=" backups=$(wc -l <"$WORK/loop.txt")"
    local id
    while read -r id _; do api_send DELETE "$API/backups/$id" >/dev/null || true; done <"$WORK/loop.txt"
  fi
  echo "$line"
}

# Bytes of the H2 database files under the copy's data/crm folder.
database_bytes() { du -cb "$WORK/$LABEL/data/crm" 2>/dev/null | tail -1 | cut -f1; }

main() {
  ensure_tools
  bench_init
  trap cleanup EXIT
  trap 'exit 143' TERM INT   # so that a stopped run still stops its server (the EXIT trap)
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  prepare "$DIST" "$WORK/$LABEL"
  [[ -f $WORK/$LABEL/etc/org.bastion.crm.backup.cfg ]] || die "$DIST has no etc/org.bastion.crm.backup.cfg: no crm-backup"
  # the timed backup is the backup alone (no verify after it); retention keeps every backup younger than a day, and
  # the script deletes the backups of the throughput rounds after each round
  set_cfg "$WORK/$LABEL/etc/org.bastion.crm.backup.cfg" verifyAfterBackup false
  start_karaf "$WORK/$LABEL" "$LABEL" "CRM_MASTER_PASSPHRASE=bench-$(head -c 16 /dev/urandom | base64 | tr -d '/+=')"
  use_server "$LABEL"
  seed
  local total_before; total_before=$(contact_total)

  echo "backup of $total_before contacts..." >&2
  take_backup
  result[backup]=$BACKUP_SECONDS
  result[id]=$BACKUP_ID
  result[size]=$(jq -r '.sizeBytes' <<<"$BACKUP_INFO")
  result[rows]=$(jq -r '.rowCount' <<<"$BACKUP_INFO")
  result[plain]=$(jq -r '[.manifest.participants[].tables[].bytes] | add // 0' <<<"$BACKUP_INFO")
  result[database]=$(database_bytes)
  echo "verify..." >&2
  verify_backup "${result[id]}"
  result[verify]=$VERIFY_SECONDS
  result[verify_result]=$VERIFY_RESULT

  local r state order
  for (( r = 1; r <= ROUNDS; r++ )); do
    if (( r % 2 == 1 )); then order=(off on); else order=(on off); fi
    for state in "${order[@]}"; do
      echo "round $r, backups $state: GET by id..." >&2
      result[read,$state,$r]=$(measure_reads "$state")
    done
  done

  echo "restore of backup ${result[id]}..." >&2
  restore_backup "${result[id]}"
  result[restore]=$RESTORE_SECONDS
  result[restore_answer]=$RESTORE_ANSWER_SECONDS
  result[total_after]=$(contact_total)
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  mkdir -p "$RESULTS_DIR"
  local file; file="$RESULTS_DIR/backup-figures-$(date -u +%Y%m%dT%H%M%SZ).txt"
  report "$load_before" "$load_after" "$total_before" >"$file.tmp" && mv "$file.tmp" "$file"
  cat "$file"
  echo "results written to $file" >&2
}

verdict() { awk "BEGIN { exit !($1) }" && echo met || echo MISSED; }

report() {
  echo "Bastion CRM backup figures, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "distribution: $(realpath "$DIST"); $(nproc) cores; bench/ at commit $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "embedded H2, one server; wrk: $CONNECTIONS connections, $THREADS threads, ${WARMUP}s warm-up + ${DURATION}s per measurement"
  echo "$SEED_LINE"
  echo "load average (1/5/15 min) before: $1; after: $2 (includes this benchmark)"
  echo
  printf 'backup of %s contacts (%s rows): %.2f s; aim <= %s s: %s\n' "$3" "${result[rows]}" "${result[backup]}" \
    "$BACKUP_AIM" "$(verdict "${result[backup]} <= $BACKUP_AIM")"
  if [[ ${result[verify_result]} == VERIFIED ]]; then
    printf 'verify: %.2f s; aim <= %s s: %s\n' "${result[verify]}" "$VERIFY_AIM" "$(verdict "${result[verify]} <= $VERIFY_AIM")"
  else
    printf 'verify FAILED after %.2f s: %s\n' "${result[verify]}" "${result[verify_result]}"
  fi
  printf 'restore (the safety backup before it included), until GET /contacts answers again: %.2f s (POST answered after %.2f s); aim <= %s s: %s\n' \
    "${result[restore]}" "${result[restore_answer]}" "$RESTORE_AIM" "$(verdict "${result[restore]} <= $RESTORE_AIM")"
  echo "contacts after the restore: ${result[total_after]} (before: $3)"
  printf 'backup file: %s bytes; H2 database files (data/crm) when it was taken: %s bytes; ratio %.3f\n' \
    "${result[size]}" "${result[database]}" "$(calc "${result[size]} / (${result[database]} + 0.000001)")"
  printf 'plaintext of every part (the manifest'"'"'s bytes, the logical data size): %s bytes; backup file / plaintext %.3f\n' \
    "${result[plain]}" "$(calc "${result[size]} / (${result[plain]} + 0.000001)")"
  echo
  printf '%-8s %-9s %14s %10s %10s\n' "round" "backups" "GET by id/s" "p99 ms" "taken"
  local r state ratios=() errors=0
  for (( r = 1; r <= ROUNDS; r++ )); do
    for state in off on; do
      local read=${result[read,$state,$r]}
      printf '%-8s %-9s %14.1f %10.2f %10s\n' "$r" "$state" "$(field "$read" rps)" "$(field "$read" p99_ms)" \
        "$( [[ $state == on ]] && field "$read" backups || echo -)"
      errors=$(( errors + $(field "$read" errors) ))
    done
    ratios+=("$(printf '%.3f' "$(calc "$(field "${result[read,on,$r]}" rps) / ($(field "${result[read,off,$r]}" rps) + 0.000001)")")")
  done
  local ratio_median; ratio_median=$(median "${ratios[@]}")
  echo
  echo "GET by id req/s, during/without backups per round: ${ratios[*]} (median $ratio_median); aim >= $RATIO_AIM: $(verdict "$ratio_median >= $RATIO_AIM")"
  echo "(\"taken\": backups completed back to back during the warm-up and measurement of that round)"
  if (( errors != 0 )); then
    echo
    echo "WARNING: $errors requests failed (non-2xx, timeouts or socket errors): the figures above are suspect."
  fi
}

main
