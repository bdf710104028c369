#!/usr/bin/env bash
# The README's run command: Linli with the demo data on embedded defaults (a private PostgreSQL
# cluster and S3-compatible server under the checkout's .linli/), installing PostgreSQL's
# server binaries first when this machine has none. From any directory, as root or as an
# account that may sudo without a password; arguments go to `linli serve` (e.g. --listen).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && ! command -v initdb >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        echo "Linli's embedded database needs PostgreSQL's server binaries." >&2
        echo "Install them as root (apt-get install postgresql), or run this as an account that may sudo, and run it again." >&2
        exit 1
    fi
    echo "Installing PostgreSQL's server binaries (Debian: postgresql)" >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

exec cargo run --release -- serve --demo "$@"
