#!/usr/bin/env bash
# The time bank's hot account: committed redemptions per second, every one paying into the
# community fund, through the gateway (wrk, 200 residents each with a token) and by PostgreSQL
# alone inserting the same transfers (pgbench) — with the fund taking credits as pending rows
# (as Linli does) and, for comparison, with the fund's row updated by every credit.
#
#   deploy/bench-ledger.sh [seconds per run, default 10] [connections, default 16]
#
# Prints a Markdown section for docs/PERFORMANCE.md. Needs: PostgreSQL's server binaries,
# wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONC=${2:-16}
PEOPLE=200
# shellcheck source=deploy/bench-lib.sh
source deploy/bench-lib.sh ledger

# Residents with points, a service reward of one point, and one token per resident.
python3 - "$URL" "$PEOPLE" "$WORK/setup.lua" <<'PY'
import json, sys, urllib.request
url, people, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def post(body, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
        headers["x-community"] = "bench"
    r = json.load(urllib.request.urlopen(urllib.request.Request(url, json.dumps(body).encode(), headers)))
    assert "errors" not in r, r
    return r["data"]
def gq(query, token, **variables):
    return post({"query": query, "variables": variables}, token)
def login(name, pw):
    return post({"query": "mutation($l: String!, $p: String!) { login(loginName: $l, password: $p) { token } }",
                 "variables": {"l": name, "p": pw}})["login"]["token"]
admin = login("bench", "bench-password")
reward = gq('mutation { createReward(name: "茶话会", kind: SERVICE, price: 1) { id } }', admin)["createReward"]["id"]
tokens = []
for i in range(people):
    a = gq('mutation($l: String!) { createAccount(input: {loginName: $l, displayName: "居民", password: "password-123"}) { id } }',
           admin, l=f"resident-{i:04d}")["createAccount"]["id"]
    gq('mutation($a: ID!) { grantRole(input: {accountId: $a, role: RESIDENT, communitySlug: "bench"}) }', admin, a=a)
    gq('mutation($k: String!, $p: ID!) { grantPoints(key: $k, personId: $p, amount: 1000000) { id } }',
       admin, k=f"bench-seed-{i:04d}", p=a)
    tokens.append(login(f"resident-{i:04d}", "password-123"))
with open(out, "w") as f:
    f.write("reward = %s\n" % json.dumps(reward))
    f.write("tokens = {%s}\n" % ",".join(json.dumps(t) for t in tokens))
PY
cat >>"$WORK/setup.lua" <<'LUA'
-- Each wrk thread has its own Lua state: seed each apart (a table's address), or both
-- threads would send the same keys and half the requests would be replays.
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003)
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Community"] = "bench"
request = function()
  n = n + 1
  wrk.headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
  local key = string.format("bench-%08x%08x-%d", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff), n)
  local body = string.format('{"query":"mutation { redeemReward(key: \\"%s\\", rewardId: \\"%s\\") { id } }"}', key, reward)
  return wrk.format(nil, nil, nil, body)
end
LUA
fund() { psql -c "SELECT balance + coalesce((SELECT sum(amount) FROM c_bench.points_pending_credits), 0) FROM c_bench.points_accounts WHERE kind = 'fund'"; }
redemptions() { psql -c "SELECT count(*) FROM c_bench.redemptions"; }
GW_RPS=$(wrk -t2 -c"$CONC" -d"${SECS}s" -s "$WORK/setup.lua" "$URL" | awk '/Requests\/sec/ {print $2}')
GW_N=$(redemptions)
GW_FUND=$(fund)

# PostgreSQL alone: the same transfer (resident → fund) with its trigger, as one statement per
# transaction; first with the fund hot (pending credits), then with its row updated each time.
psql -c "SELECT id FROM c_bench.points_accounts WHERE kind = 'person' ORDER BY id" >"$WORK/people"
cat >"$WORK/redeem.sql" <<SQL
\set p random(1, $PEOPLE)
BEGIN;
SET LOCAL search_path = c_bench;
SELECT 1 FROM c_bench.points_accounts WHERE id = (SELECT id FROM c_bench.points_accounts WHERE kind = 'person' ORDER BY id OFFSET :p - 1 LIMIT 1) FOR NO KEY UPDATE;
INSERT INTO c_bench.points_transfers (id, key, fingerprint, kind, from_account, to_account, amount, created_by)
  SELECT gen_random_uuid(), 'pg-' || gen_random_uuid(), '', 'redeem', id, '00000000-0000-0000-0000-000000000003', 1, id
    FROM c_bench.points_accounts WHERE kind = 'person' ORDER BY id OFFSET :p - 1 LIMIT 1;
COMMIT;
SQL
pgb() { "$PGBIN/pgbench" -n -c"$CONC" -j2 -T"$SECS" -f "$WORK/redeem.sql" "$PG" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3}'; }
PG_HOT=$(pgb)
psql -c "SET search_path = c_bench; SELECT points_fold('00000000-0000-0000-0000-000000000003')" >/dev/null
psql -c "UPDATE c_bench.points_accounts SET hot = false WHERE kind = 'fund'"
PG_COLD=$(pgb)
psql -c "UPDATE c_bench.points_accounts SET hot = true WHERE kind = 'fund'"
CHECK=$(psql -c "SET search_path = c_bench; SELECT count(*) FROM points_accounts a WHERE kind NOT IN ('issuance', 'burned') AND a.balance + coalesce((SELECT sum(amount) FROM points_pending_credits p WHERE p.account_id = a.id), 0) <> coalesce((SELECT sum(amount) FROM points_transfers WHERE to_account = a.id), 0) - coalesce((SELECT sum(amount) FROM points_transfers WHERE from_account = a.id), 0)")
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
per_s() { python3 -c "print(f'{int($1) / $SECS:.0f}')"; }

cat <<MD
## The time bank's hot account

Measured by \`deploy/bench-ledger.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, release build,
embedded PostgreSQL (fsync on), $CONC connections, ${SECS} s per run. Every request is
\`redeemReward\` of a one-point service by one of $PEOPLE residents (a random token, a fresh
idempotency key): one transaction that locks the resident's account, inserts the transfer
(its trigger debits the resident and credits the community fund) and writes the redemption.
PostgreSQL alone: pgbench running the same lock and transfer insert, one transaction each.

| run | redemptions/s | committed | fund credited | ÷ PostgreSQL alone (hot fund) |
|---|---|---|---|---|
| gateway (\`redeemReward\`) | $GW_RPS | $GW_N ($(per_s "$GW_N")/s) | $GW_FUND | $(ratio "$GW_RPS" "$PG_HOT") |
| PostgreSQL alone, fund hot (credits as pending rows) | $PG_HOT | | | 1.00 |
| PostgreSQL alone, fund row updated by every credit | $PG_COLD | | | $(ratio "$PG_COLD" "$PG_HOT") |

Target: ≥ 500 committed redemptions per second. How: the fund never takes a row lock for a
credit — each credit is a row of \`points_pending_credits\`, folded into the balance by the
next debit of the fund under its lock — and the ledger's own locks are \`FOR NO KEY UPDATE\`,
which leave the foreign keys' key-share locks on the fund alone. With the fund's row updated
by every credit, every redemption queues on that one row until its commit (WAL flush
included). Accounts whose kept balance differs from the recount after all runs: **$CHECK**.
MD
