// Importing households from the ministry's register of benefit recipients (a CSV file): staff see
// every row's problems first; then one commit writes all new households, or nothing.
import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import { db, writeTransaction } from '~db/client';
import { householdImports } from '~db/schema/households';
import { appendAudit } from '~/models/audit.server';
import {
  existingRegisterNumbers,
  insertHousehold,
  replaceMembers,
} from '~/models/household.server';
import { listLocalities } from '~/models/user.server';
import { RELATIONS, type Relation, type Sex } from '~/schemas/enums';
import { normalizePhone } from '~/utils/contact.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

/** The columns of the import file, in order; the first row must name them. */
export const IMPORT_COLUMNS = [
  'register_number',
  'locality',
  'address',
  'phone',
  'first_name',
  'last_name',
  'sex',
  'birth_year',
  'relation',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = [
  'register_number',
  'locality',
  'first_name',
  'last_name',
  'sex',
  'birth_year',
];

/** Sex as registers write it, in Kyrgyz, Russian or English. */
const SEX_WORDS: Record<string, Sex> = {
  female: 'female',
  f: 'female',
  ж: 'female',
  жен: 'female',
  женский: 'female',
  аял: 'female',
  male: 'male',
  m: 'male',
  м: 'male',
  муж: 'male',
  мужской: 'male',
  эркек: 'male',
};

export type ImportRowProblem =
  | 'register-number-missing'
  | 'register-number-repeated'
  | 'locality-unknown'
  | 'name-missing'
  | 'sex-unknown'
  | 'birth-year-invalid'
  | 'phone-invalid'
  | 'relation-unknown';

export type ImportRow = {
  /** The line in the file (the header is line 1). */
  line: number;
  registerNumber: string;
  localityId: number | null;
  localityText: string;
  address: string;
  phone: string | null;
  firstName: string;
  lastName: string;
  sex: Sex | null;
  birthYear: number | null;
  relation: Relation;
  problems: ImportRowProblem[];
  /** Already in Ishenim (same register number): left as it is, not imported again. */
  alreadyRegistered: boolean;
};

export type ImportAnalysis =
  | {
      ok: false;
      fileError: 'unreadable' | 'empty' | 'too-large' | 'too-many-rows' | 'missing-columns';
      missingColumns?: string[];
    }
  | { ok: true; rows: ImportRow[]; newCount: number; problemCount: number; alreadyCount: number };

/** Registers exported from Excel in Russian Windows are often Windows-1251, not UTF-8. */
export function decodeImportFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Reads and checks every row against the localities and the households already in Ishenim. */
export function analyseImport(content: string): ImportAnalysis {
  if (content.length > IMPORT_MAX_BYTES) return { ok: false, fileError: 'too-large' };
  let records: string[][];
  try {
    records = parse(content, {
      delimiter: [';', ',', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch {
    return { ok: false, fileError: 'unreadable' };
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) return { ok: false, fileError: 'empty' };
  if (body.length > IMPORT_MAX_ROWS) return { ok: false, fileError: 'too-many-rows' };
  const columns = header.map(normaliseHeader);
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missingColumns.length > 0) return { ok: false, fileError: 'missing-columns', missingColumns };
  const cell = (record: string[], column: Column) => {
    const index = columns.indexOf(column);
    return index >= 0 ? (record[index] ?? '').trim() : '';
  };

  const localityByName = new Map<string, number>();
  for (const locality of listLocalities()) {
    for (const name of [locality.code, locality.nameKy, locality.nameRu, locality.nameEn]) {
      localityByName.set(name.trim().toLowerCase(), locality.id);
    }
  }
  const thisYear = new Date().getUTCFullYear();
  const seen = new Map<string, number>();
  const rows: ImportRow[] = body.map((record, index) => {
    const problems: ImportRowProblem[] = [];
    const registerNumber = cell(record, 'register_number');
    if (!registerNumber) problems.push('register-number-missing');
    else if (seen.has(registerNumber)) problems.push('register-number-repeated');
    else seen.set(registerNumber, index);
    const localityText = cell(record, 'locality');
    const localityId = localityByName.get(localityText.toLowerCase()) ?? null;
    if (localityId === null) problems.push('locality-unknown');
    const firstName = cell(record, 'first_name');
    const lastName = cell(record, 'last_name');
    if (!firstName || !lastName) problems.push('name-missing');
    const sex = SEX_WORDS[cell(record, 'sex').toLowerCase()] ?? null;
    if (!sex) problems.push('sex-unknown');
    const yearText = cell(record, 'birth_year');
    const birthYear = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (birthYear === null || birthYear < 1900 || birthYear > thisYear)
      problems.push('birth-year-invalid');
    const phoneText = cell(record, 'phone');
    const phone = phoneText ? normalizePhone(phoneText) : null;
    if (phoneText && !phone) problems.push('phone-invalid');
    const relationText = cell(record, 'relation').toLowerCase() || 'head';
    const relation = (RELATIONS as readonly string[]).includes(relationText)
      ? (relationText as Relation)
      : 'head';
    if (!(RELATIONS as readonly string[]).includes(relationText)) problems.push('relation-unknown');
    return {
      line: index + 2,
      registerNumber,
      localityId,
      localityText,
      address: cell(record, 'address'),
      phone,
      firstName,
      lastName,
      sex,
      birthYear,
      relation,
      problems,
      alreadyRegistered: false,
    };
  });
  const known = existingRegisterNumbers(rows.map((r) => r.registerNumber).filter(Boolean));
  for (const row of rows) row.alreadyRegistered = known.has(row.registerNumber);
  const problemCount = rows.filter((r) => r.problems.length > 0).length;
  const alreadyCount = rows.filter((r) => r.problems.length === 0 && r.alreadyRegistered).length;
  return {
    ok: true,
    rows,
    problemCount,
    alreadyCount,
    newCount: rows.length - problemCount - alreadyCount,
  };
}

/** Keeps the uploaded file for its preview; nothing about households is written yet. */
export function createImportPreview(
  request: Request,
  staff: SessionUser,
  file: { name: string; content: string },
): number {
  return writeTransaction((tx) => {
    const row = tx
      .insert(householdImports)
      .values({
        uploadedById: staff.user.id,
        fileName: file.name.slice(0, 200) || 'import.csv',
        content: file.content,
      })
      .returning({ id: householdImports.id })
      .get();
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'household-import.uploaded',
      entityType: 'household-import',
      entityId: row.id,
      after: { fileName: file.name },
      ipAddress: clientIp(request),
    });
    return row.id;
  });
}

export function findImport(importId: number) {
  return db.select().from(householdImports).where(eq(householdImports.id, importId)).get();
}

export type CommitRefusal =
  'not-found' | 'not-previewed' | 'has-problems' | 'file-error' | 'nothing-new';

/**
 * Writes every new household of the file in one transaction — or none, when any row has a
 * problem (checked again now: the register may have changed since the preview).
 */
export function commitImport(
  request: Request,
  staff: SessionUser,
  importId: number,
): { ok: true; created: number } | { ok: false; error: CommitRefusal } {
  const upload = findImport(importId);
  if (!upload) return { ok: false, error: 'not-found' };
  if (upload.status !== 'previewed') return { ok: false, error: 'not-previewed' };
  const analysis = analyseImport(upload.content);
  if (!analysis.ok) return { ok: false, error: 'file-error' };
  if (analysis.problemCount > 0) return { ok: false, error: 'has-problems' };
  const fresh = analysis.rows.filter((row) => !row.alreadyRegistered);
  if (fresh.length === 0) return { ok: false, error: 'nothing-new' };
  let created: number;
  try {
    created = writeTransaction((tx) => {
      // Re-checked under the write lock, so two staff committing the same file cannot both win.
      const current = tx
        .select()
        .from(householdImports)
        .where(eq(householdImports.id, importId))
        .get();
      if (current?.status !== 'previewed') throw new ImportRaceError();
      const known = existingRegisterNumbers(
        fresh.map((r) => r.registerNumber),
        tx,
      );
      const ids: number[] = [];
      for (const row of fresh) {
        if (known.has(row.registerNumber)) continue;
        const household = insertHousehold(tx, {
          localityId: row.localityId!,
          address: row.address,
          phone: row.phone,
          receivesSocialBenefits: true,
          benefitRegisterNumber: row.registerNumber,
          source: 'import',
          registeredById: staff.user.id,
        });
        replaceMembers(tx, household.id, [
          {
            firstName: row.firstName,
            lastName: row.lastName,
            sex: row.sex!,
            birthYear: row.birthYear!,
            relation: row.relation,
          },
        ]);
        ids.push(household.id);
      }
      tx.update(householdImports)
        .set({ status: 'committed', committedAt: new Date(), householdsCreated: ids.length })
        .where(eq(householdImports.id, importId))
        .run();
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'household-import.committed',
        entityType: 'household-import',
        entityId: importId,
        after: { householdIds: ids },
        ipAddress: clientIp(request),
      });
      return ids.length;
    });
  } catch (error) {
    if (error instanceof ImportRaceError) return { ok: false, error: 'not-previewed' };
    throw error;
  }
  return { ok: true, created };
}

class ImportRaceError extends Error {}

export function discardImport(request: Request, staff: SessionUser, importId: number): boolean {
  const upload = findImport(importId);
  if (!upload || upload.status !== 'previewed') return false;
  writeTransaction((tx) => {
    tx.update(householdImports)
      .set({ status: 'discarded' })
      .where(eq(householdImports.id, importId))
      .run();
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'household-import.discarded',
      entityType: 'household-import',
      entityId: importId,
      ipAddress: clientIp(request),
    });
  });
  return true;
}

export function listImports() {
  return db
    .select({
      id: householdImports.id,
      fileName: householdImports.fileName,
      status: householdImports.status,
      householdsCreated: householdImports.householdsCreated,
      createdAt: householdImports.createdAt,
    })
    .from(householdImports)
    .orderBy(desc(householdImports.id))
    .limit(20)
    .all();
}

/** An example file staff can fill in: the header row and one household. */
export function importTemplateCsv(): string {
  return `\uFEFF${IMPORT_COLUMNS.join(';')}\r\nSR-000123;ivanovka;ул. Садовая 5;0555 123 456;Айгүл;Бекова;female;1990;head\r\n`;
}
