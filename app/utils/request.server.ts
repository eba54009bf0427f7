/** The client's address, as Express saw it (the server sets x-ishenim-client-ip). */
export function clientIp(request: Request): string {
  return request.headers.get('x-ishenim-client-ip') ?? 'unknown';
}

/**
 * Only a path on this site may be a redirect target, never another origin ("//evil", "/\evil").
 */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (
    typeof to !== 'string' ||
    !to.startsWith('/') ||
    to.startsWith('//') ||
    to.startsWith('/\\')
  ) {
    return fallback;
  }
  return to;
}
