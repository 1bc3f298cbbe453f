#!/usr/bin/env bash
# Runs RetroWalk with demo data at http://127.0.0.1:${RETROWALK_PORT:-5209}.
# Without ConnectionStrings__RetroWalk it starts (and reuses) a private PostgreSQL cluster in .data/postgres
# on 127.0.0.1:${RETROWALK_PG_PORT:-55432}, installing Debian's postgresql if missing. Ctrl+C stops the app;
# the database keeps running for the next start until `scripts/run.sh stop`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PORT=${RETROWALK_PORT:-5209}
PG_PORT=${RETROWALK_PG_PORT:-55432}
CLUSTER="$ROOT/.data/postgres"

if [ "${1:-}" = stop ]; then
  if is_postgres_running "$CLUSTER"; then
    stop_postgres "$CLUSTER"
    echo "Stopped the private PostgreSQL in .data/postgres (its data stays there for the next start)."
  else
    echo "The private PostgreSQL in .data/postgres is not running."
  fi
  exit 0
fi

ensure_debian_packages "${REPORT_FONTS[@]}" "$TIME_ZONES" curl:curl

if [ -z "${ConnectionStrings__RetroWalk:-}" ]; then
  start_postgres "$CLUSTER" "$PG_PORT" >/dev/null
  PG_PORT=$(postgres_port "$CLUSTER")
  # Two roles: the owner applies the migrations, the app runs as a role that owns nothing and may only read and
  # append to the audit trail and the access log.
  ensure_database_roles "$PG_PORT" retrowalk retrowalk_owner retrowalk_app "$CLUSTER"
  export ConnectionStrings__RetroWalkOwner
  ConnectionStrings__RetroWalkOwner=$(role_connection "$PG_PORT" retrowalk retrowalk_owner "$CLUSTER")
  export ConnectionStrings__RetroWalk
  ConnectionStrings__RetroWalk=$(role_connection "$PG_PORT" retrowalk retrowalk_app "$CLUSTER")
  echo "Database: private PostgreSQL in .data/postgres (127.0.0.1:$PG_PORT, database retrowalk, app role retrowalk_app); 'scripts/run.sh stop' stops it."
fi

echo "Building RetroWalk (first time takes a few minutes)..."
dotnet build RetroWalk.App.slnf -nologo -v minimal
echo "Starting RetroWalk (applying database migrations and demo data)..."

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Jobs__ResultsDirectory=${Jobs__ResultsDirectory:-$ROOT/.data/job-results}

# Run the built app from its project folder (its content root), as `dotnet run` would.
(cd src/RetroWalk.Web && exec dotnet bin/Debug/net10.0/RetroWalk.Web.dll) &
app=$!
trap 'kill -TERM "$app" 2>/dev/null || true' INT TERM

# Wait until it answers; say so if it stops first.
until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/health" 2>/dev/null; do
  if ! kill -0 "$app" 2>/dev/null; then
    status=0
    wait "$app" || status=$?
    echo "RetroWalk stopped before it answered (exit code $status); see the messages above." >&2
    exit $((status == 0 ? 1 : status))
  fi
  sleep 1
done

cat <<TXT

RetroWalk is running at http://127.0.0.1:$PORT  (Ctrl+C stops it)
Demo sign-ins (Development only):
  Clinic administrator  admin@riverside.example       Demo-Admin-2026  (asks to set up an authenticator app first)
  Therapist             therapist@riverside.example   Demo-Therapist-2026
  Therapist             therapist2@riverside.example  Demo-Therapist2-2026

TXT
status=0
wait "$app" || status=$?
# A second wait: the first returns early when Ctrl+C runs the trap.
wait "$app" 2>/dev/null || true
exit "$status"
