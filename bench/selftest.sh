#!/usr/bin/env bash
# Checks bench/run.sh's own logic against bench/stub-server.py (a tiny in-memory stand-in for the REST API, plain HTTP,
# requiring a bearer token as the CRM does since issue 4): logs in, seeds a few thousand contacts, runs every
# measurement briefly and checks that a complete results file appears. The figures describe the Python stub, not the CRM.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORT=${1:-18181}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/crm-bench-selftest.XXXXXX")
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

python3 "$BENCH_DIR/stub-server.py" "$PORT" "$PASSWORD" &
STUB_PID=$!
trap 'kill "$STUB_PID" 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done

fail() { echo "selftest FAILED: $*" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/contacts?page=0&size=1")
[[ $status == 401 ]] || fail "the stub answered $status, not 401, to a request without a token"
if CRM_BENCH_PASSWORD=wrong "$BENCH_DIR/run.sh" --user bench --contacts 10 --results "$OUT" "http://127.0.0.1:$PORT" 2>/dev/null; then
  fail "run.sh went on with a wrong password"
fi

CRM_BENCH_PASSWORD=$PASSWORD "$BENCH_DIR/run.sh" --user bench --contacts 3000 --duration 2 --warmup 1 --results "$OUT" \
  "http://127.0.0.1:$PORT"

file=$(ls "$OUT"/*.txt)
grep -q '^seeded 3000 contacts' "$file" || grep -q '^seeded 300[0-9] contacts' "$file" || fail "seeding line missing or wrong"
for label in "bearer token on every request" "yardstick GET /api/v1/docs/initializer.js" "GET /api/v1/health (runs a DB query)" \
             "GET /api/v1/contacts/{id}" "GET /api/v1/contacts?page=N" "POST /api/v1/contacts" \
             "GET by id / yardstick" "creates/s with 8 connections" "list page p99 ms, 1 connection"; do
  grep -qF "$label" "$file" || fail "no line '$label'"
done
grep -q 'requests failed' "$file" && fail "requests failed against the stub"
echo "selftest passed: bench/run.sh logged in, seeded, measured and wrote a complete results file"
