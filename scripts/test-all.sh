#!/usr/bin/env bash
# npm test — everything: lint, types, unit and integration tests, then the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "The browser tests need Debian's Chromium at /usr/bin/chromium:" >&2
    echo "  sudo apt-get install chromium" >&2
    exit 1
  fi
fi

rm -rf test-results
echo "== lint"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== unit and integration tests (vitest)"; npx vitest run
echo "== browser journeys (playwright)"; npx playwright test
