#!/usr/bin/env bash
# Runs RetroWalk with demo data. Without ConnectionStrings__RetroWalk it starts (and reuses) a private
# PostgreSQL cluster in .data/postgres on 127.0.0.1:55432, installing Debian's postgresql if missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PORT=${RETROWALK_PORT:-5209}
ensure_debian_packages "${REPORT_FONTS[@]}"

if [ -z "${ConnectionStrings__RetroWalk:-}" ]; then
  server=$(start_postgres "$ROOT/.data/postgres" 55432)
  create_database 55432 retrowalk
  export ConnectionStrings__RetroWalk="$server;Database=retrowalk"
  echo "Database: private PostgreSQL in .data/postgres (127.0.0.1:55432, database retrowalk)."
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export DataProtection__KeysDirectory=${DataProtection__KeysDirectory:-$ROOT/.keys}

cat <<TXT

RetroWalk is starting at http://127.0.0.1:$PORT  (Ctrl+C stops it)
Demo sign-ins (Development only):
  Clinic administrator  admin@riverside.example       Demo-Admin-2026
  Therapist             therapist@riverside.example   Demo-Therapist-2026
  Therapist             therapist2@riverside.example  Demo-Therapist2-2026

TXT
exec dotnet run --project src/RetroWalk.Web --no-launch-profile
