#!/usr/bin/env bash
# Bastion CRM crypto micro-benchmarks (not a test): builds bench/crypto-jmh offline and runs its JMH benchmarks of
# AES-256-GCM (JDK vs Bouncy Castle lightweight vs Bouncy Castle JCE), RFC 5649 key wrap and HMAC-SHA256, then prints
# ops/s per case and each implementation's ratio to the JDK measured in the same run. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/crypto-jmh.sh [--results DIR] [JMH options and benchmark regexps...]

  --results DIR   where the results files go (default bench/results)
  -h, --help      this text

Without JMH options the settings are "-f 1 -wi 3 -w 1s -i 5 -r 1s" (about 4 minutes on 2 cores); any JMH option
given replaces them all, e.g. bench/crypto-jmh.sh -f 1 -wi 5 -w 2s -i 10 -r 2s AesGcm
USAGE
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
MODULE="$BENCH_DIR/crypto-jmh"
RESULTS_DIR="$BENCH_DIR/results"
DEFAULT_SETTINGS=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
JMH_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --results) RESULTS_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) JMH_ARGS+=("$1"); shift ;;
  esac
done
if [[ ${#JMH_ARGS[@]} -eq 0 ]] || [[ ! " ${JMH_ARGS[*]}" =~ \ - ]]; then
  JMH_ARGS=("${DEFAULT_SETTINGS[@]}" "${JMH_ARGS[@]+"${JMH_ARGS[@]}"}")
fi

die() { echo "crypto-jmh: $*" >&2; exit 1; }
command -v jq >/dev/null || die "jq is missing (apt-get install jq)"
command -v java >/dev/null || die "java is missing (Java 17)"

echo "building bench/crypto-jmh (offline; its tests check that the implementations agree)..." >&2
(cd "$ROOT" && ./mvnw -o -q -B package -pl bench/crypto-jmh) \
  || die "the build failed; if JMH is not in ~/.m2 yet, build once online: ./mvnw -q -B package -pl bench/crypto-jmh"
JAR=$(ls "$MODULE"/target/crm-bench-crypto-*.jar | head -1)
CLASSPATH="$JAR:$(cat "$MODULE/target/classpath.txt")"

mkdir -p "$RESULTS_DIR"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
JSON="$RESULTS_DIR/crypto-jmh-$STAMP.json"
LOG="$RESULTS_DIR/crypto-jmh-$STAMP.log"
REPORT="$RESULTS_DIR/crypto-jmh-$STAMP.txt"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "running JMH ${JMH_ARGS[*]} (full output: $LOG)..." >&2
java -cp "$CLASSPATH" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -rf json -rff "$JSON" 2>&1 | tee "$LOG" \
  | grep --line-buffered -E '^# (Benchmark|Parameters):' >&2 || true
[[ -s $JSON ]] || die "JMH wrote no results; see $LOG"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

intrinsics=$(java -XX:+UnlockDiagnosticVMOptions -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '$2 ~ /^Use(AES|AESCTR|GHASH)Intrinsics$/ { printf "%s%s=%s", sep, $2, $4; sep = " " }')
cpu_aes=$(grep -m1 -qw aes /proc/cpuinfo 2>/dev/null && echo "AES-NI present" || echo "no AES-NI flag")

# One tab-separated line per result: operation, payload bytes (or -), implementation, ops/s, error, ratio to the JDK.
rows() {
  jq -r '
    def split_name: (.benchmark | split(".") | last) as $m
      | ($m | capture("^(?<op>encrypt|decrypt|wrap|unwrap|hmacSha256|randomNonce)(?<impl>.*)$"));
    [ .[] | split_name as $n
      | { op: ({"encrypt": "AES-GCM encrypt", "decrypt": "AES-GCM decrypt", "wrap": "key wrap (KWP)",
                 "unwrap": "key unwrap (KWP)", "hmacSha256": "HMAC-SHA256 (term)", "randomNonce": "nonce (SecureRandom)"}[$n.op]),
          impl: (if $n.impl == "" then "JDK" else $n.impl end),
          bytes: (.params.payloadBytes // "-"),
          score: .primaryMetric.score, error: .primaryMetric.scoreError } ]
    | sort_by(.op, (.bytes | tonumber? // 0), ({"Jdk": 0, "BcLightweight": 1, "Bc": 1, "BcJce": 2}[.impl] // 3))
    | . as $all
    | .[] | . as $r
    | ($all | map(select(.op == $r.op and .bytes == $r.bytes and .impl == "Jdk")) | first | .score) as $jdk
    | [ .op, .bytes, ({"Jdk": "JDK", "BcLightweight": "BC lightweight", "BcJce": "BC JCE", "Bc": "BC"}[.impl] // .impl),
        (.score | floor), (.error | if type == "number" then floor else "-" end),
        (if $jdk then (.score / $jdk * 1000 | round / 1000) else "" end) ] | @tsv' "$JSON"
}

{
  echo "Bastion CRM crypto micro-benchmarks (JMH), $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $cpu_aes"
  java -cp "$CLASSPATH" org.bastion.crm.bench.crypto.BenchEnvironment
  echo "HotSpot: $intrinsics"
  echo "JMH ${JMH_ARGS[*]}; one thread; throughput; every encrypt includes drawing its nonce from SecureRandom"
  echo "load average (1/5/15 min) before: $load_before; after: $load_after (includes the benchmark)"
  echo
  printf '%-24s %6s %-14s %12s %10s %9s %9s\n' "operation" "bytes" "implementation" "ops/s" "± (99.9%)" "us/op" "/ JDK"
  rows | while IFS=$'\t' read -r op bytes impl score error ratio; do
    printf '%-24s %6s %-14s %12s %10s %9.3f %9s\n' "$op" "$bytes" "$impl" "$score" "$error" \
      "$(awk "BEGIN { print 1e6 / $score }")" "$ratio"
  done
  echo
  # Bulk AES-GCM verdict: geometric mean over sizes and directions of each BC implementation's ratio to the JDK.
  rows | awk -F'\t' '
    $1 ~ /^AES-GCM / && $6 != "" && $3 != "JDK" { log_sum[$3] += log($6); n[$3]++; if (!($3 in min) || $6 < min[$3]) min[$3] = $6; if ($6 > max[$3]) max[$3] = $6 }
    END {
      best = "JDK"; best_ratio = 1
      for (impl in n) {
        g = exp(log_sum[impl] / n[impl])
        printf "AES-GCM %s / JDK: geometric mean %.2f over %d cases (from %.2f to %.2f)\n", impl, g, n[impl], min[impl], max[impl]
        if (g > best_ratio) { best = impl; best_ratio = g }
      }
      if (best == "JDK") print "faster for bulk AES-GCM on this machine: the JDK provider (SunJCE)"
      else printf "faster for bulk AES-GCM on this machine: %s (%.2f x the JDK)\n", best, best_ratio
    }'
  if awk "BEGIN { exit !(${load_before%% *} > 1.0) }" 2>/dev/null; then
    echo
    echo "WARNING: the machine was not idle when the benchmarks began (1-minute load ${load_before%% *}); measure again when it is quiet."
  fi
} | tee "$REPORT"
echo "results written to $REPORT (JMH's JSON: $JSON)" >&2
