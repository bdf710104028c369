#!/usr/bin/env bash
# Bookings under load: how many booking requests per second the gateway answers and how many
# bookings it commits, with the requests spread over a month and with all of them racing for
# one day, against PostgreSQL alone inserting the same slots (the exclusion check) by pgbench.
#
#   deploy/bench-bookings.sh [seconds per run, default 10] [connections, default 16]
#
# Prints a Markdown section for docs/PERFORMANCE.md. Needs: PostgreSQL's server binaries,
# wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONC=${2:-16}
# shellcheck source=deploy/bench-lib.sh
source deploy/bench-lib.sh bookings
TOKEN=$(curl -s "$URL" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(loginName: \"bench\", password: \"bench-password\") { token } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["login"]["token"])')
gq() { curl -s "$URL" -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H "x-community: bench" -d "$1"; }
space() { # $1 = name; prints the id of a space open 00:00–23:59 daily, 30 days ahead, 30–240 min
  local id
  id=$(gq "{\"query\":\"mutation { createSpace(name: \\\"$1\\\", kind: FUNCTION_ROOM, capacity: 50) { id } }\"}" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["createSpace"]["id"])')
  gq "{\"query\":\"mutation { setOpeningHours(spaceId: \\\"$id\\\", spans: [$(for d in 1 2 3 4 5 6 7; do printf '{weekday: %s, opens: \\"00:00\\", closes: \\"23:59\\"},' "$d"; done)]) { weekday } }\"}" >/dev/null
  echo "$id"
}
SPREAD=$(space 百文斋)
RACE=$(space 舞之魅)
# Tomorrow 00:00 UTC, as seconds: every request starts on a half hour after it.
BASE=$(python3 -c 'import datetime as d; t = d.datetime.now(d.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) + d.timedelta(days=1); print(int(t.timestamp()))')
lua() { # $1 = space, $2 = number of half-hour starts to choose from
  cat <<LUA
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["X-Community"] = "bench"
request = function()
  local t = $BASE + 1800 * math.random(0, $2 - 1)
  local body = string.format('{"query":"mutation { bookSpace(input: {spaceId: \\\\"%s\\\\", startsAt: \\\\"%s\\\\", minutes: 60, purpose: \\\\"bench\\\\", attendance: 5}) { id } }"}', "$1", os.date("!%Y-%m-%dT%H:%M:%SZ", t))
  return wrk.format(nil, nil, nil, body)
end
LUA
}
# Spread: 28 days × 47 half-hour starts; race: one day's 46 starts, every request for it.
lua "$SPREAD" 1316 >"$WORK/spread.lua"
lua "$RACE" 46 >"$WORK/race.lua"
gq "{\"query\":\"mutation { bookSpace(input: {spaceId: \\\"$SPREAD\\\", startsAt: \\\"$(date -u -d @$((BASE + 3600)) +%Y-%m-%dT%H:%M:%SZ)\\\", minutes: 60, purpose: \\\"check\\\", attendance: 5}) { id } }\"}" | grep -q '"id"'
run() { wrk -t2 -c"$CONC" -d"${SECS}s" -s "$1" "$URL" | awk '/Requests\/sec/ {print $2}'; }
committed() { psql -c "SELECT count(*) FROM c_bench.bookings WHERE space_id = '$1' AND status = 'approved'"; }
SPREAD_RPS=$(run "$WORK/spread.lua"); SPREAD_N=$(committed "$SPREAD")
RACE_RPS=$(run "$WORK/race.lua"); RACE_N=$(committed "$RACE")
OVERLAPS=$(psql -c "SELECT count(*) FROM c_bench.space_slots a JOIN c_bench.space_slots b ON a.space_id = b.space_id AND a.id < b.id AND a.during && b.during")
# PostgreSQL alone: the slot insert with its exclusion check, spread the same way.
SPACE3=$(space 书画室)
cat >"$WORK/slots.sql" <<SQL
\set k random(0, 1315)
INSERT INTO c_bench.space_slots (id, space_id, during, session_id)
  VALUES (gen_random_uuid(), '$SPACE3', tstzrange(to_timestamp($BASE + 1800 * :k), to_timestamp($BASE + 1800 * :k + 3600)), gen_random_uuid())
  ON CONFLICT DO NOTHING;
SQL
PG_TPS=$("$PGBIN/pgbench" -n -M prepared -c"$CONC" -j2 -T"$SECS" -f "$WORK/slots.sql" "$PG" 2>/dev/null | awk '/^tps/ {print $3}')
PG_N=$(psql -c "SELECT count(*) FROM c_bench.space_slots WHERE space_id = '$SPACE3'")
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
per_s() { python3 -c "print(f'{int($1) / $SECS:.1f}')"; }

cat <<MD
## Bookings

Measured by \`deploy/bench-bookings.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, release build,
embedded PostgreSQL (fsync on), $CONC connections, ${SECS} s per run. Each request books one
hour (\`bookSpace\`) at a random half hour; "spread" over 28 days, "race" all within one day,
so most requests collide. PostgreSQL alone: pgbench inserting the same slots with their
exclusion check (\`ON CONFLICT DO NOTHING\`).

| run | requests/s | bookings committed | committed/s | requests ÷ PostgreSQL alone |
|---|---|---|---|---|
| gateway, spread over a month | $SPREAD_RPS | $SPREAD_N | $(per_s "$SPREAD_N") | $(ratio "$SPREAD_RPS" "$PG_TPS") |
| gateway, racing for one day | $RACE_RPS | $RACE_N | $(per_s "$RACE_N") | $(ratio "$RACE_RPS" "$PG_TPS") |
| PostgreSQL alone, slot inserts | $PG_TPS | $PG_N | $(per_s "$PG_N") | 1.00 |

Overlapping slots in the database after both runs: **$OVERLAPS** (the exclusion constraint
holds under load; in the race a day of 46 half-hour starts admits at most 23 one-hour bookings).
MD
