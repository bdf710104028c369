# Sourced by the load benchmarks (bench-bookings.sh, bench-ledger.sh, …): builds the release
# binary, starts it on a throw-away data directory with the embedded cluster (worker off unless
# BENCH_WORKER_INTERVAL gives its sweep interval in seconds), and
# onboards one community `bench` with a platform admin `bench` / `bench-password`. Sets BIN,
# WORK, URL, PGBIN, PG and psql(); the gateway and the directory go away on exit.
# Usage: source deploy/bench-lib.sh TAG

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

cargo build --release -q
BIN=${CARGO_TARGET_DIR:-target}/release/linli
WORK=$(mktemp -d "/tmp/linli-bench-$1.XXXXXX")
chmod 755 "$WORK"
export LINLI_DATA_DIR=$WORK/data LINLI_LOG_FORMAT=json RUST_LOG=warn \
  LINLI_MASTER_SECRET=bench-master-secret-of-at-least-32-bytes LINLI_METRICS_LISTEN=127.0.0.1:0 \
  LINLI_WORKER_INTERVAL_SECS=${BENCH_WORKER_INTERVAL:-0}
unset DATABASE_URL
"$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
GW=$!
trap 'kill $GW 2>/dev/null || true; wait $GW 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do grep -q "Linli listening on" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^Linli listening on //p' "$WORK/serve.out")
PGDIR=$(readlink -f "$WORK/data/pg")
PGPORT=$(sed -n 4p "$PGDIR/postmaster.pid")
PG="postgres://linli:$(cat "$PGDIR/linli-superuser.password")@127.0.0.1:$PGPORT/linli"
psql() { "$PGBIN/psql" -qAtX "$PG" "$@"; }

echo "bench-password" | "$BIN" admin create --login bench --password-stdin >/dev/null
"$BIN" districts create --code 510109 --name 成都高新区 >/dev/null
"$BIN" communities onboard --district 510109 --slug bench --name 基准社区 >/dev/null
