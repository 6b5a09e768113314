#!/usr/bin/env bash
# npm test's Jest: two lanes at once, each one process in band on a database and queue prefix of its own (global-setup
# makes one per Jest process): the browser tests, which mostly wait on Chromium, and everything else. On the 2-core
# machine this takes the run from ~16.5 to ~10 minutes. Extra arguments go to both lanes. The slow-network test times a
# page load against its budget, so it runs after both lanes, alone on the machine (in a lane it met 2,529 ms for 2,500).
set -uo pipefail
cd "$(dirname "$0")/../.."
npm run --silent jest -- --runInBand test/browser --testPathIgnorePatterns=/test/browser/slow-network "$@" > >(sed -u 's/^/[browser] /') 2>&1 &
browser=$!
npm run --silent jest -- --runInBand --testPathIgnorePatterns='/test/browser/' "$@"
rest=$?
wait "$browser"
browser_rc=$?
npm run --silent jest -- --runInBand "$@" test/browser/slow-network
timed=$?
echo "jest lanes: rest exit ${rest}, browser exit ${browser_rc}, slow network exit ${timed}"
[ "$rest" -eq 0 ] && [ "$browser_rc" -eq 0 ] && [ "$timed" -eq 0 ]
