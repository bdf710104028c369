#!/usr/bin/env bash
# Moving one community between two clusters: `linli communities move` (freeze, backup with a
# checksum of every table, restore, checks, switch) against PostgreSQL's own baseline on the
# same schema between the same two clusters: pg_dump --schema | pg_restore --single-transaction.
#
#   deploy/bench-move.sh [bulk demands added to the community, default 200000]
#
# Two gateways on their own embedded clusters: A with the demo data (`serve --demo`), B empty.
# The demo community `xinhua` gets N demands, each with a step, written in SQL. Prints a
# Markdown section for docs/PERFORMANCE.md. Needs PostgreSQL's server binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cargo build --release -q
BIN=$(readlink -f "${CARGO_TARGET_DIR:-target}/release/linli")
WORK=$(mktemp -d /tmp/linli-bench-move.XXXXXX)
chmod 755 "$WORK"
export LINLI_LOG_FORMAT=json RUST_LOG=warn LINLI_METRICS_LISTEN=127.0.0.1:0 \
  LINLI_MASTER_SECRET=bench-master-secret-of-at-least-32-bytes LINLI_WORKER_INTERVAL_SECS=0
unset DATABASE_URL
LINLI_DATA_DIR=$WORK/a "$BIN" serve --demo --listen 127.0.0.1:0 >"$WORK/a.out" 2>"$WORK/a.err" &
GA=$!
LINLI_DATA_DIR=$WORK/b "$BIN" serve --listen 127.0.0.1:0 >"$WORK/b.out" 2>"$WORK/b.err" &
GB=$!
trap 'kill $GA $GB 2>/dev/null || true; wait $GA $GB 2>/dev/null || true; rm -rf "$WORK"' EXIT
for f in a b; do
  for _ in $(seq 1 1200); do grep -q "Linli listening on" "$WORK/$f.out" 2>/dev/null && break; sleep 0.1; done
done
url_of() {
  local dir
  dir=$(readlink -f "$WORK/$1/pg")
  echo "postgres://linli:$(cat "$dir/linli-superuser.password")@127.0.0.1:$(sed -n 4p "$dir/postmaster.pid")/$2"
}
PGA=$(url_of a linli)
PGB=$(url_of b linli)
qa() { "$PGBIN/psql" -qAtX "$PGA" "$@"; }
qb() { "$PGBIN/psql" -qAtX "$PGB" "$@"; }
now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.2f}')"; }

SLUG=xinhua
SCHEMA=$(qa -c "SELECT schema_name FROM platform.communities WHERE slug = '$SLUG'")
# Its district chain, root first, created alike in B.
qa -F ' ' -c "SELECT d.code, coalesce(p.code, '-'), d.name FROM platform.communities c
                JOIN platform.districts x ON x.id = c.district_id,
                     unnest(x.path) WITH ORDINALITY AS u (id, n)
                JOIN platform.districts d ON d.id = u.id
                LEFT JOIN platform.districts p ON p.id = d.parent_id
               WHERE c.slug = '$SLUG' ORDER BY u.n" |
  while read -r code parent name; do
    if [ "$parent" = "-" ]; then
      LINLI_DATA_DIR=$WORK/b "$BIN" districts create --code "$code" --name "$name" >/dev/null
    else
      LINLI_DATA_DIR=$WORK/b "$BIN" districts create --code "$code" --name "$name" --parent "$parent" >/dev/null
    fi
  done

qa -c "INSERT INTO $SCHEMA.demands (id, title, category, resident_id, resident_name, entered_by, status)
       SELECT gen_random_uuid(), '路灯不亮 ' || i, '设施维修', gen_random_uuid(), '张三',
              gen_random_uuid(), 'submitted' FROM generate_series(1, $N) i;
       INSERT INTO $SCHEMA.demand_steps (id, demand_id, step, by_account)
       SELECT gen_random_uuid(), id, 'submitted', entered_by FROM $SCHEMA.demands;
       ANALYZE"
ROWS=$(qa -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE schemaname = '$SCHEMA'")
TABLES=$(qa -c "SELECT count(*) FROM pg_tables WHERE schemaname = '$SCHEMA'")
SIZE=$(qa -c "SELECT pg_size_pretty(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))) FROM pg_tables WHERE schemaname = '$SCHEMA'")

# Baseline: PostgreSQL alone, the same schema between the same clusters.
qb -c "CREATE DATABASE raw"
"$PGBIN/psql" -qAtX "$(url_of b raw)" -c "CREATE EXTENSION btree_gist"   # as Linli's platform has it
T=$(now)
"$PGBIN/pg_dump" --format=custom --schema "$SCHEMA" --file "$WORK/raw.dump" "$PGA"
"$PGBIN/pg_restore" --no-owner --no-acl --single-transaction --exit-on-error --dbname "$(url_of b raw)" "$WORK/raw.dump"
RAW=$(since "$T")

T=$(now)
LINLI_DATA_DIR=$WORK/a "$BIN" communities move "$SLUG" --to "$PGB" --address https://b.example.cn/ \
  --to-data-dir "$WORK/b" --work-dir "$WORK/move" >"$WORK/move.out"
MOVE=$(since "$T")
MOVED=$(qb -c "SELECT count(*) FROM $SCHEMA.demands")
[ "$MOVED" -ge "$N" ] || { echo "the target holds $MOVED demands, fewer than $N" >&2; exit 1; }
OBJECTS=$(python3 -c "import json; print(len(json.load(open('$WORK/move/manifest.json'))['objects']))")

cat <<EOF
## Moving one community between clusters

\`deploy/bench-move.sh $N\`, $(date -u +%Y-%m-%d), release build, two embedded clusters on one
2-core machine. The demo community \`$SLUG\` with $N demands added: $TABLES tables, $ROWS rows,
$SIZE with indexes, $OBJECTS objects.

| | seconds | × baseline |
|---|---:|---:|
| pg_dump --schema \| pg_restore --single-transaction (baseline) | $RAW | 1.0 |
| \`linli communities move\` (freeze, backup with checksums, restore, checks, switch) | $MOVE | $(python3 -c "print(f'{$MOVE / $RAW:.1f}')") |

The move's own steps (elapsed since it started):

$(sed 's/^/    /' "$WORK/move.out")
EOF
