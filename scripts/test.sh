#!/usr/bin/env bash
# Runs every test: unit, component, integration (real PostgreSQL), PDF (real pdftotext) and browser
# (real Chromium), then, when run without arguments, the two-instance test (scripts/two-instances.sh).
# Installs what is missing from Debian, starts a private PostgreSQL cluster in .data/postgres-test on 127.0.0.1:55433
# (RETROWALK_TEST_PG_PORT to change; each test class makes and drops its own database), and stops it after.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_debian_packages \
  /usr/lib/postgresql:postgresql \
  chromium:chromium \
  pdftotext:poppler-utils \
  "${REPORT_FONTS[@]}" \
  "$TIME_ZONES" \
  docker-compose:docker-compose \
  zbarimg:zbar-tools

# No Docker engine runs here; check at least that the compose files parse, with the example settings:
# the main file (PostgreSQL 17) alone, and with the SQL Server 2022 override; each also with the "scale" profile
# (two app instances behind nginx).
docker-compose --env-file .env.example -f docker-compose.yml config -q
docker-compose --env-file .env.example -f docker-compose.yml -f docker-compose.sqlserver.yml config -q
docker-compose --env-file .env.example -f docker-compose.yml --profile scale config -q
docker-compose --env-file .env.example -f docker-compose.yml -f docker-compose.sqlserver.yml --profile scale config -q
echo "docker-compose.yml parses, alone and with docker-compose.sqlserver.yml, with and without the scale profile."

CLUSTER="$ROOT/.data/postgres-test"
export RETROWALK_TEST_POSTGRES
RETROWALK_TEST_POSTGRES=$(start_postgres "$CLUSTER" "${RETROWALK_TEST_PG_PORT:-55433}")
trap 'stop_postgres "$CLUSTER"' EXIT
export RETROWALK_CHROMIUM=${RETROWALK_CHROMIUM:-$(command -v chromium)}

dotnet test RetroWalk.sln "$@"

# The full run (no arguments) ends with two instances behind nginx, one killed in the middle of a batch
# (scripts/two-instances.sh, about a minute, its own PostgreSQL cluster and loopback ports).
if [ $# -eq 0 ]; then
  scripts/two-instances.sh --no-build
fi
