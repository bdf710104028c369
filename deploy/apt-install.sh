#!/usr/bin/env bash
# Install Debian packages the README's commands need: as root, or through `sudo -n` for an
# account that may; anyone else is told the one line to run. (Used by tests/run.sh and
# deploy/demo.sh when something is missing.)
#
#   deploy/apt-install.sh "<what needs them>" package...
set -euo pipefail
why=$1
shift
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "$why: these Debian packages are missing: $*." >&2
    echo "Install them as root (apt-get install $*), or run this as an account that may sudo, and run it again." >&2
    exit 1
fi
echo "$why: installing $*" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
