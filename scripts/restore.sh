#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database, in one transaction: either everything is
# restored or nothing is.
#
#   scripts/restore.sh FILE DATABASE
#
# DATABASE is a libpq connection URI or keyword string of a database that exists and has no tables (create it
# first, e.g. createdb -O retrowalk retrowalk_restored). The script refuses a database that already holds tables,
# so a restore can never mix with, or overwrite, live data. Point the app at the restored database afterwards
# (ConnectionStrings__RetroWalk); it applies no migrations of its own unless told to.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -ne 2 ]; then
  echo "Usage: scripts/restore.sh FILE DATABASE   (DATABASE: an existing, empty database)" >&2
  exit 2
fi
file=$1
database=$2

ensure_debian_packages psql:postgresql-client pg_restore:postgresql-client
if [ ! -f "$file" ]; then
  echo "No backup file at $file." >&2
  exit 1
fi
pg_restore --list "$file" >/dev/null

tables=$(psql --dbname="$database" --no-psqlrc --tuples-only --no-align --command \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ]; then
  echo "The target database already has $tables tables. Restore only into a new, empty database." >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"
echo "Restored $file: $(psql --dbname="$database" --no-psqlrc --tuples-only --no-align --command \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") tables."
