#!/usr/bin/env bash
# Write the compose deployment's secrets (once; existing files are kept), mode 0600.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
umask 077
random() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48; }
keep() { [ -s "$dir/$1" ] || printf '%s\n' "$2" > "$dir/$1"; }
keep postgres_password "$(random)"
keep master_secret "$(random)"
keep token_secret "$(random)"
keep s3_access_key "linli"
keep s3_secret_key "$(random)"
keep database_url "postgres://linli_admin:$(cat "$dir/postgres_password")@postgres:5432/linli"
echo "secrets in $dir"
