#!/usr/bin/env bash
# PostgreSQL's image runs this once, on an empty data volume: RetroWalk's owner and app roles and its database
# (deploy/database-roles.sql). An existing volume: run that file once by hand, as below, then `migrate`.
set -euo pipefail
psql --username "$POSTGRES_USER" --dbname postgres \
  -v db=retrowalk -v owner=retrowalk_owner -v app=retrowalk_app -f /retrowalk/database-roles.sql
