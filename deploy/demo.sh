#!/usr/bin/env bash
# The README's run command: Linli with the demo data on embedded defaults (a private PostgreSQL
# cluster and S3-compatible server under the checkout's .linli/), installing PostgreSQL's
# server binaries first when this machine has none. From any directory, as root or as an
# account that may sudo without a password; arguments go to `linli serve` (e.g. --listen).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && ! command -v initdb >/dev/null; then
    deploy/apt-install.sh "Linli's embedded database" postgresql
fi

exec cargo run --release -- serve --demo "$@"
