#!/usr/bin/env bash
# Scale: many communities on one cluster, every figure of it in one run (release build, the
# embedded cluster, everything on this machine): onboarding in bulk and through GraphQL at the
# end, what each community costs in the catalog and on disk, `migrate` (nothing to do, one added
# column, the drift check), the worker at rest and its first visit after a start, the lag of a
# due no-show under load, a request into every community, the largest backend while requests
# rotate over all of them, the district dashboard, a whole-database dump, and one community's
# backup and move.
#
#   deploy/bench-scale.sh                       # 20,000 communities, 10 minutes at rest
#   BENCH_COMMUNITIES=2000 BENCH_IDLE_SECONDS=120 deploy/bench-scale.sh
#
# Prints a Markdown section (for docs/PERFORMANCE.md and docs/SCALE.md) and keeps it in
# $BENCH_OUTPUT (default /tmp/linli-scale.md). Needs: PostgreSQL's server binaries, wrk, curl,
# python3.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_COMMUNITIES:-20000}
IDLE=${BENCH_IDLE_SECONDS:-600}
SECS=${BENCH_SECONDS:-10}
CONC=${BENCH_CONNECTIONS:-16}
OUT=${BENCH_OUTPUT:-/tmp/linli-scale.md}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

cargo build --release -q
BIN=${CARGO_TARGET_DIR:-target}/release/linli
WORK=$(mktemp -d /tmp/linli-scale.XXXXXX)
chmod 755 "$WORK"
export LINLI_DATA_DIR=$WORK/data LINLI_LOG_FORMAT=json RUST_LOG=info,sqlx=warn \
  LINLI_MASTER_SECRET=bench-master-secret-of-at-least-32-bytes LINLI_METRICS_LISTEN=127.0.0.1:0
unset DATABASE_URL
ms() { python3 -c "import time; print(int(time.time()*1000))"; }
start_gateway() {
  : >"$WORK/serve.out"
  env "$@" "$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
  GW=$!
  for _ in $(seq 1 3000); do grep -q "Linli listening on" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
  URL=$(sed -n 's/^Linli listening on //p' "$WORK/serve.out")
  PGDIR=$(readlink -f "$WORK/data/pg")
  PGPORT=$(sed -n 4p "$PGDIR/postmaster.pid")
  PM=$(sed -n 1p "$PGDIR/postmaster.pid")
  PG="postgres://linli:$(cat "$PGDIR/linli-superuser.password")@127.0.0.1:$PGPORT/linli"
}
stop_gateway() { kill "$GW" 2>/dev/null || true; wait "$GW" 2>/dev/null || true; }
trap 'stop_gateway; rm -rf "$WORK"' EXIT
start_gateway
psql() { "$PGBIN/psql" -qAtX "$PG" "$@"; }
cpu_ticks() { # user + system clock ticks of these processes and of their children that ended
  # (a backend that exits hands its ticks to the postmaster's cutime/cstime)
  local t=0 p
  for p in "$@"; do t=$((t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo $t
}
pg_pids() { pgrep -P "$PM" | tr '\n' ' '; echo "$PM"; }
backend_max_mb() {
  local p m=0 v
  for p in $(pgrep -P "$PM"); do
    v=$(awk '/RssAnon/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$m" ] && m=$v
  done
  echo $((m / 1024))
}

echo "bench-password" | "$BIN" admin create --login bench --password-stdin >/dev/null
"$BIN" districts create --code 510109 --name 成都高新区 >/dev/null
TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')

# --- onboarding ---------------------------------------------------------------------------------
python3 - "$N" >"$WORK/communities.csv" <<'PY'
import sys
print("district_code,slug,name,kind,households,residents")
for i in range(1, int(sys.argv[1]) + 1):
    print(f"510109,s-{i:05d},规模社区{i},mixed,2786,6977")
PY
t0=$(ms)
IMPORT=$("$BIN" communities import "$WORK/communities.csv" --jobs 2)
t1=$(ms)
echo "$IMPORT"
IMPORT_P50=$(echo "$IMPORT" | sed -n 's/.*p50 \([0-9.]*m\?s\),.*/\1/p')
IMPORT_P95=$(echo "$IMPORT" | sed -n 's/.*p95 \([0-9.]*m\?s\)).*/\1/p')
IMPORT_S=$(( (t1 - t0) / 1000 ))
# `onboardCommunity` through GraphQL at N: 40 one after another (the worker's spare schemas are
# soon used up: most build their schema while the caller waits), then 20 each once the worker
# has a spare ready (an officer onboarding communities one by one); and how long the worker
# took to build each spare meanwhile (its log).
python3 - "$URL" "$TOKEN" "$PGBIN/psql" "$PG" >"$WORK/onboard-gql.txt" <<'PY'
import json, subprocess, sys, time, urllib.request
url, token, psql, pg = sys.argv[1:5]
q = "mutation($s: String!) { onboardCommunity(input: {districtCode: \"510109\", slug: $s, name: $s, kind: MIXED, households: 1, residents: 1}) { community { slug } } }"
def onboard(slug):
    body = json.dumps({"query": q, "variables": {"s": slug}}).encode()
    req = urllib.request.Request(url, body, {"content-type": "application/json", "authorization": f"Bearer {token}"})
    t = time.perf_counter()
    r = json.load(urllib.request.urlopen(req))
    assert "errors" not in r, r
    return (time.perf_counter() - t) * 1000
def ready():
    out = subprocess.run([psql, "-qAtX", pg, "-c", "SELECT count(*) FROM platform.spare_schemas"],
                         capture_output=True, text=True, check=True).stdout
    return int(out.strip())
def pct(times):
    times = sorted(times)
    return f"{times[len(times) // 2]:.0f} {times[min(len(times) - 1, int(len(times) * 0.95))]:.0f}"
burst = [onboard(f"gql-{i:03d}") for i in range(40)]
paced = []
for i in range(20):
    for _ in range(1200):
        if ready() > 0:
            break
        time.sleep(0.1)
    paced.append(onboard(f"gql-paced-{i:03d}"))
print(pct(burst), pct(paced))
PY
read -r GQL_P50 GQL_P95 PACED_P50 PACED_P95 <"$WORK/onboard-gql.txt"
SPARE_BUILD=$(python3 - "$WORK/serve.err" <<'PY'
import json, sys
secs = []
for line in open(sys.argv[1], errors="replace"):
    if "spare community schemas built" not in line:
        continue
    try:
        e = json.loads(line)
    except ValueError:
        continue
    f = e.get("fields", e)
    if f.get("built") and not f.get("dropped"):
        secs.append(float(f["secs"]) * 1000 / int(f["built"]))
secs.sort()
print(f"p50 {secs[len(secs) // 2]:.0f} ms, p95 {secs[min(len(secs) - 1, int(len(secs) * 0.95))]:.0f} ms ({len(secs)} rounds)" if secs else "none logged")
PY
)

# --- footprint ----------------------------------------------------------------------------------
TOTAL=$((N + 60))
PG_CLASS=$(psql -c "SELECT count(*) FROM pg_class")
PER_SCHEMA=$(psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'c_s_00001'")
PER_TOAST=$(psql -c "SELECT count(*) * 2 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'c_s_00001' AND c.reltoastrelid <> 0")
DB_BYTES=$(psql -c "SELECT pg_database_size('linli')")
CATALOG_BYTES=$(psql -c "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pg_catalog' AND c.relkind = 'r'")
FILES=$(find "$PGDIR/base" -type f | wc -l)

# --- migrate ------------------------------------------------------------------------------------
t0=$(ms); "$BIN" migrate >/dev/null; t1=$(ms); MIG0=$((t1 - t0))
echo "ALTER TABLE courtyards ADD COLUMN note text;" >"$WORK/extra.sql"
t0=$(ms); "$BIN" migrate --extra-migration "$WORK/extra.sql" --jobs 2 >/dev/null; t1=$(ms); MIG1=$((t1 - t0))
t0=$(ms); CHECK=$("$BIN" migrate --check --extra-migration "$WORK/extra.sql" 2>&1 | tail -1); t1=$(ms); MIGC=$((t1 - t0))

# --- the worker: its first visit after a start, then at rest -----------------------------------
stop_gateway
t0=$(ms); start_gateway LINLI_WORKER_INTERVAL_SECS=60
for _ in $(seq 1 36000); do grep -q "first visit of every community" "$WORK/serve.err" && break; sleep 0.1; done
t1=$(ms); FIRST_VISIT=$(( (t1 - t0) / 1000 ))
# Backends report their counters at most every 10 s when idle: let the visit's arrive first.
sleep 15
GW_T0=$(cpu_ticks "$GW"); PG_T0=$(cpu_ticks $(pg_pids))
XACT0=$(psql -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'linli'")
sleep "$IDLE"
GW_T1=$(cpu_ticks "$GW"); PG_T1=$(cpu_ticks $(pg_pids))
XACT1=$(psql -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'linli'")
HZ=$(getconf CLK_TCK)
IDLE_GW=$(python3 -c "print(f'{($GW_T1 - $GW_T0) / $HZ:.2f}')")
IDLE_PG=$(python3 -c "print(f'{($PG_T1 - $PG_T0) / $HZ:.2f}')")
# the psql reading the counter is one transaction of its own
IDLE_XACT=$((XACT1 - XACT0 - 1))

# --- a request into every community, the largest backend meanwhile ------------------------------
TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')
python3 - "$URL" "$TOKEN" "$N" >"$WORK/every.txt" 2>&1 <<'PY' &
import json, sys, time, urllib.request, concurrent.futures
url, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = json.dumps({"query": "{ courtyards { name } spaces { id } }"}).encode()
def one(i):
    req = urllib.request.Request(url, body, {"content-type": "application/json", "authorization": f"Bearer {token}", "x-community": f"s-{i:05d}"})
    try:
        r = json.load(urllib.request.urlopen(req, timeout=60))
        return "errors" not in r
    except Exception:
        return False
t = time.time()
with concurrent.futures.ThreadPoolExecutor(8) as ex:
    ok = sum(ex.map(one, range(1, n + 1)))
print(f"{n - ok} {time.time() - t:.0f}")
PY
EVERY=$!
PEAK=0
while kill -0 "$EVERY" 2>/dev/null; do m=$(backend_max_mb); [ "$m" -gt "$PEAK" ] && PEAK=$m; sleep 1; done
wait "$EVERY" || true
read -r EVERY_ERRORS EVERY_S <"$WORK/every.txt"

# --- the lag of a due no-show while requests rotate --------------------------------------------
cat >"$WORK/rotate.lua" <<LUA
local i = 0
local body = '{"query":"{ courtyards { name } }"}'
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN" }
setup = function(thread) thread:set("offset", math.random(0, $N - 1)) end
request = function()
  i = (i + 1) % $N
  headers["X-Community"] = string.format("s-%05d", (i + (offset or 0)) % $N + 1)
  return wrk.format("POST", nil, headers, body)
end
LUA
wrk -t2 -c"$CONC" -d"$((SECS + 20))s" -s "$WORK/rotate.lua" "$URL" >"$WORK/rot.out" &
W=$!
sleep 5
psql -c "SET search_path = c_s_00002;
  INSERT INTO spaces (id, name, kind, capacity) VALUES (gen_random_uuid(), '活动室', 'function_room', 10);
  INSERT INTO bookings (id, space_id, starts_at, ends_at, booker_kind, booked_by, purpose, attendance, status, points_price)
    SELECT gen_random_uuid(), id, now() - interval '15 minutes' + interval '10 seconds', now() + interval '1 hour',
           'person', gen_random_uuid(), '测试', 1, 'approved', 0 FROM spaces" >/dev/null
DUE=$(psql -c "SELECT extract(epoch FROM starts_at + interval '15 minutes') FROM c_s_00002.bookings")
for _ in $(seq 1 1200); do
  [ "$(psql -c "SELECT status FROM c_s_00002.bookings")" = no_show ] && break
  sleep 0.1
done
LAG=$(python3 -c "import time; print(f'{time.time() - $DUE:.1f}')")
wait "$W" || true
ROT_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/rot.out")

# --- the district dashboard over every community -----------------------------------------------
python3 - "$URL" "$TOKEN" >"$WORK/dash.txt" <<'PY'
import json, sys, time, urllib.request
url, token = sys.argv[1], sys.argv[2]
q = '{ districtDashboard(districtCode: "510109", from: "2026-01-01", to: "2026-12-31") { communities { total active onboarded } figures { figure value previous } ranking(figure: "courses.enrolments", limit: 10) { rank slug name value } } }'
body = json.dumps({"query": q}).encode()
times = []
for i in range(100):
    req = urllib.request.Request(url, body, {"content-type": "application/json", "authorization": f"Bearer {token}"})
    t = time.perf_counter()
    r = json.load(urllib.request.urlopen(req))
    times.append((time.perf_counter() - t) * 1000)
    assert "errors" not in r, r
times.sort()
print(f"{times[50]:.0f} {times[95]:.0f}")
PY
read -r DASH_P50 DASH_P95 <"$WORK/dash.txt"

# --- backups: the whole database, one community, a move ----------------------------------------
t0=$(ms)
if "$PGBIN/pg_dump" -Fc -f "$WORK/all.dump" "$PG" 2>"$WORK/dump.err"; then
  DUMP="$(( ($(ms) - t0) / 1000 )) s, $(du -m "$WORK/all.dump" | cut -f1) MB"
else
  DUMP="failed after $(( ($(ms) - t0) / 1000 )) s: $(grep -m1 -o 'ERROR: .*' "$WORK/dump.err" | cut -c1-120)"
fi
rm -f "$WORK/all.dump"
t0=$(ms); "$BIN" communities backup s-00003 --out "$WORK/one" >/dev/null; t1=$(ms); ONE=$((t1 - t0))
MOVE="not measured (deploy/bench-move.sh moves between two clusters)"

cat >"$OUT" <<MD
### $N communities on one cluster (\`deploy/bench-scale.sh\`, $(date -u +%Y-%m-%d))

| figure | value |
|---|---|
| onboarding $N by \`communities import --jobs 2\` | $IMPORT_S s (per community p50 $IMPORT_P50, p95 $IMPORT_P95) |
| \`onboardCommunity\` through GraphQL at $N, a spare schema ready (20, each once the worker has one) | p50 $PACED_P50 ms, p95 $PACED_P95 ms |
| \`onboardCommunity\` through GraphQL at $N, 40 one after another (spares soon used up) | p50 $GQL_P50 ms, p95 $GQL_P95 ms |
| the worker building one spare schema, at $N | $SPARE_BUILD |
| rows of \`pg_class\` | $PG_CLASS ($PER_SCHEMA per community schema + $PER_TOAST of TOAST) |
| database size | $((DB_BYTES / 1048576)) MB ($((DB_BYTES / TOTAL / 1024)) KB per community); catalog $((CATALOG_BYTES / 1048576)) MB; $FILES files |
| \`migrate\` with nothing to do | $MIG0 ms |
| \`migrate\` adding one column to every community (\`--jobs 2\`) | $MIG1 ms |
| \`migrate --check\` | $MIGC ms ($CHECK) |
| the worker's first visit of every community after a start | $FIRST_VISIT s |
| at rest for $IDLE s: gateway CPU, PostgreSQL CPU, transactions | $IDLE_GW s, $IDLE_PG s, $IDLE_XACT |
| a request into each of the $N communities (8 at once) | $EVERY_ERRORS errors, $EVERY_S s; largest backend $PEAK MB |
| a due no-show released after its time, while requests rotate over all ($ROT_RPS req/s) | $LAG s late |
| district dashboard over $TOTAL communities (100, one after another) | p50 $DASH_P50 ms, p95 $DASH_P95 ms |
| whole-database \`pg_dump -Fc\` | $DUMP |
| one community's backup (\`communities backup\`) | $ONE ms |
| one community's move | $MOVE |
MD
cat "$OUT"
