#!/usr/bin/env bash
# Shared by scripts/run.sh and scripts/test.sh: installs what RetroWalk needs from Debian and
# starts a private PostgreSQL cluster (git-ignored, loopback only, password in the cluster folder).
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The PDF reports' fonts: DejaVu Sans for most scripts, Noto Sans Hebrew and Arabic, WenQuanYi Micro Hei for
# Chinese, Japanese and Korean (deploy/Dockerfile installs the same packages).
# The IANA time zone database: each clinic's "today" is computed in its own zone (e.g. Europe/Warsaw).
TIME_ZONES=/usr/share/zoneinfo/Europe/Warsaw:tzdata

REPORT_FONTS=(
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
  /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf:fonts-noto-core
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc:fonts-wqy-microhei
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_debian_packages PATH_OR_COMMAND:PACKAGE ...  installs each package whose file/command is missing.
ensure_debian_packages() {
  local missing=() pair probe package
  for pair in "$@"; do
    probe=${pair%%:*}
    package=${pair#*:}
    if [ ! -e "$probe" ] && ! command -v "$probe" >/dev/null 2>&1; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing from Debian: ${missing[*]}"
    as_root apt-get update -qq
    # Server packages (postgresql, nginx) would start the system's own service, listening beyond loopback; RetroWalk
    # starts private ones itself. A policy-rc.d that refuses every start keeps them stopped (unless one is in place).
    local policy=/usr/sbin/policy-rc.d guarded=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
      as_root chmod 755 "$policy"
      guarded=yes
    fi
    local status=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
    if [ -n "$guarded" ]; then as_root rm -f "$policy"; fi
    return "$status"
  fi
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# start_postgres DIR PORT: creates the cluster on first use, starts it if stopped, and prints a
# server-level connection string (no database) on stdout.
start_postgres() {
  local dir=$1 port=$2 bin runas=()
  ensure_debian_packages /usr/lib/postgresql:postgresql
  bin=$(postgres_bin)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root.
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    runas=(runuser -u postgres --)
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pwfile
    pwfile=$(mktemp)
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$pwfile"
    chmod 644 "$pwfile"
    "${runas[@]}" "$bin/initdb" -D "$dir" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >/dev/null
    cp "$pwfile" "$dir.password"
    chmod 600 "$dir.password"
    rm -f "$pwfile"
  fi
  if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null; then
      echo "PostgreSQL in $dir did not start on 127.0.0.1:$port (is the port taken by another server?). See $dir/server.log" >&2
      tail -n 5 "$dir/server.log" >&2 || true
      return 1
    fi
  fi
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s' "$(postgres_port "$dir")" "$(cat "$dir.password")"
}

# is_postgres_running DIR
is_postgres_running() {
  local dir=$1 bin runas=()
  [ -f "$dir/PG_VERSION" ] || return 1
  bin=$(postgres_bin)
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

# postgres_port DIR: the port a running cluster listens on (it keeps the one it was started with).
postgres_port() {
  local dir=$1 runas=()
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" sed -n 4p "$dir/postmaster.pid"
}

stop_postgres() {
  local dir=$1 bin runas=()
  bin=$(postgres_bin)
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
}

# ensure_database_roles PORT DATABASE OWNER APP SECRETS: the database and its two roles (deploy/database-roles.sql):
# OWNER owns the database and its tables (migrations), APP is the running app's least-privileged role. Each role's
# password is generated once and kept in SECRETS.ROLE.password (readable by this user only).
ensure_database_roles() {
  local port=$1 db=$2 owner=$3 app=$4 secrets=$5 role
  for role in "$owner" "$app"; do
    if [ ! -s "$secrets.$role.password" ]; then
      (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$secrets.$role.password")
    fi
  done
  RETROWALK_OWNER_PASSWORD=$(cat "$secrets.$owner.password") RETROWALK_APP_PASSWORD=$(cat "$secrets.$app.password") \
    psql -h /tmp -p "$port" -U postgres -d postgres -q -v db="$db" -v owner="$owner" -v app="$app" \
    -f "$ROOT/deploy/database-roles.sql" >/dev/null
}

# role_connection PORT DATABASE ROLE SECRETS: a connection string for that role (see ensure_database_roles).
role_connection() {
  local port=$1 db=$2 role=$3 secrets=$4
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$port" "$db" "$role" "$(cat "$secrets.$role.password")"
}
