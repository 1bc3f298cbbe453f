#!/usr/bin/env bash
# Two RetroWalk instances behind nginx (deploy/nginx.conf), sharing one PostgreSQL, all on loopback:
#   - signs in through the proxy with the real sign-in form, opens a page, and opens the circuit's WebSocket;
#   - starts a report batch through the proxy (POST /reports/batches), finds the instance that claimed it in the
#     jobs table, kills that instance (SIGKILL) while the batch is half done;
#   - shows the other instance taking the batch over and finishing it, downloads the ZIP through the proxy and
#     counts its PDFs, and shows the same cookie still signed in (and its circuit WebSocket opening) on the
#     surviving instance.
# Exits non-zero at the first failure; stops everything it started on exit. Ports (all 127.0.0.1):
# RETROWALK_TWO_PG_PORT (55453), RETROWALK_TWO_APP_PORTS ("5191 5192"), RETROWALK_TWO_PROXY_PORT (5190).
# --no-build skips building (scripts/test.sh has just built everything). RETROWALK_TWO_TIMEOUT bounds the run (300 s).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PG_PORT=${RETROWALK_TWO_PG_PORT:-55453}
read -r -a APP_PORTS <<< "${RETROWALK_TWO_APP_PORTS:-5191 5192}"
PROXY_PORT=${RETROWALK_TWO_PROXY_PORT:-5190}
LIMIT=${RETROWALK_TWO_TIMEOUT:-300}
PROXY="http://127.0.0.1:$PROXY_PORT"
WORK="$ROOT/.data/two-instances"
CLUSTER="$WORK/postgres"
RUN="$WORK/run"
DB=retrowalk_two
APP_DLL="$ROOT/src/RetroWalk.Web/bin/Debug/net10.0/RetroWalk.Web.dll"
STARTED=$SECONDS

ensure_debian_packages /usr/sbin/nginx:nginx envsubst:gettext-base curl:curl python3:python3-minimal "${REPORT_FONTS[@]}" "$TIME_ZONES"

step() { printf '[%3ds] %s\n' $((SECONDS - STARTED)) "$*"; }
fail() {
  printf '[%3ds] FAILED: %s\n' $((SECONDS - STARTED)) "$*" >&2
  for name in app-1 app-2; do
    [ -f "$RUN/$name.log" ] && { echo "--- last lines of $name.log" >&2; tail -n 15 "$RUN/$name.log" >&2; }
  done
  exit 1
}

declare -A APP_PID=()
NGINX_PID=""
WATCHDOG=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -n "$WATCHDOG" ] && kill "$WATCHDOG" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
  for name in "${!APP_PID[@]}"; do
    kill -TERM "${APP_PID[$name]}" 2>/dev/null || true
  done
  for name in "${!APP_PID[@]}"; do
    wait "${APP_PID[$name]}" 2>/dev/null || true
  done
  [ -n "$NGINX_PID" ] && wait "$NGINX_PID" 2>/dev/null || true
  stop_postgres "$CLUSTER"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'echo "Stopped after ${LIMIT}s (RETROWALK_TWO_TIMEOUT)." >&2; exit 124' TERM
# The whole run is bounded: the watchdog stops this script, whose exit trap stops everything else.
# It holds no output open (a pipe reading this script's output ends with the script).
( trap 'kill "$nap" 2>/dev/null; exit 0' TERM; sleep "$LIMIT" & nap=$!; wait "$nap"; kill -TERM $$ ) >/dev/null 2>&1 &
WATCHDOG=$!

rm -rf "$RUN"
mkdir -p "$RUN/job-results" "$RUN/nginx"
chmod 700 "$RUN/job-results"

if [ "${1:-}" != --no-build ]; then
  step "Building"
  dotnet build RetroWalk.App.slnf -nologo -v quiet >"$RUN/build.log" 2>&1 || { tail -n 20 "$RUN/build.log" >&2; fail "build"; }
fi
[ -f "$APP_DLL" ] || fail "$APP_DLL is missing: build first (or leave out --no-build)"

step "PostgreSQL on 127.0.0.1:$PG_PORT (.data/two-instances/postgres), a fresh database $DB"
start_postgres "$CLUSTER" "$PG_PORT" >/dev/null
PG_PORT=$(postgres_port "$CLUSTER")
psql -h /tmp -p "$PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
ensure_database_roles "$PG_PORT" "$DB" retrowalk_owner retrowalk_app "$CLUSTER"
OWNER_CONNECTION=$(role_connection "$PG_PORT" "$DB" retrowalk_owner "$CLUSTER")
APP_CONNECTION=$(role_connection "$PG_PORT" "$DB" retrowalk_app "$CLUSTER")
sql() { psql -h /tmp -p "$PG_PORT" -U postgres -d "$DB" -XAtqc "$1"; }

step "Migrating"
(cd src/RetroWalk.Web && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__RetroWalkOwner="$OWNER_CONNECTION" \
  ConnectionStrings__RetroWalk="$APP_CONNECTION" dotnet "$APP_DLL" migrate >"$RUN/migrate.log" 2>&1) \
  || { tail -n 20 "$RUN/migrate.log" >&2; fail "migrate"; }

# start_instance NAME PORT SEED: one app instance on loopback, logging to $RUN/NAME.log. Both share the database
# and the results folder; jobs beat their hearts every second and a silent one is taken over after five.
start_instance() {
  local name=$1 port=$2 seed=$3
  (cd src/RetroWalk.Web && exec env \
    ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__RetroWalk="$APP_CONNECTION" \
    Database__MigrateOnStartup=false \
    Demo__Seed="$seed" \
    Jobs__ResultsDirectory="$RUN/job-results" \
    Jobs__HeartbeatInterval=00:00:01 \
    Jobs__StaleAfter=00:00:05 \
    Jobs__PollInterval=00:00:01 \
    ReverseProxy__KnownProxies__0=127.0.0.1 \
    OTEL_RESOURCE_ATTRIBUTES="service.instance.id=$name" \
    Logging__LogLevel__Default=Information \
    dotnet "$APP_DLL" >"$RUN/$name.log" 2>&1) &
  APP_PID[$name]=$!
}

# wait_ready NAME PORT: until the instance's readiness probe answers 200 (it is killed or times out otherwise).
wait_ready() {
  local name=$1 port=$2
  until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
    kill -0 "${APP_PID[$name]}" 2>/dev/null || fail "$name stopped before it was ready"
    sleep 0.5
  done
}

# The first instance seeds the demo clinic; the second starts once it is there (seeding is not meant to race).
step "Starting app-1 on 127.0.0.1:${APP_PORTS[0]} (seeds the demo clinic)"
start_instance app-1 "${APP_PORTS[0]}" true
wait_ready app-1 "${APP_PORTS[0]}"
step "Starting app-2 on 127.0.0.1:${APP_PORTS[1]}"
start_instance app-2 "${APP_PORTS[1]}" false
wait_ready app-2 "${APP_PORTS[1]}"

step "nginx on 127.0.0.1:$PROXY_PORT with deploy/nginx.conf"
RETROWALK_LISTEN="127.0.0.1:$PROXY_PORT" RETROWALK_APP_1="127.0.0.1:${APP_PORTS[0]}" RETROWALK_APP_2="127.0.0.1:${APP_PORTS[1]}" \
  envsubst '${RETROWALK_LISTEN} ${RETROWALK_APP_1} ${RETROWALK_APP_2}' < deploy/nginx.conf > "$RUN/nginx/retrowalk.conf"
# A main configuration of the test's own: unprivileged paths, and an access log naming the instance that answered.
cat > "$RUN/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $RUN/nginx/nginx.pid;
error_log $RUN/nginx/error.log warn;
events { worker_connections 256; }
http {
    log_format upstream '\$request_method \$uri \$status \$upstream_addr';
    access_log $RUN/nginx/access.log upstream;
    client_body_temp_path $RUN/nginx/body;
    proxy_temp_path $RUN/nginx/proxy;
    fastcgi_temp_path $RUN/nginx/fastcgi;
    uwsgi_temp_path $RUN/nginx/uwsgi;
    scgi_temp_path $RUN/nginx/scgi;
    include $RUN/nginx/retrowalk.conf;
}
CONF
nginx -t -q -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" 2>"$RUN/nginx/check.log" || { cat "$RUN/nginx/check.log" >&2; fail "nginx -t"; }
nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" 2>>"$RUN/nginx/error.log" &
NGINX_PID=$!
until curl -fsS -o /dev/null --max-time 5 "$PROXY/health/ready" 2>/dev/null; do
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$RUN/nginx/error.log" >&2; fail "nginx stopped"; }
  sleep 0.2
done

JAR="$RUN/cookies.txt"
# instance_of PATH: the instance that answered the last proxied request for PATH (from nginx's access log).
instance_of() {
  local upstream
  upstream=$(grep " $1 " "$RUN/nginx/access.log" | tail -n 1 | awk '{print $NF}')
  case "$upstream" in
    *":${APP_PORTS[0]}") echo app-1 ;;
    *":${APP_PORTS[1]}") echo app-2 ;;
    *) echo "unknown ($upstream)" ;;
  esac
}

step "Signing in through the proxy as the demo therapist (sign-in form with its antiforgery token)"
curl -fsS -c "$JAR" -b "$JAR" --max-time 30 "$PROXY/Account/Login" -o "$RUN/login.html" || fail "GET /Account/Login"
form=(--data-urlencode "Input.Email=therapist@riverside.example" --data-urlencode "Input.Password=Demo-Therapist-2026")
# The hidden fields of the form (antiforgery token, form name), as a browser would post them.
while IFS=$'\t' read -r name value; do
  form+=(--data-urlencode "$name=$value")
done < <(python3 - "$RUN/login.html" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for tag in re.findall(r"<input[^>]*>", page):
    if re.search(r'type="hidden"', tag):
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            print(f"{html.unescape(name.group(1))}\t{html.unescape(value.group(1)) if value else ''}")
PY
)
status=$(curl -sS -c "$JAR" -b "$JAR" --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}' "${form[@]}" "$PROXY/Account/Login")
[[ $status == 302* ]] || fail "sign-in answered $status, not a redirect"
grep -q 'RetroWalk.Auth' "$JAR" || fail "no sign-in cookie after signing in"
SIGNED_IN_ON=$(instance_of /Account/Login)

# signed_in PATH: the page answers 200 for the cookie (a signed-out browser is sent to the sign-in page).
signed_in() {
  local code
  code=$(curl -sS -b "$JAR" -c "$JAR" --max-time 30 -o "$RUN/page.html" -w '%{http_code}' "$PROXY$1")
  [ "$code" = 200 ] && grep -q 'Maria Santos' "$RUN/page.html"
}
# circuit_socket: negotiates a Blazor circuit connection and opens its WebSocket through the proxy (101).
circuit_socket() {
  local token code
  token=$(curl -fsS -b "$JAR" -c "$JAR" --max-time 30 -X POST -H 'Content-Length: 0' "$PROXY/_blazor/negotiate?negotiateVersion=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["connectionToken"])') || return 1
  code=$(curl -sS -b "$JAR" --http1.1 --max-time 3 -o /dev/null -w '%{http_code}' \
    -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
    -H "Sec-WebSocket-Key: $(head -c 16 /dev/urandom | base64)" "$PROXY/_blazor?id=$token" 2>/dev/null || true)
  [ "$code" = 101 ]
}

signed_in /reports/batch || fail "the batch page did not open signed in through the proxy"
step "Signed in on $SIGNED_IN_ON; the batch page opens through the proxy ($(instance_of /reports/batch))"
circuit_socket || fail "the circuit's WebSocket did not open through the proxy"
step "The circuit's WebSocket opens through the proxy (101, $(instance_of /_blazor))"

step "Starting a report batch through the proxy (every programme of the last 100 days)"
today=$(date -u +%F)
from=$(date -u -d "$today - 100 days" +%F)
curl -sS -b "$JAR" -c "$JAR" --max-time 30 -o "$RUN/batch.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"from\":\"$from\",\"to\":\"$today\"}" "$PROXY/reports/batches" > "$RUN/batch.status"
[ "$(cat "$RUN/batch.status")" = 202 ] || fail "POST /reports/batches answered $(cat "$RUN/batch.status"): $(cat "$RUN/batch.json")"
JOB=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$RUN/batch.json")

# pid_instance PID: which instance a worker name's process id belongs to.
pid_instance() {
  local name
  for name in "${!APP_PID[@]}"; do
    [ "${APP_PID[$name]}" = "$1" ] && { echo "$name"; return; }
  done
  echo "unknown (pid $1)"
}
# job: State|Done|Total|Attempts|pid of the claiming worker (its name is machine/pid/random).
job() { sql "SELECT \"State\" || '|' || \"Done\" || '|' || \"Total\" || '|' || \"Attempts\" || '|' || coalesce(split_part(\"ClaimedBy\", '/', 2), '') FROM \"BackgroundJobs\" WHERE \"Id\" = '$JOB'"; }

# Half done: kill the instance that claimed it.
while :; do
  IFS='|' read -r state done total attempts pid <<< "$(job)"
  case "$state" in
    Running) [ "$total" -gt 0 ] && [ "$done" -ge 1 ] && break ;;
    Queued) ;;
    *) fail "the batch ended ($state, $done of $total) before it could be interrupted" ;;
  esac
  sleep 0.1
done
VICTIM=$(pid_instance "$pid")
[ -n "${APP_PID[$VICTIM]:-}" ] || fail "the batch was claimed by $VICTIM, not by one of the two instances"
kill -KILL "${APP_PID[$VICTIM]}"
wait "${APP_PID[$VICTIM]}" 2>/dev/null || true
unset "APP_PID[$VICTIM]"
SURVIVOR=$([ "$VICTIM" = app-1 ] && echo app-2 || echo app-1)
IFS='|' read -r state done_at_kill total _ _ <<< "$(job)"
step "$VICTIM claimed batch $JOB; killed it (SIGKILL) at $done_at_kill of $total reports"
[ "$done_at_kill" -lt "$total" ] || fail "the batch had already written every report when its instance was killed"

step "Waiting for $SURVIVOR to take the batch over (its heartbeat goes stale after 5 s) and finish it"
while :; do
  code=$(curl -sS -b "$JAR" -c "$JAR" --max-time 30 -o "$RUN/status.json" -w '%{http_code}' "$PROXY/reports/batches/$JOB" || true)
  [ "$code" = 200 ] || fail "the batch's status answered $code through the proxy after $VICTIM died"
  state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$RUN/status.json")
  case "$state" in
    Completed) break ;;
    Queued|Running) sleep 0.5 ;;
    *) fail "the batch ended as $state: $(cat "$RUN/status.json")" ;;
  esac
done
IFS='|' read -r state done total attempts pid <<< "$(job)"
FINISHER=$(pid_instance "$pid")
[ "$FINISHER" = "$SURVIVOR" ] || fail "the batch was finished by $FINISHER, not by $SURVIVOR"
[ "$attempts" = 2 ] || fail "the batch took $attempts attempts, not 2"
step "$FINISHER finished the batch on attempt $attempts: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["message"])' "$RUN/status.json")"

download=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["download"])' "$RUN/status.json")
code=$(curl -sS -b "$JAR" -c "$JAR" --max-time 60 -o "$RUN/batch.zip" -w '%{http_code}' "$PROXY$download")
[ "$code" = 200 ] || fail "the ZIP answered $code through the proxy"
pdfs=$(python3 - "$RUN/batch.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    assert all(z.read(n).startswith(b"%PDF-") for n in names), "an entry is not a PDF"
    print(len(names))
PY
) || fail "the ZIP is not a ZIP of PDFs"
[ "$pdfs" = "$total" ] || fail "the ZIP holds $pdfs PDFs, the batch $total reports"
step "Downloaded the ZIP through the proxy: $pdfs PDFs ($(instance_of "$download"))"

signed_in /reports/batch || fail "the cookie is no longer signed in through the proxy after $VICTIM died"
[ "$(instance_of /reports/batch)" = "$SURVIVOR" ] || fail "the page was served by $(instance_of /reports/batch), not $SURVIVOR"
circuit_socket || fail "the circuit's WebSocket did not open on $SURVIVOR"
step "The same cookie is still signed in on $SURVIVOR, and a new circuit's WebSocket opens there"

cat <<TXT

Two instances: PASSED in $((SECONDS - STARTED)) s
  signed in through nginx on $SIGNED_IN_ON; batch of $total reports claimed by $VICTIM, killed at $done_at_kill of $total;
  $SURVIVOR took it over (attempt $attempts) and finished it; ZIP of $pdfs PDFs downloaded through the proxy;
  the same sign-in cookie still works on $SURVIVOR.
TXT
