import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { isLocale } from '~/i18n/config';
import { TranslationProvider } from '~/i18n/react';
import { resources } from '~/i18n/resources';
import { withoutNulBytes } from '~/utils/html-stream.server';
import { detectLocale } from '~/utils/locale.server';
import { NonceProvider } from '~/utils/nonce';
import { startBackgroundWork } from '~/utils/background.server';

const ABORT_DELAY = 5_000;

// The server process imports this module once: start mail delivery with it.
startBackgroundWork();
export { stopBackgroundWork } from '~/utils/background.server';

/** Pages can hold personal data: never cached unless a route says otherwise. */
function defaultNoStore(headers: Headers) {
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  defaultNoStore(response.headers);
  return response;
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : '';
  // The root loader decided the language; if it failed, decide again from the request.
  const rootData = remixContext.staticHandlerContext.loaderData.root as
    { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : await detectLocale(request);
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared as soon as the whole page is rendered. Left to run, the timer kept every request's
    // render (its React tree, loader data and HTML buffers) alive for five seconds after it was
    // answered: under load that was hundreds of requests at once, and the server's memory grew
    // past a gigabyte on a tiny database.
    const abortTimer = setTimeout(() => abort(), ABORT_DELAY);
    const sendShell = () => {
      shellRendered = true;
      const body = withoutNulBytes();
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      responseHeaders.set('Content-Language', locale);
      defaultNoStore(responseHeaders);
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TranslationProvider locale={locale} bundle={resources[locale]}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={nonce}
          />
        </TranslationProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) sendShell();
        },
        onAllReady() {
          clearTimeout(abortTimer);
          if (waitForAll) sendShell();
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
