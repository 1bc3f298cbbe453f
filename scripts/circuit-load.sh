#!/usr/bin/env bash
# Measures what interactive circuits cost (README, "Scale: circuits"): runs RetroWalk (Release, Production settings)
# on the demo data with a private PostgreSQL in .data/postgres-load, then benchmarks/RetroWalk.CircuitLoad against
# it on loopback, and stops both. Arguments go to the load client, e.g.
#   scripts/circuit-load.sh --page "" --counts 1000,2000,3000,4000,5000
# Ports: RETROWALK_LOAD_PG_PORT (default 55452), RETROWALK_LOAD_PORT (default 5182).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PORT=${RETROWALK_LOAD_PORT:-5182}
PG_PORT=${RETROWALK_LOAD_PG_PORT:-55452}
CLUSTER="$ROOT/.data/postgres-load"
ensure_debian_packages "${REPORT_FONTS[@]}" "$TIME_ZONES" curl:curl

# Ten thousand circuits are ten thousand sockets in the server and as many in the client.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt 12000 ]; then
  echo "Open files are limited to $(ulimit -n); 10,000 circuits need more than 12,000 (raise the hard limit)." >&2
fi

start_postgres "$CLUSTER" "$PG_PORT" >/dev/null
trap 'stop_postgres "$CLUSTER"' EXIT
ensure_database_roles "$PG_PORT" retrowalk retrowalk_owner retrowalk_app "$CLUSTER"
export ConnectionStrings__RetroWalkOwner ConnectionStrings__RetroWalk
ConnectionStrings__RetroWalkOwner=$(role_connection "$PG_PORT" retrowalk retrowalk_owner "$CLUSTER")
ConnectionStrings__RetroWalk=$(role_connection "$PG_PORT" retrowalk retrowalk_app "$CLUSTER")
export Jobs__ResultsDirectory="$ROOT/.data/job-results-load"

dotnet build RetroWalk.App.slnf -c Release -nologo -v quiet
dotnet build benchmarks/RetroWalk.CircuitLoad -c Release -nologo -v quiet
APP="$ROOT/src/RetroWalk.Web/bin/Release/net10.0/RetroWalk.Web.dll"
CLIENT="$ROOT/benchmarks/RetroWalk.CircuitLoad/bin/Release/net10.0/RetroWalk.CircuitLoad.dll"

# start_app ENVIRONMENT: the app on 127.0.0.1:PORT; sets $app to its process id once it answers.
start_app() {
  (cd src/RetroWalk.Web && ASPNETCORE_ENVIRONMENT=$1 ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    Logging__LogLevel__Default=Warning Database__MigrateOnStartup=true exec dotnet "$APP") &
  app=$!
  until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/health" 2>/dev/null; do
    kill -0 "$app" 2>/dev/null || { echo "RetroWalk stopped before it answered." >&2; exit 1; }
    sleep 1
  done
}
stop_app() { kill -TERM "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }

# The demo data is seeded only in Development: seed once, then run as in production.
start_app Development
stop_app
start_app Production
trap 'stop_app; stop_postgres "$CLUSTER"' EXIT
echo "RetroWalk (Release, Production) is process $app on 127.0.0.1:$PORT."
dotnet "$CLIENT" --url "http://127.0.0.1:$PORT/" --server-pid "$app" "$@"
