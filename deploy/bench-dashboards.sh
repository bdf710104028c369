#!/usr/bin/env bash
# District dashboards over 5,000 communities: onboarding them, freshness under a steady load
# of writes, the rebuild (and that it equals the incremental rollups), a district dashboard's
# latency through the gateway against PostgreSQL running its statements, and an .xlsx export of
# a street of 500 communities for a year.
#
#   deploy/bench-dashboards.sh [communities, default 5000] [writes/s, default 40] [load seconds, default 60]
#
# Prints a Markdown section for docs/PERFORMANCE.md. Needs: PostgreSQL's server binaries,
# wrk, curl, python3, /usr/bin/time. Takes about 90 minutes and 17 GB of disk at 5,000
# (onboarding is most of it).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RATE=${2:-40}
LOAD_SECS=${3:-60}
STREETS=10
# The worker runs as in production (sweeps every 60 s, folds figures as they move).
BENCH_WORKER_INTERVAL=60
# shellcheck source=deploy/bench-lib.sh
source deploy/bench-lib.sh dashboards
PM=$(sed -n 1p "$PGDIR/postmaster.pid")
ms() { python3 -c "import time; print(int(time.time()*1000))"; }
secs_since() { python3 -c "print(f'{($(ms) - $1) / 1000:.1f}')"; }

# --- 5,000 communities in 10 streets (街道), and a street of one community for the probe ------
for s in $(seq -f %03g 1 $STREETS); do
  "$BIN" districts create --code "510109$s" --name "街道$s" --parent 510109 >/dev/null
done
"$BIN" districts create --code 510109099 --name 探针街道 --parent 510109 >/dev/null
"$BIN" communities onboard --district 510109099 --slug probe --name 探针社区 >/dev/null
python3 - "$N" "$STREETS" >"$WORK/communities.csv" <<'PY'
import sys
n, streets = int(sys.argv[1]), int(sys.argv[2])
kinds = ["old_courtyard", "resettlement", "commercial_housing", "public_rental",
         "university_town", "worker_dormitory", "mixed"]
print("district_code,slug,name,kind,households,residents")
for i in range(1, n + 1):
    street = (i - 1) * streets // n + 1
    print(f"510109{street:03d},c-{i:05d},测试社区{i},{kinds[i % len(kinds)]},2786,6977")
PY
IMPORT=$("$BIN" communities import "$WORK/communities.csv" --jobs 2)
echo "$IMPORT" >&2
ONBOARD_TOTAL=$(echo "$IMPORT" | sed -n 's/.* in \([0-9.]*m\?s\) (.*/\1/p')
ONBOARD_P50=$(echo "$IMPORT" | sed -n 's/.*p50 \([0-9.]*m\?s\),.*/\1/p')
ONBOARD_P95=$(echo "$IMPORT" | sed -n 's/.*p95 \([0-9.]*m\?s\)).*/\1/p')
COMMUNITIES=$(psql -c "SELECT count(*) FROM platform.communities")
DB_SIZE=$(psql -c "SELECT pg_size_pretty(pg_database_size('linli'))")
DB_BYTES=$(psql -c "SELECT pg_database_size('linli')")
PG_CLASS=$(psql -c "SELECT count(*) FROM pg_class")

TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')
gq() { curl -s "$URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$1"; }

# --- freshness under a steady load of writes across all communities ---------------------------
LOAD_START=$(psql -c "SELECT now()")
LOAD=$(python3 deploy/bench-dashboards-load.py "$URL" "$TOKEN" "$N" "$RATE" "$LOAD_SECS" "$PM" 510109099)
echo "$LOAD" >&2
jl() { echo "$LOAD" | python3 -c "import sys, json; v = json.load(sys.stdin)['$1']; print(v if isinstance(v, (int, str)) else f'{v:.2f}')"; }
# Everything written has been folded when no community holds an event any more.
pending() {
  psql -c "SELECT coalesce(sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.figure_events', schema_name), false, true, '')))[1]::text::bigint), 0) FROM platform.communities"
}
for _ in $(seq 1 120); do [ "$(pending)" = 0 ] && break; sleep 1; done
# Server side: each event's age when its fold committed (its id starts with its time in ms).
LAG=$(psql -F' ' -c "WITH l AS (
    SELECT extract(epoch FROM applied_at - to_timestamp(('x' || substr(replace(event_id::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)) AS s
      FROM platform.figure_events_applied WHERE applied_at >= '$LOAD_START')
  SELECT count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::numeric, 2),
         round(percentile_cont(0.95) WITHIN GROUP (ORDER BY s)::numeric, 2),
         round(percentile_cont(0.99) WITHIN GROUP (ORDER BY s)::numeric, 2), round(max(s)::numeric, 2) FROM l")
read -r LAG_N LAG_P50 LAG_P95 LAG_P99 LAG_MAX <<<"$LAG"
RECEIVED=$(psql -c "SELECT coalesce(sum(value), 0) FROM platform.figure_daily WHERE figure = 'partners.demands_received'")
WRITTEN=$(psql -c "SELECT coalesce(sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.demands', schema_name), false, true, '')))[1]::text::bigint), 0) FROM platform.communities")

# --- the rebuild, and incremental == rebuild ----------------------------------------------------
ROLLUPS="figure_daily figure_monthly figure_spans figure_district_daily figure_district_monthly figure_samples figure_district_samples figure_district_samples_monthly cadence_district_monthly"
psql -c "CREATE SCHEMA bench_snapshot"
for t in $ROLLUPS; do psql -c "CREATE TABLE bench_snapshot.$t AS TABLE platform.$t"; done
peak_backend_mb() { # largest RssAnon of any backend, MB, sampled each second until $1 exits
  local top=0 v p
  while kill -0 "$1" 2>/dev/null; do
    for p in $(ps --ppid "$PM" -o pid=); do
      v=$(awk '/RssAnon/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      [ "${v:-0}" -gt "$top" ] && top=$v
    done
    sleep 1
  done
  echo $((top / 1024))
}
"$BIN" dashboards rebuild --jobs 2 >"$WORK/rebuild.out" &
RB=$!
REBUILD_PEAK=$(peak_backend_mb $RB)
wait $RB
REBUILD=$(cat "$WORK/rebuild.out")
echo "$REBUILD" >&2
REBUILD_TIME=$(echo "$REBUILD" | sed -n 's/.* in \([0-9.]*m\?s\)$/\1/p')
DIFFS=0
for t in $ROLLUPS; do
  d=$(psql -c "SELECT (SELECT count(*) FROM (TABLE platform.$t EXCEPT ALL TABLE bench_snapshot.$t) a)
                    + (SELECT count(*) FROM (TABLE bench_snapshot.$t EXCEPT ALL TABLE platform.$t) b)")
  DIFFS=$((DIFFS + d))
done
ROLLUP_ROWS=$(psql -c "SELECT (SELECT count(*) FROM platform.figure_daily) + (SELECT count(*) FROM platform.figure_monthly)")

# --- a year of figures for every community, then the dashboard's latency ----------------------
# shellcheck source=deploy/bench-dashboards-query.sh
source deploy/bench-dashboards-query.sh

# --- the export of a street of N/10 communities for a year --------------------------------------
/usr/bin/time -v "$BIN" export district 510109001 --from 2025-01-01 --to 2025-12-31 \
  --out "$WORK/street.xlsx" >"$WORK/export.out" 2>"$WORK/export.time"
EXPORT_WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/export.time")
EXPORT_RSS=$(awk '/Maximum resident set size/ {printf "%.0f", $NF / 1024}' "$WORK/export.time")
EXPORT_INNER=$(sed -n 's/.* in \([0-9.]*m\?s\)$/\1/p' "$WORK/export.out")
EXPORT_BYTES=$(stat -c %s "$WORK/street.xlsx")
STREET_N=$(psql -c "SELECT count(*) FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id WHERE d.code = '510109001'")
EXPORT_SHEETS=$(python3 -c "import zipfile, sys; print(sum(1 for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith('xl/worksheets/sheet')))" "$WORK/street.xlsx")
GW_RSS=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$GW/status")

cat <<MD
## District dashboards over $N communities

Measured by \`deploy/bench-dashboards.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, release build,
embedded PostgreSQL (fsync on), the worker running as in production (a sweep every 60 s,
figures folded as they move), everything on one machine (load generators included).

### Onboarding $N communities (10 streets of $((N / 10)))

| what | figure |
|---|---|
| $N communities by \`linli communities import --jobs 2\` | $ONBOARD_TOTAL (per community p50 $ONBOARD_P50, p95 $ONBOARD_P95) |
| communities on the cluster | $COMMUNITIES |
| database size | $DB_SIZE ($(python3 -c "print(f'{$DB_BYTES / $COMMUNITIES / 1048576:.2f}')") MB per community) |
| rows in pg_class | $PG_CLASS |

### Freshness under a steady load of writes

$(jl ok) demands submitted (\`submitDemand\`, $(jl failed) failed) over ${LOAD_SECS} s at $(jl rate)/s, each to a random
one of the $N communities, so the gateway's pooled backends and the worker's rotate over all
of them. A probe submits a demand to its own street's community every 2 s and polls
\`districtFigures\` of that street until the figure moves.

| lag | p50 | p95 | max | n |
|---|---|---|---|---|
| write → visible in \`districtFigures\` (probe, through the gateway) | $(jl p50) s | $(jl p95) s | $(jl max) s | $(jl probes) |
| event written → folded into the rollups (every event of the run) | $LAG_P50 s | $LAG_P95 s | $LAG_MAX s | $LAG_N |

Target: visible within 5 s. Demands in the communities' tables after the run: $WRITTEN; the
rollups' demands received: $RECEIVED (equal: nothing lost, nothing counted twice). Largest
private memory (RssAnon) of any PostgreSQL backend, sampled each second during the load:
**$(jl backend_peak_mb) MB**; during the rebuild: **$REBUILD_PEAK MB**.

### The rebuild

\`linli dashboards rebuild --jobs 2\` over all $COMMUNITIES communities: **$REBUILD_TIME**. The nine rollup
tables ($ROLLUP_ROWS community-day and community-month rows) compared with their copy taken
before the rebuild, row by row both ways: **$DIFFS differences** (incremental == rebuild).

$QUERY_MD

### The export

\`linli export district 510109001 --from 2025-01-01 --to 2025-12-31\` ($STREET_N communities, a year): $EXPORT_WALL wall clock for
the whole command ($EXPORT_INNER reading and writing), **$EXPORT_RSS MB** peak RSS, $EXPORT_BYTES bytes, $EXPORT_SHEETS sheets.
Gateway peak RSS (VmHWM) at the end of the run: $GW_RSS MB.
MD
# BENCH_HOLD=<seconds> keeps the gateway and the cluster up afterwards, to look into a plan
if [ -n "${BENCH_HOLD:-}" ]; then
  echo "holding for ${BENCH_HOLD}s: psql $PG; gateway $URL; token $TOKEN" >&2
  sleep "$BENCH_HOLD"
fi
