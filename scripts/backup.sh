#!/usr/bin/env bash
# Backs up a RetroWalk PostgreSQL database with pg_dump (custom format: compressed, restorable table by table).
#
#   scripts/backup.sh DATABASE [FILE]
#
# DATABASE is a libpq connection URI or keyword string, e.g. postgresql://retrowalk@db.example:5432/retrowalk
# (the password from PGPASSWORD or ~/.pgpass, never the command line). FILE defaults to
# backups/retrowalk_<UTC date and time>.dump. The file is written next to its final name and renamed when
# complete, readable by its owner only (0600): it holds patient data and the sign-in key ring. The archive is
# read back (pg_restore --list) before the script says it is done. pg_dump must be of the server's major
# version or newer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "Usage: scripts/backup.sh DATABASE [FILE]   (DATABASE: e.g. postgresql://user@host:5432/retrowalk)" >&2
  exit 2
fi
database=$1
file=${2:-$ROOT/backups/retrowalk_$(date -u +%Y-%m-%dT%H%M%SZ).dump}

ensure_debian_packages pg_dump:postgresql-client pg_restore:postgresql-client
mkdir -p "$(dirname "$file")"
umask 077
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" --dbname="$database"
pg_restore --list "$partial" >/dev/null
chmod 600 "$partial"
mv "$partial" "$file"
trap - EXIT

echo "Backup written: $file ($(du -h "$file" | cut -f1), sha256 $(sha256sum "$file" | cut -d' ' -f1))"
