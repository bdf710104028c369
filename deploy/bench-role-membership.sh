#!/usr/bin/env bash
# The role-membership wall (docs/SCALE.md): the serving login is a member of one role per
# community, and after any membership change in the cluster each backend's next SET ROLE
# rebuilds its list of the login's roles. This measures that SET ROLE for N roles on the
# PostgreSQL whose server binaries are in PGBIN (default: this machine's newest), on a
# throw-away cluster of its own.
#
#   deploy/bench-role-membership.sh                          # 1,000 5,000 10,000 20,000
#   PGBIN=/opt/pg17/bin BENCH_ROLES="5000 20000" deploy/bench-role-membership.sh
#
# Needs: initdb, pg_ctl and postgres in PGBIN; psql (any version) on this machine.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
ROLES=${BENCH_ROLES:-1000 5000 10000 20000}
PORT=${BENCH_PORT:-55432}
WORK=$(mktemp -d /tmp/linli-roles.XXXXXX)
chmod 755 "$WORK"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: a throw-away cluster belongs to nobody
  chown nobody "$WORK"
  as_owner=(runuser -u nobody --)
fi
"${as_owner[@]}" "$PGBIN/initdb" -D "$WORK/db" -U postgres -A trust >/dev/null
"${as_owner[@]}" "$PGBIN/pg_ctl" -D "$WORK/db" -o "-p $PORT -k $WORK -c listen_addresses=''" \
  -l "$WORK/log" start >/dev/null
trap '"${as_owner[@]}" "$PGBIN/pg_ctl" -D "$WORK/db" stop -m fast >/dev/null; rm -rf "$WORK"' EXIT
sql() { "$PSQL" -qAtX -h "$WORK" -p "$PORT" -U "$1" postgres -c "$2"; }

VERSION=$(sql postgres "SHOW server_version")
sql postgres "CREATE ROLE srv LOGIN NOINHERIT CREATEROLE" >/dev/null
echo "| roles the login is a member of | first SET ROLE after a GRANT (PostgreSQL $VERSION) |"
echo "|---|---|"
have=0
for n in $ROLES; do
  # srv creates the roles and is made a member of each, as the serving login of n communities
  sql postgres "DO \$\$ BEGIN FOR i IN $((have + 1))..$n LOOP
      EXECUTE format('CREATE ROLE r%s NOLOGIN NOINHERIT', i);
      EXECUTE format('GRANT r%s TO srv', i);
    END LOOP; END \$\$" >/dev/null
  have=$n
  # One backend of srv: warm, then one GRANT anywhere, then the SET ROLE it pays for (best of 3).
  ms=$("$PSQL" -qAtX -h "$WORK" -p "$PORT" -U srv postgres <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n | head -1
SET ROLE r1; RESET ROLE;
CREATE ROLE probe_a NOLOGIN; GRANT probe_a TO srv;
\timing on
SET ROLE r2;
\timing off
RESET ROLE; DROP ROLE probe_a;
CREATE ROLE probe_b NOLOGIN; GRANT probe_b TO srv;
\timing on
SET ROLE r3;
\timing off
RESET ROLE; DROP ROLE probe_b;
CREATE ROLE probe_c NOLOGIN; GRANT probe_c TO srv;
\timing on
SET ROLE r4;
\timing off
RESET ROLE; DROP ROLE probe_c;
SQL
)
  echo "| $n | $ms ms |"
done
