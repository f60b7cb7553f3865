#!/usr/bin/env bash
# Provisions the local PostgreSQL server that the emulator's real-connection tests
# (Databrain.Emulator.Tests, class PostgresProbeTests, trait Category=Postgres) talk to, and
# exports their settings. Idempotent: run it as often as you like. Needs root (or sudo).
#
#   source .ci/postgres-setup.sh   # provision and export DATABRAIN_TEST_PG_* into this shell
#   bash .ci/postgres-setup.sh     # provision only
#
# What it does: installs PostgreSQL with apt-get when pg_lsclusters is absent; starts the
# cluster (version read from pg_lsclusters); creates role databrain_test (LOGIN, a random
# password kept in ~/.cache/databrain/pg-test-password and re-applied on every run), database
# databrain_test owned by it, and schema shop with tables customers, products and orders;
# checks that a wrong password is refused over TCP; exports
#   DATABRAIN_TEST_PG_HOST, _PORT, _USER, _PASSWORD, _DATABASE, _SCHEMA.
# The password is never printed.

_databrain_pg_setup() {
  local role=databrain_test database=databrain_test schema=shop host=127.0.0.1
  local state_dir="${HOME:-/root}/.cache/databrain"
  local password_file="$state_dir/pg-test-password"
  local as_root=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      as_root="sudo"
    else
      echo "postgres-setup: run as root (or install sudo)" >&2
      return 1
    fi
  fi

  _databrain_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && sudo -u postgres -- "$@")
    fi
  }

  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "postgres-setup: pg_lsclusters not found; installing PostgreSQL" >&2
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
      && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
      || { echo "postgres-setup: apt-get install postgresql failed" >&2; return 1; }
  fi

  local line version cluster port status rest
  line="$(pg_lsclusters --no-header 2>/dev/null | awk '$2 == "main" { print; exit }')"
  if [ -z "$line" ]; then
    line="$(pg_lsclusters --no-header 2>/dev/null | awk 'NR == 1 { print; exit }')"
  fi
  if [ -z "$line" ]; then
    version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$version" ]; then
      echo "postgres-setup: no PostgreSQL server version under /usr/lib/postgresql" >&2
      return 1
    fi
    echo "postgres-setup: creating cluster $version/main" >&2
    $as_root pg_createcluster "$version" main >&2 || return 1
    line="$(pg_lsclusters --no-header | awk '$2 == "main" { print; exit }')"
  fi
  read -r version cluster port status rest <<<"$line"

  case "$status" in
    online*) ;;
    *)
      echo "postgres-setup: starting cluster $version/$cluster" >&2
      $as_root pg_ctlcluster "$version" "$cluster" start >&2 || { echo "postgres-setup: could not start $version/$cluster" >&2; return 1; }
      ;;
  esac

  local tries=0
  until pg_isready -q -h "$host" -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      echo "postgres-setup: PostgreSQL $version/$cluster is not accepting connections on $host:$port" >&2
      return 1
    fi
    sleep 1
  done

  local password="${DATABRAIN_TEST_PG_PASSWORD:-}"
  if [ -z "$password" ] && [ -s "$password_file" ]; then
    password="$(cat "$password_file")"
  fi
  case "$password" in
    *[!0-9a-f]* | "") password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" ;;
  esac
  mkdir -p "$state_dir" && (umask 077 && printf '%s' "$password" >"$password_file") || return 1

  _databrain_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<SQL || { echo "postgres-setup: could not create role $role" >&2; return 1; }
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN;
  END IF;
END
\$\$;
ALTER ROLE $role WITH LOGIN PASSWORD '$password';
SQL

  if [ "$(_databrain_as_postgres psql -X -qAt -p "$port" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    _databrain_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -c "CREATE DATABASE $database OWNER $role" >/dev/null \
      || { echo "postgres-setup: could not create database $database" >&2; return 1; }
  fi

  # Over TCP with the password, as the tests will connect.
  PGPASSWORD="$password" psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$role" -d "$database" >/dev/null <<SQL || { echo "postgres-setup: could not create schema $schema as $role over TCP" >&2; return 1; }
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS $schema;
CREATE TABLE IF NOT EXISTS $schema.customers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text
);
CREATE TABLE IF NOT EXISTS $schema.products (
  id integer PRIMARY KEY,
  title text NOT NULL,
  price numeric(10, 2) NOT NULL
);
CREATE TABLE IF NOT EXISTS $schema.orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES $schema.customers (id),
  product_id integer NOT NULL REFERENCES $schema.products (id),
  ordered_at timestamp with time zone NOT NULL DEFAULT now()
);
SQL

  # The wrong-password test needs password authentication on TCP.
  if PGPASSWORD="not-$password" PGCONNECT_TIMEOUT=5 psql -X -qAt -h "$host" -p "$port" -U "$role" -d "$database" -c "SELECT 1" >/dev/null 2>&1; then
    echo "postgres-setup: a wrong password was accepted on $host:$port; pg_hba.conf must use password (scram-sha-256) authentication for host connections" >&2
    return 1
  fi

  export DATABRAIN_TEST_PG_HOST="$host"
  export DATABRAIN_TEST_PG_PORT="$port"
  export DATABRAIN_TEST_PG_USER="$role"
  export DATABRAIN_TEST_PG_PASSWORD="$password"
  export DATABRAIN_TEST_PG_DATABASE="$database"
  export DATABRAIN_TEST_PG_SCHEMA="$schema"
  echo "postgres-setup: PostgreSQL $version/$cluster on $host:$port, database $database, schema $schema, role $role: ready" >&2
}

_databrain_pg_rc=0
_databrain_pg_setup || _databrain_pg_rc=$?
unset -f _databrain_pg_setup _databrain_as_postgres
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: the variables are now exported in the caller's shell.
  eval "unset _databrain_pg_rc; return $_databrain_pg_rc"
fi
if [ "$_databrain_pg_rc" -eq 0 ]; then
  echo "postgres-setup: to export DATABRAIN_TEST_PG_* into your shell, run: source .ci/postgres-setup.sh" >&2
fi
exit "$_databrain_pg_rc"
