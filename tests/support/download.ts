// Calling a resource route's loader as a signed-in user, and reading its streamed body back.
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { browserRequest } from './factories';
import { sessionCookieFor } from './jury-factories';

/** The loader's answer to `user` at `path`, a thrown Response (refusal, redirect) included. */
export async function loadAs(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  path: string,
  user: { id: number },
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    return await loader({
      request: browserRequest(`http://localhost:3999${path}`, {
        cookie: await sessionCookieFor(user),
      }),
      params,
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The whole body of a (streamed) download. */
export async function bodyBytes(response: Response): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(response.body! as never)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
