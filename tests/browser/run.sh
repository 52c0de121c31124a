#!/usr/bin/env bash
# Browser tests of the web UI: builds `claimtrail`, makes the demo store, starts
# `claimtrail serve` on a free port of 127.0.0.1, runs e2e.mjs in headless Chromium and
# stops the server whatever happens. Exit status: the tests'.
#
# Needs: cargo, node (>= 20), Debian's chromium (/usr/bin/chromium, or $CHROMIUM) and
# `npm ci --prefix tests/browser` done (done here when node_modules is missing).
# Screenshots: target/browser-artifacts/ (or $ARTIFACTS_DIR). $CLAIMTRAIL_BIN: use this binary
# instead of building one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

target="${CARGO_TARGET_DIR:-$root/target}"
export ARTIFACTS_DIR="${ARTIFACTS_DIR:-$root/target/browser-artifacts}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || { echo "run.sh: no browser at $CHROMIUM (apt-get install chromium)" >&2; exit 2; }

if [ -n "${CLAIMTRAIL_BIN:-}" ]; then
  # A binary built already (CI passes the one `cargo test` built: same code, no second build).
  bin="$CLAIMTRAIL_BIN"
  [ -x "$bin" ] || { echo "run.sh: CLAIMTRAIL_BIN=$bin is not executable" >&2; exit 2; }
  echo "== using $bin"
else
  echo "== build claimtrail"
  cargo build --locked --bin claimtrail
  bin="$target/debug/claimtrail"
fi

if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  echo "== npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$here" --no-audit --no-fund
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimtrail-e2e.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== demo store"
"$bin" demo --db "$tmp/demo.db" >"$tmp/demo.log"
tail -n 3 "$tmp/demo.log"

# A free port: bind port 0, read the port, release it.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
token="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export CLAIMTRAIL_URL="http://127.0.0.1:$port"
export CLAIMTRAIL_TOKEN="$token"

echo "== serve on $CLAIMTRAIL_URL"
"$bin" serve --db "$tmp/demo.db" --addr "127.0.0.1:$port" --ingest-token "$token" >"$tmp/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
    "$CLAIMTRAIL_URL/api/v1/stats" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "run.sh: the server did not answer /api/v1/stats" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi

echo "== browser tests"
mkdir -p "$ARTIFACTS_DIR"
rm -f "$ARTIFACTS_DIR"/*.png
status=0
node --test --test-concurrency=1 "$here/e2e.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "-- server log (tail)" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
echo "screenshots: $ARTIFACTS_DIR"
exit "$status"
