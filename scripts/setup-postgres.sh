#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the PostgreSQL store tests, bound to 127.0.0.1 only, under
# target/postgres/, and prints its JDBC URL (also written to target/postgres/jdbc-url, where the tests look).
# Installs Debian's postgresql package when no server is installed (needs root, as on CI). Fast when the cluster
# is already running. Never fails the test run: without PostgreSQL it warns, exits 0, and those tests skip.
# EXHIBIT_PG_URL set: that server is used instead and nothing is started.
set -uo pipefail
cd "$(dirname "$0")/.."
state="$PWD/target/postgres"
data="$state/data"
urlfile="$state/jdbc-url"

warn() { echo "setup-postgres: $*; the PostgreSQL tests will be skipped" >&2; exit 0; }

if [[ -n "${EXHIBIT_PG_URL:-}" ]]; then echo "$EXHIBIT_PG_URL"; exit 0; fi

bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null && command -v pg_ctl >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

bin="$(bindir)"
if [[ -z "$bin" ]]; then
  command -v apt-get >/dev/null || warn "no PostgreSQL server installed and no apt-get to install one"
  [[ "$(id -u)" == 0 ]] || warn "no PostgreSQL server installed (install Debian's postgresql package, or run this as root)"
  echo "setup-postgres: installing Debian's postgresql package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1
    apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1 || warn "apt-get could not install postgresql"
  fi
  bin="$(bindir)" || warn "postgresql installed but initdb was not found"
fi

# The server refuses to run as root: run it as the package's postgres user (or nobody) when we are root.
as_user() { "$@"; }
owner="$(id -un)"
if [[ "$(id -u)" == 0 ]]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || owner=nobody
  if command -v runuser >/dev/null; then as_user() { runuser -u "$owner" -- "$@"; }
  else as_user() { su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"; }
  fi
fi

# A checkout the server's user cannot reach (a private CI folder, say) keeps its cluster under /tmp instead.
[[ -f "$state/datadir" ]] && data="$(cat "$state/datadir")"
logdir="$(dirname "$data")"
running() { [[ -f "$urlfile" && -f "$data/postmaster.pid" ]] && as_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

if running; then cat "$urlfile"; exit 0; fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null && return
  local p
  for p in $(seq 54320 54420); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}

mkdir -p "$state" || warn "cannot create $state"
if [[ ! -f "$data/PG_VERSION" ]]; then
  data="$state/data"
  [[ "$(id -u)" == 0 ]] && chown "$owner" "$state"
  if ! as_user test -w "$state"; then
    data="$(mktemp -d /tmp/exhibit-pg.XXXXXX)/data" || warn "cannot make a directory for the cluster"
    chown "$owner" "$(dirname "$data")"
    echo "$data" >"$state/datadir"
  else
    rm -f "$state/datadir"
  fi
  logdir="$(dirname "$data")"
  rm -rf "$data"
  as_user "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$state/initdb.log" 2>&1 \
    || warn "initdb failed (see $state/initdb.log)"
fi
port="$(free_port)"
[[ -n "$port" ]] || warn "no free port on 127.0.0.1"
# Loopback TCP only, no Unix socket (its default directory may not be writable), small and fast for tests.
as_user "$bin/pg_ctl" -D "$data" -l "$logdir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=off -c full_page_writes=off -c max_connections=40 -c shared_buffers=32MB" \
  start >/dev/null 2>&1 || warn "the server did not start (see $logdir/server.log)"
psql="$bin/psql"; [[ -x "$psql" ]] || psql="$(command -v psql)"
if [[ -n "$psql" ]]; then
  "$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='exhibit'" 2>/dev/null | grep -q 1 \
    || "$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE exhibit" >/dev/null 2>&1 \
    || warn "could not create the database"
  db=exhibit
else
  db=postgres
fi
url="jdbc:postgresql://127.0.0.1:$port/$db?user=postgres"
echo "$url" >"$urlfile"
echo "$url"
