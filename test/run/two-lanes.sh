#!/usr/bin/env bash
# npm test's Jest: two lanes at once, each one process in band on a database and queue prefix of its own (global-setup
# makes one per Jest process): the browser tests, which mostly wait on Chromium, and everything else. On the 2-core
# machine this takes the run from ~16.5 to ~10 minutes. Extra arguments go to both lanes.
set -uo pipefail
cd "$(dirname "$0")/../.."
npm run --silent jest -- --runInBand "$@" test/browser > >(sed -u 's/^/[browser] /') 2>&1 &
browser=$!
npm run --silent jest -- --runInBand --testPathIgnorePatterns '/test/browser/' "$@"
rest=$?
wait "$browser"
browser_rc=$?
echo "jest lanes: rest exit ${rest}, browser exit ${browser_rc}"
[ "$rest" -eq 0 ] && [ "$browser_rc" -eq 0 ]
