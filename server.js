// The Ishenim web server: Express in front of the Remix build, adding what every response needs
// (security headers with a per-request CSP nonce, refusal of cross-site writes) and the
// background mail worker. Start with `npm start` (production) or `npm run dev`.
import crypto from 'node:crypto';
import path from 'node:path';
import url from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';

installGlobals();

const BUILD_PATH = path.resolve('build/index.js');
const isProduction = process.env.NODE_ENV === 'production';
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const appUrl = new URL(process.env.APP_URL || `http://localhost:${port}`);
const isHttps = appUrl.protocol === 'https:';

/** @returns {Promise<import('@remix-run/node').ServerBuild>} */
async function loadBuild() {
  return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

let build = await loadBuild();

const app = express();
app.disable('x-powered-by');
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY);

/** Security headers on every response; the nonce lets our own inline scripts run, nothing else. */
app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  const connectSrc = isProduction ? "'self'" : "'self' ws://localhost:* ws://127.0.0.1:*";
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connectSrc}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (isHttps) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  next();
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A form post from another site must not act for a signed-in person (CSRF): refuse unsafe
 * methods whose Origin is foreign or that the browser marks cross-site.
 */
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get('Sec-Fetch-Site');
  const origin = req.get('Origin');
  const ownOrigins = new Set([appUrl.origin, `${req.protocol}://${req.get('Host')}`]);
  if (fetchSite === 'cross-site' || (origin && !ownOrigins.has(origin))) {
    res.status(403).type('text/plain').send('Cross-site request refused');
    return;
  }
  next();
});

/**
 * An answer given before the body was read (a 413 for a body over the limit, a redirect to sign
 * in) closes the connection: the unread rest of the body would otherwise stall the next request
 * sent on it.
 */
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!req.complete && !res.headersSent) res.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  };
  next();
});

// Pages, data and assets go out compressed (brotli where the browser offers it, at quality 4,
// which is quick enough for pages made per request; gzip otherwise): a phone on a village
// connection downloads a third of the bytes. Files already compressed (XLSX, images) are skipped.
app.use(compression());

// Built assets have content hashes in their names: cache them for a year.
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
app.use(express.static('public', { maxAge: '1h' }));

app.all('*', (req, res, next) => {
  // The client's address for throttling and the audit log; never trusted from the request.
  req.headers['x-ishenim-client-ip'] = req.ip ?? 'unknown';
  next();
});

app.all(
  '*',
  isProduction
    ? createRequestHandler({
        build,
        getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
      })
    : (req, res, next) =>
        createRequestHandler({
          build,
          mode: 'development',
          getLoadContext: () => ({ cspNonce: res.locals.cspNonce }),
        })(req, res, next),
);

const server = app.listen(port, host, () => {
  console.log(`Ishenim is listening on ${appUrl.origin} (bound to ${host}:${port})`);
  if (!isProduction) void broadcastDevReady(build);
});

if (!isProduction) {
  // `remix dev --manual` rebuilds into build/; pick up each new build.
  const { watch } = await import('node:fs');
  watch(path.dirname(BUILD_PATH), { persistent: false }, async () => {
    build = await loadBuild();
    void broadcastDevReady(build);
  });
}

async function shutdown(signal) {
  console.log(`${signal}: closing`);
  server.close();
  await build.entry.module.stopBackgroundWork?.();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
