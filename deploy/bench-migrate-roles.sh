#!/usr/bin/env bash
# `linli migrate` with nothing to do on a cluster holding N communities' roles (each granted to
# the serving login) and platform rows, without their schemas: what every start of the binary
# pays for the number of communities, in minutes instead of the hours bench-scale.sh takes to
# build N whole schemas. Prints the command's wall time with none and with N.
#
#   N=20000 deploy/bench-migrate-roles.sh          # PROFILE=debug to use the debug binary
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5000}
PROFILE=${PROFILE:-release}; cargo build -q --profile "$([ "$PROFILE" = debug ] && echo dev || echo release)" -p gateway
BIN=${CARGO_TARGET_DIR:-target}/$PROFILE/linli
WORK=$(mktemp -d /tmp/linli-roles.XXXXXX); chmod 755 "$WORK"
export LINLI_DATA_DIR=$WORK/data LINLI_MASTER_SECRET=bench-master-secret-of-at-least-32-bytes LINLI_METRICS_LISTEN=127.0.0.1:0 LINLI_SPARE_COMMUNITIES=0
"$BIN" serve --listen 127.0.0.1:0 >$WORK/serve.out 2>$WORK/serve.err &
GW=$!
trap 'kill $GW; wait $GW; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do grep -q "Linli listening on" $WORK/serve.out 2>/dev/null && break; sleep 0.2; done
PGDIR=$(readlink -f $WORK/data/pg); PGPORT=$(sed -n 4p $PGDIR/postmaster.pid)
PG="postgres://linli:$(cat $PGDIR/linli-superuser.password)@127.0.0.1:$PGPORT/linli"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
"$BIN" districts create --code 510109 --name 成都高新区 >/dev/null
ms() { python3 -c "import time; print(int(time.time()*1000))"; }
t0=$(ms); "$BIN" migrate; t1=$(ms); echo "migrate no-op, 0 communities: $((t1-t0)) ms"
"$PGBIN/psql" -qAtX "$PG" <<SQL
-- rows ahead of every migration (nothing to do); the worker logs that their schemas are missing
DO \$\$ DECLARE i int; serving text; r text; d uuid; BEGIN
  SELECT rolname INTO serving FROM pg_roles WHERE rolname LIKE 'linli%\_gateway' LIMIT 1;
  SELECT id INTO d FROM platform.districts LIMIT 1;
  FOR i IN 1..$N LOOP
    r := 'fake_role_' || i;
    EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXECUTE format('GRANT %I TO %I', r, serving);
    INSERT INTO platform.communities (id, district_id, slug, name, kind, schema_name, role_name, schema_version)
      VALUES (gen_random_uuid(), d, 'f-' || i, 'f' || i, 'mixed', 'fake_' || i, r, 100000);
  END LOOP;
END \$\$;
SQL
echo "roles in the cluster: $("$PGBIN/psql" -qAtX "$PG" -c "SELECT count(*) FROM pg_roles")"
for k in 1 2 3; do t0=$(ms); RUST_LOG=${LOG:-warn} "$BIN" migrate >/dev/null 2>$WORK/mig$k.err; t1=$(ms); echo "migrate no-op, $N fake communities: $((t1-t0)) ms"; done
