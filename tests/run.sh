#!/usr/bin/env bash
# The README's test command: install what the tests need when this machine lacks it, then run
# every test (`cargo test --workspace`, arguments passed on). From any directory, as root or
# as an account that may sudo without a password; anyone else is told what to install.
#
# The tests need PostgreSQL's server binaries (each test binary starts its own cluster unless
# DATABASE_URL names one), and the console's browser tests Debian's Chromium, its driver and
# CJK fonts (pages and screenshots render Chinese as it will be read).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

need=()
if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && ! command -v initdb >/dev/null; then
    need+=(postgresql)
fi
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)

if [ "${#need[@]}" -gt 0 ]; then
    deploy/apt-install.sh "The tests" "${need[@]}"
fi

exec cargo test --workspace "$@"
