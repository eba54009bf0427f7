// Calling a download route as a signed-in person, and reading its file back: the CSV as text
// (BOM kept) and the XLSX's first sheet through exceljs.
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import ExcelJS from 'exceljs';
import { browserRequest } from './factories';
import { sessionCookieFor } from './jury-factories';

/** The loader's response for `path`, or the Response it threw (403, redirect). */
export async function download(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  path: string,
  user: { id: number },
): Promise<Response> {
  try {
    return await loader({
      request: browserRequest(`http://localhost:3999${path}`, {
        cookie: await sessionCookieFor(user),
      }),
      params: {},
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The CSV with its BOM, and its lines after the BOM. */
export async function csvOf(response: Response): Promise<{ csv: string; lines: string[] }> {
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { csv, lines: csv.slice(1).trimEnd().split('\r\n') };
}

/** The first sheet of a streamed workbook. */
export async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(response.body! as never)) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
