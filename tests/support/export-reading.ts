// Calling a download route as a signed-in person, and reading its file back: the CSV as text
// (BOM kept) and the XLSX's first sheet through exceljs. The call and the streamed body are
// ./download.ts's.
import ExcelJS from 'exceljs';
import { bodyBytes, loadAs } from './download';

/** The loader's response for `path`, or the Response it threw (403, redirect). */
export const download = loadAs;

/** The CSV with its BOM, and its lines after the BOM. */
export async function csvOf(response: Response): Promise<{ csv: string; lines: string[] }> {
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { csv, lines: csv.slice(1).trimEnd().split('\r\n') };
}

/** The first sheet of a streamed workbook. */
export async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bodyBytes(response)) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
