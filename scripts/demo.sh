#!/usr/bin/env bash
# npm run demo — build, migrate, seed the demo programme and serve it at http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
npm run build

export DATABASE_PATH="${DATABASE_PATH:-data/ishenim.db}"
export PORT="${PORT:-3000}"
# Links and Message-IDs in the seeded notices use the address the demo is served at.
export APP_URL="${APP_URL:-http://localhost:${PORT}}"
# A production server refuses the default sender; the demo names its own.
export MAIL_FROM="${MAIL_FROM:-Ishenim demo <no-reply@example.org>}"
mkdir -p data
if [ -z "${SESSION_SECRET:-}" ]; then
  # A secret made once for this machine's demo and kept beside its database (not committed).
  [ -s data/session-secret ] || node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))" > data/session-secret
  SESSION_SECRET="$(cat data/session-secret)"
  export SESSION_SECRET
fi
if [ -z "${AUDIT_KEY:-}" ]; then
  # The audit log's MAC key, also made once and kept beside the database (never inside it).
  [ -s data/audit-key ] || node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))" > data/audit-key
  AUDIT_KEY="$(cat data/audit-key)"
  export AUDIT_KEY
fi

npx tsx db/seed/seed-cli.ts
echo
echo "Open ${APP_URL} and sign in with one of the accounts above."
NODE_ENV=production exec node server.js
