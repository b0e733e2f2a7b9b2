#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster (no mock): initdb in a
# temporary folder, a server on a free port that listens only on a Unix socket in that
# folder, a database jeugdregio_test, and JEUGDREGIO_TEST_PG set to its URL for the
# command (the store and command-line tests add `&schema=...` to it). The cluster is
# stopped and the folder removed afterwards, also when the command fails; the exit
# code is the command's. As root the cluster runs as the user postgres.
# Without PostgreSQL (no initdb) the command runs without JEUGDREGIO_TEST_PG and the
# PostgreSQL tests say they are skipped.
# Usage: tests/with_postgres.sh COMMAND [ARGS...]   e.g. tests/with_postgres.sh ctest
set -u
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with_postgres: PostgreSQL (initdb) niet gevonden; de PostgreSQL-tests worden overgeslagen" >&2
  exec "$@"
fi
DIR=$(mktemp -d /tmp/jr_pg.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  AS=(runuser -u postgres --)
fi
stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop > /dev/null 2>&1
  rm -rf "$DIR"
}
trap stop EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if ! "${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync \
      > "$DIR/initdb.log" 2>&1; then
  cat "$DIR/initdb.log" >&2
  exit 1
fi
if ! "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
      "-p $PORT -k $DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start > /dev/null; then
  cat "$DIR/server.log" >&2
  exit 1
fi
"${AS[@]}" "$PGBIN/createdb" -h "$DIR" -p "$PORT" -U postgres jeugdregio_test || exit 1
export JEUGDREGIO_TEST_PG="postgresql://postgres@/jeugdregio_test?host=$DIR&port=$PORT"
export JEUGDREGIO_TEST_PG_DIR="$DIR"
"$@"
