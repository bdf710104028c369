#!/usr/bin/env bash
# The request path on bulk data (2,000 courses, 40,000 sessions, 160,000 enrolments in one
# community): what each request costs in statements (counted from PostgreSQL's own log), in
# throughput against the same data read directly by pgbench, and in CPU per request of the
# gateway and of PostgreSQL. Release build, embedded defaults, everything on this machine.
#
#   deploy/bench-request-path.sh [seconds per run, default 10] [connections, default 16]
#
# Prints a Markdown section for docs/PERFORMANCE.md. Needs: PostgreSQL's server binaries,
# wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONC=${2:-16}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

cargo build --release -q
BIN=${CARGO_TARGET_DIR:-target}/release/linli
WORK=$(mktemp -d /tmp/linli-bench-path.XXXXXX)
chmod 755 "$WORK"
export LINLI_DATA_DIR=$WORK/data LINLI_LOG_FORMAT=json RUST_LOG=warn \
  LINLI_MASTER_SECRET=bench-master-secret-of-at-least-32-bytes LINLI_METRICS_LISTEN=127.0.0.1:0
unset DATABASE_URL

"$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
GW=$!
trap 'kill $GW 2>/dev/null; wait $GW 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do grep -q "Linli listening on" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^Linli listening on //p' "$WORK/serve.out")
PGDIR=$(readlink -f "$WORK/data/pg")
PGLOG="$PGDIR.log"
PGPORT=$(sed -n 4p "$PGDIR/postmaster.pid")
PM=$(sed -n 1p "$PGDIR/postmaster.pid")
PG="postgres://linli:$(cat "$PGDIR/linli-superuser.password")@127.0.0.1:$PGPORT/linli"
psql() { "$PGBIN/psql" -qAtX "$PG" "$@"; }

echo "bench-password" | "$BIN" admin create --login bench --password-stdin >/dev/null
"$BIN" districts create --code 510109 --name 成都高新区 >/dev/null
"$BIN" communities onboard --district 510109 --slug bench --name 基准社区 >/dev/null

# --- bulk data, straight into the community schema --------------------------------------------
psql <<'SQL'
SET search_path = c_bench;
INSERT INTO teachers (id, name, kind) SELECT gen_random_uuid(), '老师' || g, 'expert' FROM generate_series(1, 50) g;
INSERT INTO courses (id, title, category, audience, format, capacity)
  SELECT gen_random_uuid(), '课程' || g, 'health', 'all', 'workshop', 200 FROM generate_series(1, 2000) g;
INSERT INTO course_teachers (course_id, teacher_id)
  SELECT c.id, (SELECT id FROM teachers ORDER BY id OFFSET (abs(hashtext(c.id::text)) % 50) LIMIT 1) FROM courses c;
INSERT INTO course_sessions (id, course_id, starts_at, ends_at, place)
  SELECT gen_random_uuid(), c.id, now() + g * interval '7 days', now() + g * interval '7 days' + interval '90 minutes', '百文斋'
    FROM courses c, generate_series(1, 20) g;
INSERT INTO learners (id, account_id, name) SELECT gen_random_uuid(), gen_random_uuid(), '学员' || g FROM generate_series(1, 8000) g;
INSERT INTO enrolments (id, course_id, learner_id, status, enrolled_by)
  SELECT gen_random_uuid(), c.id, l.id, 'enrolled', l.account_id
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM courses) c
    JOIN (SELECT id, account_id, row_number() OVER (ORDER BY id) AS n FROM learners) l
      ON (l.n + c.n) % 100 < 80 AND l.n <= 100;
ANALYZE;
SQL
ENROLMENTS=$(psql -c "SELECT count(*) FROM c_bench.enrolments")
COURSE=$(psql -c "SELECT id FROM c_bench.courses ORDER BY id LIMIT 1")

TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')
gq() { curl -s "$URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H "x-community: bench" -d "$1"; }
lua() { # $1 = JSON body
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\nwrk.headers["X-Community"] = "bench"\nwrk.body = %s\n' \
    "$TOKEN" "$(python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1")"
}
ONE_BODY="{\"query\":\"{ course(id: \\\"$COURSE\\\") { id title capacity enrolledCount } }\"}"
PAGE_BODY='{"query":"{ courses(first: 20) { nodes { id title teachers { name } sessions { startsAt place } } } }"}'
ME_BODY='{"query":"{ me { account { loginName } } }"}'
gq "$ONE_BODY" | grep -q enrolledCount
gq "$PAGE_BODY" | grep -q '百文斋'
gq "$ME_BODY" | grep -q '"loginName":"bench"'
lua "$ONE_BODY" >"$WORK/one.lua"; lua "$PAGE_BODY" >"$WORK/page.lua"; lua "$ME_BODY" >"$WORK/me.lua"
{ cat "$WORK/page.lua"; echo 'wrk.headers["Accept-Encoding"] = "gzip"'; } >"$WORK/page-gzip.lua"

# --- statements per request, from PostgreSQL's log ---------------------------------------------
psql -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
count_statements() { # $1 = a name for the markers, $2 = body; runs twice (the first warms caches)
  local MARK=$1
  shift
  gq "$1" >/dev/null
  psql -c "SELECT 'mark-begin-$MARK'" >/dev/null; sleep 0.2
  gq "$1" >/dev/null; sleep 0.2
  psql -c "SELECT 'mark-end-$MARK'" >/dev/null; sleep 0.2
  awk -v b="mark-begin-$MARK'" -v e="mark-end-$MARK'" \
      'index($0, b) {on = 1; next} index($0, e) {on = 0} on && /LOG:  (statement|execute)/' "$PGLOG" \
    | tee -a "$WORK/statements.log" | wc -l
}
ONE_STMTS=$(count_statements one "$ONE_BODY")
PAGE_STMTS=$(count_statements page "$PAGE_BODY")
ME_STMTS=$(count_statements me "$ME_BODY")
psql -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
[ -n "${BENCH_SHOW_STATEMENTS:-}" ] && cut -c1-160 "$WORK/statements.log" >&2

# --- throughput against direct SQL, CPU per request --------------------------------------------
ticks() { # user + system clock ticks of a process and, with "tree", of its children
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
backends() { ps --ppid "$PM" -o pid= | tr '\n' ' '; }
run_wrk() { # $1 = lua; prints "req/s requests gateway-ticks postgres-ticks"
  local b g0 p0 out
  b=$(backends); g0=$(ticks "$GW"); p0=$(ticks $b)
  out=$(wrk -t2 -c"$CONC" -d"${SECS}s" -s "$1" "$URL")
  b=$(backends)
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '/requests in/ {print $1}') $(( $(ticks "$GW") - g0 )) $(( $(ticks $b) - p0 ))"
}
pgb() { "$PGBIN/pgbench" -n -M prepared -c"$CONC" -j2 -T"$SECS" -f "$1" "$PG" 2>/dev/null | awk '/^tps/ {print $3}'; }
echo "SELECT id, title, capacity, enrolled FROM c_bench.courses WHERE id = '$COURSE';" >"$WORK/one.sql"
cat >"$WORK/page.sql" <<'SQL'
SELECT json_agg(json_build_object('id', c.id, 'title', c.title, 'teachers', (SELECT json_agg(json_build_object('name', t.name)) FROM c_bench.course_teachers ct JOIN c_bench.teachers t ON t.id = ct.teacher_id WHERE ct.course_id = c.id), 'sessions', (SELECT json_agg(json_build_object('startsAt', s.starts_at, 'place', s.place) ORDER BY s.starts_at) FROM c_bench.course_sessions s WHERE s.course_id = c.id)) ORDER BY c.id) FROM (SELECT id, title FROM c_bench.courses ORDER BY id LIMIT 20) c;
SQL
read -r ONE_GW ONE_N ONE_GT ONE_PT <<<"$(run_wrk "$WORK/one.lua")"
ONE_SQL=$(pgb "$WORK/one.sql")
read -r PAGE_GW PAGE_N PAGE_GT PAGE_PT <<<"$(run_wrk "$WORK/page.lua")"
PAGE_SQL=$(pgb "$WORK/page.sql")
read -r ME_GW ME_N ME_GT ME_PT <<<"$(run_wrk "$WORK/me.lua")"
read -r GZ_GW GZ_N GZ_GT GZ_PT <<<"$(run_wrk "$WORK/page-gzip.lua")"
PAGE_BYTES=$(gq "$PAGE_BODY" | wc -c)
GZ_BYTES=$(curl -s "$URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \
  -H "x-community: bench" -H 'accept-encoding: gzip' -d "$PAGE_BODY" | wc -c)
RSS=$(awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$GW/status")
HZ=$(getconf CLK_TCK)
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
per_req() { python3 -c "print(f'{$1 * 1000 / $HZ / max($2, 1):.3f}')"; }

cat <<MD
## The request path on bulk data

Measured by \`deploy/bench-request-path.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, release build,
embedded PostgreSQL (fsync on), $CONC connections, ${SECS} s per run, everything on one machine.
One community with 2,000 courses, 40,000 sessions and $ENROLMENTS enrolments. Statements are
counted from PostgreSQL's own log (\`log_statement = all\`) for one request after a warm-up;
"direct" is pgbench (\`-M prepared\`) reading the same data.

| request | statements | gateway req/s | direct tx/s | gateway ÷ direct | CPU per request: gateway / PostgreSQL |
|---|---|---|---|---|---|
| \`course(id) { id title capacity enrolledCount }\` | $ONE_STMTS | $ONE_GW | $ONE_SQL (one PK select) | $(ratio "$ONE_GW" "$ONE_SQL") | $(per_req "$ONE_GT" "$ONE_N") ms / $(per_req "$ONE_PT" "$ONE_N") ms |
| \`courses(first: 20) { nodes { … teachers { name } sessions { … } } }\` | $PAGE_STMTS | $PAGE_GW | $PAGE_SQL (one statement building the document) | $(ratio "$PAGE_GW" "$PAGE_SQL") | $(per_req "$PAGE_GT" "$PAGE_N") ms / $(per_req "$PAGE_PT" "$PAGE_N") ms |
| \`me { account { loginName } }\` | $ME_STMTS | $ME_GW | | | $(per_req "$ME_GT" "$ME_N") ms / $(per_req "$ME_PT" "$ME_N") ms |
| the page again, \`Accept-Encoding: gzip\` ($PAGE_BYTES → $GZ_BYTES bytes) | $PAGE_STMTS | $GZ_GW | $PAGE_SQL | $(ratio "$GZ_GW" "$PAGE_SQL") | $(per_req "$GZ_GT" "$GZ_N") ms / $(per_req "$GZ_PT" "$GZ_N") ms |

Peak RSS of the gateway (VmHWM): **$RSS**.
MD
