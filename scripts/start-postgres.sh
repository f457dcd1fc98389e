#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on loopback for the tests (idempotent: a running one is reused) and prints
# its connection string on stdout; everything else goes to stderr. Nothing is exported.
#
#   bash scripts/start-postgres.sh            # -> Host=127.0.0.1;Port=55432;Username=postgres;Database=briefingbot
#   PGPORT_TEST=55433 bash scripts/start-postgres.sh
#   bash scripts/start-postgres.sh --stop
#
# Trust authentication on 127.0.0.1/::1 only, data under /tmp: for tests, never for real data.
set -euo pipefail

port="${PGPORT_TEST:-55432}"
data_dir="${PGDATA_TEST:-/tmp/briefingbot-pg-${port}}"
database="${PGDATABASE_TEST:-briefingbot}"
superuser="postgres"

log() { echo "start-postgres: $*" >&2; }

find_bin_dir() {
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo /usr/lib/postgresql/15/bin
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
  fi
}

bin_dir="$(find_bin_dir)"
if [[ -z "$bin_dir" ]]; then
  if [[ $EUID -ne 0 ]]; then
    log "PostgreSQL 15 is not installed; run as root or: sudo apt-get install -y postgresql-15"
    exit 1
  fi
  log "installing postgresql-15"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 >&2 \
    || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 >&2; }
  bin_dir="$(find_bin_dir)"
  [[ -n "$bin_dir" ]] || { log "postgresql-15 installed but initdb not found"; exit 1; }
fi

# PostgreSQL refuses to run as root: run the server as the 'postgres' system user (created if missing).
if [[ $EUID -eq 0 ]]; then
  os_user="postgres"
  if ! id -u "$os_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  fi
  as_server_user() { runuser -u "$os_user" -- "$@"; }
else
  os_user="$(id -un)"
  as_server_user() { "$@"; }
fi

# One starter at a time (several test processes may call this together). The server must not inherit fd 9, or it
# would hold the lock for its whole life: pg_ctl runs with 9>&-.
lock_file="/tmp/briefingbot-pg-${port}.lock"
exec 9>"$lock_file"
flock -w 120 9 || { log "timed out waiting for $lock_file"; exit 1; }

if [[ "${1:-}" == "--stop" ]]; then
  if [[ -f "$data_dir/postmaster.pid" ]]; then
    as_server_user "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >&2 || true
  fi
  exit 0
fi

ready() { "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; }

if ! ready; then
  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    log "initialising $data_dir"
    rm -rf "$data_dir"
    mkdir -p "$data_dir"
    chown "$os_user" "$data_dir"
    chmod 700 "$data_dir"
    # --auth=trust writes pg_hba.conf entries for the local socket, 127.0.0.1/32 and ::1/128 only.
    as_server_user "$bin_dir/initdb" -D "$data_dir" -U "$superuser" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting PostgreSQL on 127.0.0.1:$port"
  # Socket in the data dir: /var/run/postgresql may not exist or belong to another server. fsync off: throwaway data.
  as_server_user "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 9>&- || { log "pg_ctl start failed; server log:"; tail -n 30 "$data_dir/server.log" >&2 || true; exit 1; }
fi

for _ in $(seq 1 120); do
  ready && break
  sleep 0.5
done
ready || { log "PostgreSQL on 127.0.0.1:$port did not become ready"; exit 1; }

psql_admin() { "$bin_dir/psql" -X -q -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -v ON_ERROR_STOP=1 "$@"; }
if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]]; then
  psql_admin -c "CREATE DATABASE \"$database\"" >&2
fi

echo "Host=127.0.0.1;Port=$port;Username=$superuser;Database=$database"
