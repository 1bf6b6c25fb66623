#!/usr/bin/env bash
# Edit-to-reload latency of `planbook serve`: on the example content and on a synthetic
# site of N plans (default 10 000) generated in /dev/shm (the disk is slow). serve's private
# output goes to /dev/shm too (TMPDIR), since a 10 000-plan site is about 2 GB.
#
#   bench/serve-latency.sh [PLANS]
#
# Prints, per site: time until serve answers, and for each edit of a progress entry's
# narrative the time to the SSE reload event and until the new text is served.
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-10000}"
site="/dev/shm/planbook-serve-bench-${plans}"
if [ ! -f "$site/site.yaml" ]; then
  cargo run --release --example synth -- --plans "$plans" --out "$site"
fi
TMPDIR=/dev/shm PLANBOOK_BENCH_CONTENT="$site" \
  cargo bench --bench serve_latency
