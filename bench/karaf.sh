# shellcheck shell=bash disable=SC2034,SC2153
# shellcheck disable=SC2004  # the arrays indexed by $label are associative (declared by the caller)
# Helpers for the scripts that start Karaf distributions themselves (encryption-overhead.sh, auth-overhead.sh); sourced
# after lib.sh, not run. The caller declares the associative arrays KARAF_PIDS, KARAF_HOMES, SERVER_URLS, SERVER_CACERTS
# and SERVER_TOKENS, sets TAKEN_PORTS=" " and BOOT_TIMEOUT, and calls bench_init first (the certificates go to $WORK).
#
# Each distribution is detected by its configuration, so old and new builds can be compared in one run:
# - HTTPS when etc/org.ops4j.pax.web.cfg enables the secure connector (org.osgi.service.http.secure.enabled = true),
#   plain HTTP otherwise; curl then trusts the certificate the distribution generated (exported from etc/crm-tls.p12);
# - "secured" (issue 4: a bearer token on every call) when etc/org.bastion.crm.security.cfg exists: the scratch copy gets
#   mfaRequiredRoles empty, starts with CRM_ADMIN_PASSWORD set to a random value (never printed) and the script logs in
#   as admin after the start.

# Sets FREE_PORT to a TCP port in 40000-49999 nothing listens on at 127.0.0.1 that this script has not handed out before
# (other users of the machine run Karaf on 8443, 8101, 1099, 44444 and in 2xxxx/38443).
free_port() {
  local port
  for _ in $(seq 200); do
    port=$(( 40000 + RANDOM % 10000 ))
    [[ $port == 44444 || $TAKEN_PORTS == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      TAKEN_PORTS+="$port "
      FREE_PORT=$port
      return
    fi
  done
  die "found no free port"
}

# Sets key = value in a Karaf .cfg file (replacing the key's line, or appending one).
set_cfg() {
  local file=$1 key=$2 value=$3
  if grep -qE "^[[:space:]]*${key}[[:space:]]*=" "$file"; then
    sed -i -E "s|^[[:space:]]*${key}[[:space:]]*=.*|$key = $value|" "$file"
  else
    echo "$key = $value" >>"$file"
  fi
}

# Reads key's value from a Karaf .cfg file (empty when absent).
cfg_value() { sed -n -E "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*([^[:space:]]*).*/\1/p" "$1" | tail -1; }

is_https() { [[ $(cfg_value "$1/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.secure.enabled) == true ]]; }
is_secured() { [[ -f $1/etc/org.bastion.crm.security.cfg ]]; }

# The port the CRM answers on: the secure one for an HTTPS distribution.
port_of() {
  if is_https "$1"; then
    cfg_value "$1/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure
  else
    cfg_value "$1/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port
  fi
}

# Gives the distribution in $1 free HTTP(S), SSH and RMI ports (chosen just before each start).
assign_ports() {
  local home=$1
  free_port; set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$FREE_PORT"
  free_port; set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure "$FREE_PORT"
  free_port; set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort "$FREE_PORT"
  free_port; set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$FREE_PORT"
  free_port; set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$FREE_PORT"
}

# Copies or unpacks distribution $1 into $2, with an empty data folder; a secured one gets no TOTP requirement.
prepare() {
  local source=$1 home=$2
  mkdir -p "$home"
  if [[ -d $source ]]; then
    cp -a "$source/." "$home/"
  elif [[ $source == *.tar.gz || $source == *.tgz ]]; then
    tar -xzf "$source" -C "$home" --strip-components=1
  else
    die "$source is neither a distribution folder nor a .tar.gz"
  fi
  [[ -x $home/bin/karaf && -f $home/etc/org.ops4j.pax.web.cfg ]] || die "$source is no Karaf distribution (no bin/karaf, etc/org.ops4j.pax.web.cfg)"
  rm -rf "$home/data" "$home/instances" "$home/lock" "$home/karaf.pid" "$home/etc/crm-tls.p12" "$home/etc/crm-tls.p12.password"
  mkdir -p "$home/data/tmp"
  if is_secured "$home"; then
    # a benchmark cannot type TOTP codes: the admin logs in with the password alone in this scratch copy only
    set_cfg "$home/etc/org.bastion.crm.security.cfg" mfaRequiredRoles ""
  fi
}

# Points BASE_URL, API, the curl TLS options and the bearer token at the running distribution $1.
use_server() {
  BASE_URL=${SERVER_URLS[$1]}; API="$BASE_URL/api/v1"
  CURL_TLS=()
  if [[ -n ${SERVER_CACERTS[$1]:-} ]]; then CURL_TLS=(--cacert "${SERVER_CACERTS[$1]}"); fi
  set_token "${SERVER_TOKENS[$1]:-}"
}

# Exports the certificate of the HTTPS distribution $1 (label $2) as PEM for curl, once it exists.
export_certificate() {
  local home=$1 label=$2 pem="$WORK/cert-$2.pem"
  [[ -f $home/etc/crm-tls.p12 && -f $home/etc/crm-tls.p12.password ]] || return 1
  openssl pkcs12 -in "$home/etc/crm-tls.p12" -passin "file:$home/etc/crm-tls.p12.password" -nokeys -out "$pem" 2>/dev/null \
    || return 1
  SERVER_CACERTS[$label]=$pem
}

# Starts the distribution in $1 (label $2) on free ports in the background, with the extra environment assignments
# given after it (e.g. CRM_MASTER_PASSPHRASE=...), and waits until its contacts endpoint answers (after logging in as
# admin on a secured one).
start_karaf() {
  local home=$1 label=$2 started pid; shift 2
  local env=("$@")
  assign_ports "$home"
  local scheme=http; is_https "$home" && scheme=https
  SERVER_URLS[$label]="$scheme://127.0.0.1:$(port_of "$home")"
  SERVER_TOKENS[$label]=
  if is_secured "$home"; then env+=("CRM_ADMIN_PASSWORD=$ADMIN_PASSWORD"); fi
  use_server "$label"
  echo "starting $label on $BASE_URL..." >&2
  started=$(date +%s)
  env "${env[@]+"${env[@]}"}" "$home/bin/karaf" daemon >>"$home/console.log" 2>&1 &
  pid=$!   # bin/karaf daemon execs the JVM (env execs it too): this is its process id
  KARAF_PIDS[$label]=$pid
  KARAF_HOMES[$label]=$home
  local login_failures=0
  while true; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$home/console.log" >&2; die "$label stopped during its start (see $home/data/log)"; }
    (( $(date +%s) - started < BOOT_TIMEOUT )) || { tail -20 "$home/data/log/karaf.log" >&2 2>/dev/null || true; die "$label did not answer $API/contacts within $BOOT_TIMEOUT s"; }
    sleep 1
    if [[ $scheme == https && -z ${SERVER_CACERTS[$label]:-} ]]; then
      export_certificate "$home" "$label" || continue
      use_server "$label"
    fi
    if is_secured "$home" && [[ -z ${SERVER_TOKENS[$label]} ]]; then
      api_get "$API/health" >/dev/null 2>&1 || continue
      local token status
      token=$(login admin "$ADMIN_PASSWORD") && status=ok || status=$?
      if [[ $status == ok ]]; then
        SERVER_TOKENS[$label]=$token; use_server "$label"
      elif (( status == 3 )); then
        die "$label: the admin needs TOTP although mfaRequiredRoles is empty in its copy"
      elif (( status == 2 )) && (( ++login_failures >= 3 )); then
        die "$label: the admin cannot log in with the benchmark's password (see $home/data/log/karaf.log)"
      else
        continue
      fi
    fi
    api_get "$API/contacts?page=0&size=1" 2>/dev/null | jq -e '.total' >/dev/null 2>&1 && break
  done
  echo "  $label answers after $(( $(date +%s) - started )) s" >&2
}

# Stops distribution $1 if this script started it (bin/stop, then TERM, then KILL to the process it started).
stop_karaf() {
  local label=$1 pid=${KARAF_PIDS[$1]:-} i
  [[ -n $pid ]] || return 0
  "${KARAF_HOMES[$label]}/bin/stop" >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 120); do
    kill -0 "$pid" 2>/dev/null || break
    (( i == 60 )) && kill -TERM "$pid" 2>/dev/null
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
  unset "KARAF_PIDS[$label]"
}

# Median of the numbers given.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
