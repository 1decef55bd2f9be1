#!/usr/bin/env bash
# Bastion CRM benchmark (not a test): time from the failed login that triggers the failed-logins rule to the alert
# on GET /api/v1/alerts/stream, p50/p99/max over SAMPLES fresh users. Needs a running CRM with crm-audit and
# crm-monitor, and an admin bearer token. Exit 0 when p99 <= 1 s, 2 above, 1 when no alert arrived.
#
# usage: bench/alert-stream-latency.sh [BASE_URL]      (default https://127.0.0.1:8443)
#   CRM_BENCH_TOKEN   an admin's bearer token (required)
#   CRM_ETC           the CRM's etc/ folder, for its self-signed certificate (default ./etc)
#   SAMPLES           alerts to time (default 30)
#   FAILURES          failed logins that trigger the rule: the failed-logins threshold in
#                     etc/org.bastion.crm.monitor.cfg (default 5)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE_URL=${1:-https://127.0.0.1:8443}
: "${CRM_BENCH_TOKEN:?set CRM_BENCH_TOKEN to an admin's bearer token}"
exec java "$BENCH_DIR/alert-stream/AlertStreamLatency.java" "$BASE_URL" "$CRM_BENCH_TOKEN" "${CRM_ETC:-etc}" \
  "${SAMPLES:-30}" "${FAILURES:-5}"
