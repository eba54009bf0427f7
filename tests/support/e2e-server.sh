#!/usr/bin/env bash
# Started by Playwright: a production build of the current code, on a fresh database seeded
# with the demo programme.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The test runner sets NODE_ENV=test; the server runs a production build, so build as one.
NODE_ENV=production npx remix build
rm -f "$DATABASE_PATH" "$DATABASE_PATH-wal" "$DATABASE_PATH-shm"
# The audit checkpoints belong to the database just removed.
if [ -n "${AUDIT_CHECKPOINT_DIR:-}" ]; then rm -rf "$AUDIT_CHECKPOINT_DIR"; fi
mkdir -p "$(dirname "$DATABASE_PATH")"
npx tsx db/seed/seed-cli.ts > /dev/null
NODE_ENV=production exec node server.js
