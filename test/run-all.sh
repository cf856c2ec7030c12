#!/usr/bin/env bash
# Installs everything the tests need and runs every test: type checks, unit and component tests (vitest),
# and end-to-end tests in Debian's chromium (Playwright against the production build).
# Usage (a fresh clone): bash test/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_INSTALL:-}" != "1" ]; then
	npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
	echo "== chromium is missing: installing Debian's package"
	SUDO=""
	[ "$(id -u)" = "0" ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

mkdir -p test-results
echo "== type checks (svelte-check, service worker)"
npm run --silent check

echo "== unit and component tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== end-to-end tests (Playwright, Debian chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/test-results/playwright.json" \
	npx playwright test -c test/playwright.config.ts --reporter=list,json

node -e '
const fs = require("fs");
const v = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
const p = JSON.parse(fs.readFileSync("test-results/playwright.json", "utf8")).stats;
const passed = v.numPassedTests + p.expected;
const failed = v.numFailedTests + p.unexpected + p.flaky;
console.log(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed; playwright: ${p.expected} passed, ${p.unexpected} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
'
