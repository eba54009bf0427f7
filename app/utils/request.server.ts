/** The client's address, as Express saw it (the server sets x-ishenim-client-ip). */
export function clientIp(request: Request): string {
  return request.headers.get('x-ishenim-client-ip') ?? 'unknown';
}

/** Longer than any address of this site; a longer value is not one of ours. */
const MAX_REDIRECT_LENGTH = 2048;
/** Percent-encoding nested deeper than this is refused rather than unwrapped further. */
const MAX_DECODE_LAYERS = 4;
const ORIGIN_PROBE = 'http://portal.invalid';

const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- the point is to find control characters.
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;

/**
 * A path is safe when it starts with a single "/" and holds no whitespace or control character
 * (a browser drops a tab or newline, so "/\t/evil" becomes "//evil"), no backslash (read as
 * "/") and no "//" (another host).
 */
function isSafePath(path: string): boolean {
  return (
    path.startsWith('/') && !path.includes('//') && !path.includes('\\') && !INVISIBLE.test(path)
  );
}

/**
 * Only a path on this site may be a redirect target: never another origin ("//evil",
 * "/\evil", "/%09/evil", "/%2F%2Fevil", a scheme), never a value a Location header cannot hold.
 * The whole value must be printable ASCII without spaces or backslashes; its path, and every
 * percent-decoded layer of its path, must be safe. Anything else falls back (home by default).
 */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!/^[\u0021-\u007e]+$/.test(to) || to.includes('\\')) return fallback;
  let layer = to.split(/[?#]/, 1)[0]!;
  for (let depth = 0; ; depth++) {
    if (!isSafePath(layer)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return fallback;
    }
    if (decoded === layer) break;
    if (depth === MAX_DECODE_LAYERS) return fallback;
    layer = decoded;
  }
  // Last word to the URL parser the browser follows: the target stays on our origin.
  try {
    if (new URL(to, ORIGIN_PROBE).origin !== ORIGIN_PROBE) return fallback;
  } catch {
    return fallback;
  }
  return to;
}
