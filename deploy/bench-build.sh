#!/usr/bin/env bash
# What the README's commands cost to build from nothing: the release build the run command
# makes (`cargo build --release`) and the test build (`cargo test --workspace --no-run`), each
# in an empty target directory, one after the other, with the machine otherwise idle.
#
#   deploy/bench-build.sh
#
# Prints a Markdown section for docs/PERFORMANCE.md ("Build times"). Keep the release build
# from growing: a new dependency or a new crate shows here.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
WORK=$(mktemp -d /tmp/linli-bench-build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

timed() { # name, command...: the wall-clock seconds of a cold build
  local name=$1; shift
  local start end
  start=$(date +%s)
  CARGO_TARGET_DIR="$WORK/$name" "$@" >/dev/null 2>&1
  end=$(date +%s)
  echo $((end - start))
}

release=$(timed release cargo build --release --locked -q)
tests=$(timed tests cargo test --workspace --locked --no-run -q)
fmt() { printf '%d min %02d s' $(($1 / 60)) $(($1 % 60)); }
echo "### Build times"
echo
echo "Measured by \`deploy/bench-build.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, an empty target"
echo "directory each, rustc $(rustc --version | cut -d' ' -f2)."
echo
echo "| build | wall clock |"
echo "|---|---|"
echo "| \`cargo build --release\` (the run command's first build) | $(fmt "$release") |"
echo "| \`cargo test --workspace --no-run\` (the test command's build) | $(fmt "$tests") |"
