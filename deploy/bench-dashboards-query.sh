#!/usr/bin/env bash
# A district dashboard's latency over a year of figures for every community: through the
# gateway (wrk) against PostgreSQL running the same statements (pgbench).
#
# Sourced by bench-dashboards.sh once its communities exist (sets QUERY_MD, a Markdown section).
# Run alone, it stands up a gateway and registers N communities as platform rows only — no
# schemas: district queries read the platform's rollups and never a community's tables, so the
# figures are the same in minutes instead of the hour onboarding takes:
#
#   deploy/bench-dashboards-query.sh [communities, default 5000]
set -euo pipefail

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  cd "$(dirname "$0")/.."
  N=${1:-5000}
  STREETS=10
  # shellcheck source=deploy/bench-lib.sh
  source deploy/bench-lib.sh dashboards-query
  ms() { python3 -c "import time; print(int(time.time()*1000))"; }
  secs_since() { python3 -c "print(f'{($(ms) - $1) / 1000:.1f}')"; }
  for s in $(seq -f %03g 1 $STREETS); do
    "$BIN" districts create --code "510109$s" --name "街道$s" --parent 510109 >/dev/null
  done
  psql <<SQL
INSERT INTO platform.communities (id, district_id, slug, name, kind, households, residents,
                                  schema_name, role_name, created_at)
SELECT gen_random_uuid(), d.id, 'c-' || lpad(i::text, 5, '0'), '测试社区' || i,
       (ARRAY['old_courtyard', 'resettlement', 'commercial_housing', 'public_rental',
              'university_town', 'worker_dormitory', 'mixed'])[1 + i % 7],
       2786, 6977, 'rows_only_' || i, 'rows_only_' || i, TIMESTAMPTZ '2024-06-01'
  FROM generate_series(1, $N) i
  JOIN platform.districts d ON d.code = '510109' || lpad((1 + (i - 1) * $STREETS / $N)::text, 3, '0');
SQL
  COMMUNITIES=$(psql -c "SELECT count(*) FROM platform.communities")
  TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
    -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')
  gq() { curl -s "$URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$1"; }
fi

# --- a year of figures (2025) for every community ----------------------------------------------
# Every catalogue figure on 24 days of the year per community; months, quarters, years,
# districts and the resolution-hours distribution summed from them the way the fold adds them
# (the districts' cadence follows the months by trigger).
FIGURES=$(gq '{"query":"{ districtDashboard(districtCode: \"510109\", from: \"2025-01-01\", to: \"2025-01-31\") { figures { figure } } }"}' \
  | python3 -c 'import sys, json; print(",".join("'"'"'%s'"'"'" % f["figure"] for f in json.load(sys.stdin)["data"]["districtDashboard"]["figures"]))')
t0=$(ms)
psql <<SQL
INSERT INTO platform.figure_daily (community_id, figure, day, value)
SELECT c.id, f, DATE '2025-01-01' + abs(hashtextextended(c.id::text || f || g, 0) % 365)::int, sum(1 + (random() * 4)::int)
  FROM platform.communities c, unnest(ARRAY[$FIGURES]) f, generate_series(1, 24) g
 GROUP BY 1, 2, 3;
INSERT INTO platform.figure_samples (community_id, figure, day, sample, count)
SELECT c.id, 'partners.resolution_hours', DATE '2025-01-01' + abs(hashtextextended(c.id::text || g, 1) % 365)::int,
       abs(hashtextextended(c.id::text || g, 2) % 120), count(*)
  FROM platform.communities c, generate_series(1, 24) g GROUP BY 1, 2, 3, 4;
INSERT INTO platform.figure_monthly (community_id, figure, month, value)
SELECT community_id, figure, date_trunc('month', day)::date, sum(value)
  FROM platform.figure_daily WHERE day < '2026-01-01' GROUP BY 1, 2, 3;
INSERT INTO platform.figure_district_daily (district_id, figure, day, value)
SELECT a.district_id, f.figure, f.day, sum(f.value)
  FROM platform.figure_daily f JOIN platform.communities c ON c.id = f.community_id
  JOIN platform.districts d ON d.id = c.district_id CROSS JOIN LATERAL unnest(d.path) AS a (district_id)
 WHERE f.day < '2026-01-01' GROUP BY 1, 2, 3;
INSERT INTO platform.figure_district_samples (district_id, figure, day, sample, count)
SELECT a.district_id, f.figure, f.day, f.sample, sum(f.count)
  FROM platform.figure_samples f JOIN platform.communities c ON c.id = f.community_id
  JOIN platform.districts d ON d.id = c.district_id CROSS JOIN LATERAL unnest(d.path) AS a (district_id)
 WHERE f.day < '2026-01-01' GROUP BY 1, 2, 3, 4;
INSERT INTO platform.figure_spans (community_id, figure, months, start, value)
SELECT community_id, figure, s.months, date_trunc(s.unit, month)::date, sum(value)
  FROM platform.figure_monthly, (VALUES (3::int2, 'quarter'), (12::int2, 'year')) AS s (months, unit)
 WHERE month < '2026-01-01' GROUP BY 1, 2, 3, 4;
INSERT INTO platform.figure_district_monthly (district_id, figure, month, value)
SELECT district_id, figure, date_trunc('month', day)::date, sum(value)
  FROM platform.figure_district_daily WHERE day < '2026-01-01' GROUP BY 1, 2, 3;
INSERT INTO platform.figure_district_samples_monthly (district_id, figure, month, sample, count)
SELECT district_id, figure, date_trunc('month', day)::date, sample, sum(count)
  FROM platform.figure_district_samples WHERE day < '2026-01-01' GROUP BY 1, 2, 3, 4;
-- a past year's pages are all-visible once autovacuum has been by: index-only reads
VACUUM ANALYZE platform.figure_daily, platform.figure_monthly, platform.figure_district_daily,
        platform.figure_samples, platform.figure_district_samples, platform.figure_spans,
        platform.figure_district_monthly, platform.figure_district_samples_monthly,
        platform.cadence_district_monthly;
SQL
SYNTH_SECS=$(secs_since "$t0")
YEAR_DAILY=$(psql -c "SELECT count(*) FROM platform.figure_daily WHERE day < '2026-01-01'")
YEAR_MONTHLY=$(psql -c "SELECT count(*) FROM platform.figure_monthly WHERE month < '2026-01-01'")

# --- the dashboard through the gateway ---------------------------------------------------------
DASH_FIELDS='from to previousFrom previousTo communities { total active onboarded } partnerOrganisations figures { figure label value previous } rates { name value previous } medianResolutionHours { value previous } cadence { met communityMonths } series(figure: \"courses.sessions\", by: MONTH) { start value } ranking(figure: \"courses.enrolments\", limit: 10) { rank slug name streetName value }'
dash_body() { # $1 = district, $2 = from, $3 = to, $4 = filter ("" for none)
  echo "{\"query\":\"{ districtDashboard(districtCode: \\\"$1\\\", from: \\\"$2\\\", to: \\\"$3\\\"$4) { $DASH_FIELDS } }\"}"
}
gq "$(dash_body 510109 2025-01-01 2025-12-31 '')" | grep -q '"communityMonths"'
latency() { # $1 = body, $2 = connections; prints "req/s p50 p95 p99" (ms)
  cat >"$WORK/dash.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = $(python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1")
done = function(summary, latency, requests)
  io.write(string.format("%.1f %.1f %.1f %.1f\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
  wrk -t1 -c"$2" -d10s -s "$WORK/dash.lua" "$URL" | tail -1
}
FILTER=', filter: {street: \"510109003\", kinds: [MIXED, OLD_COURTYARD, RESETTLEMENT]}'
read -r Y1_RPS Y1_P50 Y1_P95 Y1_P99 <<<"$(latency "$(dash_body 510109 2025-01-01 2025-12-31 '')" 1)"
read -r Y4_RPS Y4_P50 Y4_P95 Y4_P99 <<<"$(latency "$(dash_body 510109 2025-01-01 2025-12-31 '')" 4)"
read -r M1_RPS M1_P50 M1_P95 M1_P99 <<<"$(latency "$(dash_body 510109 2025-06-01 2025-06-30 '')" 1)"
read -r D1_RPS D1_P50 D1_P95 D1_P99 <<<"$(latency "$(dash_body 510109 2025-03-05 2025-04-20 '')" 1)"
read -r F1_RPS F1_P50 F1_P95 F1_P99 <<<"$(latency "$(dash_body 510109 2025-01-01 2025-12-31 "$FILTER")" 1)"

# --- PostgreSQL alone: the year's statements (the same SQL as dashboards::district), one after
# another on one connection -------------------------------------------------------------------
DID=$(psql -c "SELECT id FROM platform.districts WHERE code = '510109'")
cat >"$WORK/dash.sql" <<SQL
SELECT figure, coalesce(sum(value) FILTER (WHERE month >= '2025-01-01'), 0)::bigint, coalesce(sum(value) FILTER (WHERE month < '2025-01-01'), 0)::bigint FROM platform.figure_district_monthly WHERE district_id = '$DID' AND month BETWEEN '2024-01-01' AND '2025-12-01' GROUP BY figure;
SELECT count(*) FILTER (WHERE c.status <> 'archived'), count(*) FILTER (WHERE c.status = 'active'), count(*) FILTER (WHERE ((c.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN '2025-01-01' AND '2025-12-31') FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id WHERE d.path @> ARRAY['$DID'::uuid];
WITH c AS (SELECT c.id, d.path FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id WHERE d.path @> ARRAY['$DID'::uuid]), above AS (SELECT DISTINCT unnest(path) AS id FROM c) SELECT count(DISTINCT p.organisation_id) FROM platform.partnerships p WHERE p.status = 'approved' AND (p.community_id IN (SELECT id FROM c) OR p.district_id IN (SELECT id FROM above));
SELECT sample, sum(count)::bigint FROM platform.figure_district_samples_monthly WHERE district_id = '$DID' AND figure = 'partners.resolution_hours' AND month BETWEEN '2025-01-01' AND '2025-12-01' GROUP BY sample HAVING sum(count) > 0 ORDER BY sample;
SELECT sample, sum(count)::bigint FROM platform.figure_district_samples_monthly WHERE district_id = '$DID' AND figure = 'partners.resolution_hours' AND month BETWEEN '2024-01-01' AND '2024-12-01' GROUP BY sample HAVING sum(count) > 0 ORDER BY sample;
WITH c AS (SELECT c.id, extract(year FROM l.onboarded)::int * 12 + extract(month FROM l.onboarded)::int AS since, CASE WHEN c.status = 'archived' THEN extract(year FROM l.changed)::int * 12 + extract(month FROM l.changed)::int END AS until FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id, LATERAL (SELECT (c.created_at AT TIME ZONE 'UTC') + interval '8 hours' AS onboarded, (c.updated_at AT TIME ZONE 'UTC') + interval '8 hours' AS changed) l WHERE d.path @> ARRAY['$DID'::uuid]), span AS (SELECT 2025 * 12 + 1 AS a, 2025 * 12 + 12 AS b) SELECT (SELECT coalesce(sum(met), 0)::bigint FROM platform.cadence_district_monthly WHERE district_id = '$DID' AND month BETWEEN '2025-01-01' AND '2025-12-01'), (SELECT coalesce(sum(greatest(0, least(span.b, coalesce(c.until, span.b)) - greatest(span.a, c.since) + 1)), 0)::bigint FROM c, span);
SELECT month, sum(value)::bigint FROM platform.figure_district_monthly WHERE district_id = '$DID' AND figure = 'courses.sessions' AND month BETWEEN '2025-01-01' AND '2025-12-01' GROUP BY month ORDER BY month;
WITH v AS (SELECT community_id, sum(value)::bigint AS value FROM (SELECT community_id, figure, value FROM platform.figure_monthly WHERE month = ANY('{}'::date[]) AND figure = 'courses.enrolments' UNION ALL SELECT community_id, figure, value FROM platform.figure_spans WHERE months = 3 AND start = ANY('{}'::date[]) AND figure = 'courses.enrolments' UNION ALL SELECT community_id, figure, value FROM platform.figure_spans WHERE months = 12 AND start = ANY('{2025-01-01}'::date[]) AND figure = 'courses.enrolments') r GROUP BY community_id), ranked AS (SELECT c.id, c.slug, c.name, c.kind, d.code, d.name AS street, coalesce(v.value, 0) AS value, rank() OVER (ORDER BY coalesce(v.value, 0) DESC) AS rank FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id LEFT JOIN v ON v.community_id = c.id WHERE c.status <> 'archived' AND d.path @> ARRAY['$DID'::uuid]) SELECT * FROM ranked ORDER BY value DESC, slug LIMIT 10;
SQL
PG_OUT=$("$PGBIN/pgbench" -n -c1 -j1 -T10 -f "$WORK/dash.sql" --log --log-prefix="$WORK/pgb" "$PG" 2>/dev/null)
PG_TPS=$(echo "$PG_OUT" | awk '/^tps/ {print $3}')
read -r PG_P50 PG_P95 <<<"$(cat "$WORK"/pgb.* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR] = $1} END {printf "%.1f %.1f\n", a[int(NR * 0.5) + 1], a[int(NR * 0.95) + 1]}')"
PG_STATEMENTS=$(grep -c ';$' "$WORK/dash.sql")
# Each statement alone (pgbench -r: the mean of each over the run).
PG_EACH=$("$PGBIN/pgbench" -n -c1 -j1 -T10 -r -f "$WORK/dash.sql" "$PG" 2>/dev/null \
  | awk '/statement latencies/ {on = 1; next} on && NF > 2 {ms = $1; $1 = ""; $2 = ""; printf "| %s ms | `%.90s…` |\n", ms, substr($0, 3)}')

ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
QUERY_MD=$(cat <<MD
### A district dashboard

A year (2025) of every catalogue figure was written into the rollups for every community
($YEAR_DAILY community-day rows, $YEAR_MONTHLY community-month rows, in $SYNTH_SECS s). The
request: \`districtDashboard\` of the whole district ($COMMUNITIES communities) with every field —
community counts, partner organisations, every figure with the previous period, rates, the
median with the previous, cadence, a monthly series and a top-10 ranking. wrk, 10 s per row;
PostgreSQL alone: pgbench running the same $PG_STATEMENTS statements one after another on one connection.

| request | connections | req/s | p50 | p95 | p99 |
|---|---|---|---|---|---|
| the year 2025 | 1 | $Y1_RPS | $Y1_P50 ms | **$Y1_P95 ms** | $Y1_P99 ms |
| the year 2025 | 4 | $Y4_RPS | $Y4_P50 ms | **$Y4_P95 ms** | $Y4_P99 ms |
| June 2025 | 1 | $M1_RPS | $M1_P50 ms | $M1_P95 ms | $M1_P99 ms |
| 5 March – 20 April 2025 (days) | 1 | $D1_RPS | $D1_P50 ms | $D1_P95 ms | $D1_P99 ms |
| the year, filtered: one street, three kinds | 1 | $F1_RPS | $F1_P50 ms | $F1_P95 ms | $F1_P99 ms |
| PostgreSQL alone, the year's statements in sequence | 1 | $PG_TPS | $PG_P50 ms | $PG_P95 ms | |

Target: ≤ 50 ms p95 through the gateway. Gateway p95 ÷ PostgreSQL alone p95 (year, one
connection): $(ratio "$Y1_P95" "$PG_P95"); the gateway runs the fields' statements concurrently on
pooled connections, so it may beat the sequence.

The year's statements one by one (pgbench -r, mean):

| mean | statement |
|---|---|
$PG_EACH
MD
)

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "## District dashboards over $N communities (rows only)"
  echo
  echo "Measured by \`deploy/bench-dashboards-query.sh $N\` on $(date -u +%Y-%m-%d): $(nproc) cores, release"
  echo "build, embedded PostgreSQL; the communities are platform rows without schemas."
  echo
  echo "$QUERY_MD"
  # BENCH_HOLD=<seconds> keeps the gateway and the cluster up afterwards, to look into a plan
  if [ -n "${BENCH_HOLD:-}" ]; then
    echo "holding for ${BENCH_HOLD}s: psql $PG; gateway $URL; token $TOKEN" >&2
    sleep "$BENCH_HOLD"
  fi
fi
