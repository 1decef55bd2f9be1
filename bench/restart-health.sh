#!/bin/bash
# Restarts a scratch copy of the distribution ROUNDS times (kill -9 between starts, as the crash suite does) and prints,
# per start: the time to the first 200 of /api/v1/health (or the last status after 240 s), and running counts from
# karaf.log of pax-web controller restarts, whiteboard deployment errors of the CRM application, and WhiteboardRepair
# re-registrations. Usage: bench/restart-health.sh <distribution zip> <rounds> [work dir]. Ports 38080/38443/38101/
# 38099/38444 must be free. Not a test: evidence for issue 11 (an application the whiteboard failed to deploy).
set -u
ZIP=$(realpath "$1"); ROUNDS=$2; W=${3:-/tmp/crm-restart-health}
rm -rf "$W"; mkdir -p "$W"; cd "$W"; unzip -q "$ZIP"; HOME_DIR=$(ls -d "$W"/*/ | head -1); cd "$HOME_DIR" || exit 1
put() { f=etc/$1; grep -v "^#\?\s*$2\s*=" "$f" > "$f.tmp" 2>/dev/null; echo "$2 = $3" >> "$f.tmp"; mv "$f.tmp" "$f"; }
put org.ops4j.pax.web.cfg org.osgi.service.http.port.secure 38443
put org.ops4j.pax.web.cfg org.osgi.service.http.port 38080
put org.apache.karaf.shell.cfg sshPort 38101
put org.apache.karaf.management.cfg rmiRegistryPort 38099
put org.apache.karaf.management.cfg rmiServerPort 38444
put org.apache.karaf.features.cfg updateSnapshots none
put org.ops4j.pax.url.mvn.cfg org.ops4j.pax.url.mvn.offline true
export CRM_ADMIN_PASSWORD="Restart-first-$RANDOM-$RANDOM-x" CRM_MASTER_PASSPHRASE="restart-master-$RANDOM-$RANDOM"
unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC JAVA_OPTS EXTRA_JAVA_OPTS
LOG=data/log/karaf.log
for r in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N); bin/karaf server > "$W/console-$r.log" 2>&1 & script=$!
  while :; do
    code=$(curl -sk -o /dev/null -w '%{http_code}' --max-time 2 https://127.0.0.1:38443/api/v1/health)
    [ "$code" = 200 ] && break
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -gt 240 ] && break
    sleep 0.2
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  restarts=$(grep -c "Stopping current server controller" $LOG)
  errored=$(grep -c "change controller.*AriesJaxrsServiceRuntime.*Application CachingServiceReference" $LOG)
  repaired=$(grep -c "WhiteboardRepair.*registering it again" $LOG)
  echo "$(date -u +%T) start $r: health $code after $ms ms; so far: controller restarts $restarts," \
       "application errored $errored, repaired $repaired; load $(cut -d' ' -f1 /proc/loadavg)"
  jvm=$(pgrep -P $script java | head -1)
  [ -n "$jvm" ] && kill -9 "$jvm"; wait $script 2>/dev/null
done
