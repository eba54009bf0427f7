// "Download my data" (issue 16): everything Ishenim holds about one household, as a ZIP with a
// readable summary in her language, the same as JSON, and her files. Her data is hers (DESIGN.md,
// "Privacy and safety"): never another family's, never jurors or scores, never safeguarding flags
// or staff-only reasons — the model's queries do not select them.
import { createReadableStreamFromReadable } from '@remix-run/node';
import archiver from 'archiver';
import type { Readable } from 'node:stream';
import { writeTransaction } from '~db/client';
import type { Household } from '~db/schema/households';
import type { Locale } from '~db/schema/people';
import { HTML_LANG } from '~/i18n/config';
import { formatMoney, type Currency } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized } from '~/i18n/localized-text';
import { appendAudit } from '~/models/audit.server';
import { findHousehold, findHouseholdOfUser } from '~/models/household.server';
import {
  accountDataRow,
  attachmentRows,
  budgetItemRows,
  consultationRows,
  familyReportRows,
  grantRows,
  householdApplicationRows,
  householdDataRow,
  householdMemberRows,
  ledgerRows,
  noticeRows,
  receiptFileRows,
  reportPhotoRows,
  trainingRows,
  trancheRows,
  visitRows,
} from '~/models/household-data.server';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { householdAccess, type HouseholdAccess } from '~/services/households.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { localityNameLocale } from '~/i18n/locality';

export type DataExportFile = { path: string; storageKey: string; about: string };

export type HouseholdDataExport = NonNullable<ReturnType<typeof buildHouseholdDataExport>>;

/**
 * Who may download a household's data: the family herself, her facilitator (a village she works
 * in), or staff — staff only on the family's written request, so they must name it.
 */
export function mayDownloadHouseholdData(
  actor: SessionUser,
  household: Household,
): HouseholdAccess | null {
  return householdAccess(actor, household);
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
}

/** The content of a household's download, read from queries scoped to that household only. */
export function buildHouseholdDataExport(householdId: number) {
  const household = householdDataRow(householdId);
  if (!household) return null;
  const account = household.userId ? (accountDataRow(household.userId) ?? null) : null;
  const members = householdMemberRows(householdId);
  const applicationList = householdApplicationRows(householdId);
  const applicationIds = applicationList.map((a) => a.id);
  const budget = budgetItemRows(applicationIds);
  const attachments = attachmentRows(applicationIds);
  const grantList = grantRows(applicationIds);
  const grantIds = grantList.map((g) => g.id);
  const tranches = trancheRows(grantIds);
  const ledger = ledgerRows(grantIds);
  const receipts = receiptFileRows(grantIds);
  const visits = visitRows(grantIds);
  const reports = familyReportRows(grantIds);
  const photos = reportPhotoRows(grantIds);

  const files: DataExportFile[] = [
    ...attachments.map((a) => ({
      path: `files/application-${a.applicationId}/${a.id}-${safeName(a.originalName)}`,
      storageKey: a.storageKey,
      about: a.kind,
    })),
    ...receipts.map((r) => ({
      path: `files/grant-${r.grantId}/receipts/${r.id}-${safeName(r.fileName)}`,
      storageKey: r.storageKey,
      about: r.kind,
    })),
    ...photos.map((p) => ({
      path: `files/reports/${p.reportId}-photo-${p.id}.${EXTENSIONS[p.contentType] ?? 'bin'}`,
      storageKey: p.storagePath,
      about: 'report-photo',
    })),
  ];

  return {
    generatedAt: new Date().toISOString(),
    account,
    household: {
      address: household.address,
      phone: household.phone,
      locality: {
        ky: household.localityNameKy,
        ru: household.localityNameRu,
        en: household.localityNameEn,
      },
      receivesSocialBenefits: household.receivesSocialBenefits,
      benefitRegisterNumber: household.benefitRegisterNumber,
      registeredAt: household.createdAt.toISOString(),
      members: members.map(({ id: _id, ...m }) => m),
    },
    applications: applicationList.map(({ id, ...a }) => ({
      ...a,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      budget: budget.filter((b) => b.applicationId === id).map(({ applicationId: _a, ...b }) => b),
      attachments: files
        .filter((f) => f.path.startsWith(`files/application-${id}/`))
        .map((f) => ({ kind: f.about, file: f.path })),
      grant:
        grantList
          .filter((g) => g.applicationId === id)
          .map(({ id: grantId, applicationId: _a, ...g }) => ({
            ...g,
            signedOn: g.signedOn?.toISOString() ?? null,
            tranches: tranches
              .filter((t) => t.grantId === grantId)
              .map(({ grantId: _g, ...t }) => ({
                ...t,
                receiptsVerifiedAt: t.receiptsVerifiedAt?.toISOString() ?? null,
              })),
            payments: ledger
              .filter((l) => l.grantId === grantId)
              .map(({ grantId: _g, ...l }) => ({ ...l, paidAt: l.paidAt.toISOString() })),
            receipts: receipts
              .filter((r) => r.grantId === grantId)
              .map((r) => ({
                kind: r.kind,
                actualAmount: r.actualAmount,
                file: files.find((f) => f.storageKey === r.storageKey)!.path,
              })),
            visits: visits.filter((v) => v.grantId === grantId).map(({ grantId: _g, ...v }) => v),
            reports: reports
              .filter((r) => r.grantId === grantId)
              .map(({ id: reportId, grantId: _g, ...r }) => ({
                ...r,
                createdAt: r.createdAt.toISOString(),
                photos: files
                  .filter((f) => f.path.startsWith(`files/reports/${reportId}-`))
                  .map((f) => f.path),
              })),
          }))[0] ?? null,
    })),
    consultations: consultationRows(householdId).map((c) => ({
      ...c,
      startsAt: c.startsAt.toISOString(),
    })),
    trainings: trainingRows(householdId).map(({ memberId, ...t }) => {
      const member = members.find((m) => m.id === memberId);
      return {
        ...t,
        startsAt: t.startsAt.toISOString(),
        member: member ? `${member.firstName} ${member.lastName}` : null,
      };
    }),
    notices: household.userId
      ? noticeRows(household.userId).map((n) => ({
          subject: n.subject,
          createdAt: n.createdAt.toISOString(),
        }))
      : [],
    files: files.map((f) => f.path),
    _files: files,
  };
}

export type DownloadRefusal = 'not-found' | 'forbidden' | 'reference-required';

/**
 * The household an actor asks to download: her own (no id), or one by id for a facilitator or
 * staff. Staff name the family's written request (`requestReference`).
 */
export function resolveDataDownload(
  actor: SessionUser,
  householdId: number | null,
  requestReference: string | null,
):
  | { ok: true; household: Household; access: HouseholdAccess }
  | { ok: false; error: DownloadRefusal } {
  const household =
    householdId == null ? findHouseholdOfUser(actor.user.id) : findHousehold(householdId);
  if (!household) return { ok: false, error: 'not-found' };
  const access = mayDownloadHouseholdData(actor, household);
  if (!access) return { ok: false, error: householdId == null ? 'not-found' : 'forbidden' };
  if (access === 'staff' && !requestReference?.trim())
    return { ok: false, error: 'reference-required' };
  return { ok: true, household, access };
}

/** Builds the download, writes its audit line, and returns the ZIP as a stream. */
export function downloadHouseholdData(
  request: Request,
  actor: SessionUser,
  householdId: number | null,
  requestReference: string | null,
):
  | { ok: true; stream: Readable; fileName: string; householdId: number }
  | { ok: false; error: DownloadRefusal } {
  const resolved = resolveDataDownload(actor, householdId, requestReference);
  if (!resolved.ok) return resolved;
  const { household, access } = resolved;
  const content = buildHouseholdDataExport(household.id)!;
  const locale: Locale = content.account?.locale ?? actor.user.locale;
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'household.data-downloaded',
      entityType: 'household',
      entityId: household.id,
      after: {
        as: access,
        requestReference: access === 'staff' ? requestReference!.trim() : null,
        files: content._files.length,
      },
      ipAddress: clientIp(request),
    }),
  );
  return {
    ok: true,
    stream: householdDataZip(content, locale),
    fileName: `ishenim-data-${household.id}.zip`,
    householdId: household.id,
  };
}

/** The ZIP, streamed: summary.html, data.json and files/. */
export function householdDataZip(content: HouseholdDataExport, locale: Locale): Readable {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const { _files, ...json } = content;
  zip.append(renderDataSummary(content, locale), { name: 'summary.html' });
  zip.append(JSON.stringify(json, null, 2), { name: 'data.json' });
  for (const file of _files) {
    let bytes: Buffer;
    try {
      bytes = readAttachmentFile(file.storageKey);
    } catch {
      continue;
    }
    zip.append(bytes, { name: file.path });
  }
  void zip.finalize();
  return zip;
}

function escapeHtml(value: unknown): string {
  return String(value ?? '—')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function table(rows: Record<string, unknown>[], empty: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const keys = Object.keys(rows[0]!);
  return `<table><thead><tr>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${keys
          .map((k) => {
            const v = r[k];
            return `<td>${escapeHtml(Array.isArray(v) ? v.join(', ') : v)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

/** A readable page of the same content, in her language. */
export function renderDataSummary(content: HouseholdDataExport, locale: Locale): string {
  const t = fixedT(locale);
  const l = (key: string) => t(`households:dataExport.summary.${key}` as never) as string;
  const none = l('none');
  // The portal's one money format (her language's currency name and separators).
  const money = (minor: number | null, currency: Currency) =>
    minor == null ? none : formatMoney(minor, currency, locale);
  const sections: string[] = [];
  sections.push(
    `<h2>${l('account')}</h2>${table(content.account ? [content.account] : [], none)}`,
    `<h2>${l('household')}</h2>${table(
      [
        {
          address: content.household.address,
          phone: content.household.phone,
          locality: content.household.locality[localityNameLocale(locale)],
          receivesSocialBenefits: content.household.receivesSocialBenefits,
          benefitRegisterNumber: content.household.benefitRegisterNumber,
        },
      ],
      none,
    )}`,
    `<h3>${l('members')}</h3>${table(content.household.members, none)}`,
  );
  for (const app of content.applications) {
    const title =
      pickLocalized(
        {
          ky: app.competitionTitleKy,
          ru: app.competitionTitleRu,
          en: app.competitionTitleEn,
          kk: app.competitionTitleKk,
          uz: app.competitionTitleUz,
        },
        locale,
      )?.text ?? '';
    sections.push(
      `<h2>${l('application')}: ${escapeHtml(app.reference ?? app.title)} — ${escapeHtml(title)}</h2>`,
      table(
        [
          {
            title: app.title,
            status: app.status,
            sector: app.sector,
            description: app.description,
            market: app.market,
            experience: app.experience,
            ownContribution: money(app.ownContribution, app.currency),
            requestedAmount: money(app.requestedAmount, app.currency),
            awardedAmount: money(app.awardedAmount, app.currency),
            feedback: app.feedback,
          },
        ],
        none,
      ),
      `<h3>${l('budget')}</h3>${table(
        app.budget.map((b) => ({ ...b, unitPrice: money(b.unitPrice, app.currency) })),
        none,
      )}`,
      `<h3>${l('files')}</h3>${table(app.attachments, none)}`,
    );
    if (app.grant) {
      const { tranches, payments, receipts, visits, reports, ...grant } = app.grant;
      sections.push(
        `<h3>${l('grant')}</h3>${table([{ ...grant, amount: money(grant.amount, grant.currency) }], none)}`,
        `<h3>${l('tranches')}</h3>${table(
          tranches.map((x) => ({ ...x, amount: money(x.amount, grant.currency) })),
          none,
        )}`,
        `<h3>${l('payments')}</h3>${table(
          payments.map((x) => ({ ...x, amount: money(x.amount, x.currency) })),
          none,
        )}`,
        `<h3>${l('receipts')}</h3>${table(receipts, none)}`,
        `<h3>${l('visits')}</h3>${table(visits, none)}`,
        `<h3>${l('reports')}</h3>${table(reports, none)}`,
      );
    }
  }
  sections.push(
    `<h2>${l('consultations')}</h2>${table(content.consultations, none)}`,
    `<h2>${l('trainings')}</h2>${table(content.trainings, none)}`,
    `<h2>${l('notices')}</h2>${table(content.notices, none)}`,
  );
  return `<!doctype html><html lang="${HTML_LANG[locale]}"><head><meta charset="utf-8"><title>${l('title')}</title><style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body><h1>${l('title')}</h1><p>${l('intro')}</p>${sections.join('\n')}</body></html>`;
}

/** The download as the browser receives it: the ZIP streamed as it is written, never cached. */
export function householdDataResponse(download: { stream: Readable; fileName: string }): Response {
  return new Response(createReadableStreamFromReadable(download.stream), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
