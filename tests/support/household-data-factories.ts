// A family's own records that the data download and anonymisation both cover (issue 16): an
// application attachment, a report with its photo, a notice to her account — each carrying a
// marker so a test can look for it everywhere.
import crypto from 'node:crypto';
import type { Tx } from '~db/client';
import { applicationAttachments } from '~db/schema/applications';
import { mailOutbox } from '~db/schema/mail';
import { familyReports, outcomePhotos } from '~db/schema/outcomes';
import { storeAttachmentFile } from '~/services/attachment-storage.server';
import type { GrantWorld } from './grant-factories';

export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A price quote on her application; returns the file's storage key. */
export function addAttachment(
  tx: Tx,
  world: GrantWorld,
  file: { name: string; mimeType: 'image/png' | 'application/pdf'; bytes: Buffer },
): string {
  const storageKey = storeAttachmentFile(file.bytes);
  tx.insert(applicationAttachments)
    .values({
      applicationId: world.applicationId,
      kind: 'price-quote',
      originalName: file.name,
      mimeType: file.mimeType,
      sizeBytes: file.bytes.length,
      storageKey,
      uploadedById: world.family.id,
    })
    .run();
  return storageKey;
}

/** Her report with a question and a photo; returns the photo's storage key. */
export function addReportWithPhoto(tx: Tx, world: GrantWorld, marker: string): string {
  const report = tx
    .insert(familyReports)
    .values({
      grantId: world.grant.id,
      sentById: world.family.id,
      businessStatus: 'operating',
      monthlyRevenue: 12_000_00,
      question: `Question ${marker}`,
    })
    .returning()
    .get();
  const storagePath = storeAttachmentFile(TINY_PNG);
  tx.insert(outcomePhotos)
    .values({
      grantId: world.grant.id,
      reportId: report.id,
      storagePath,
      contentType: 'image/png',
      byteSize: TINY_PNG.length,
      uploadedById: world.family.id,
    })
    .run();
  return storagePath;
}

/** A notice written to her account, still waiting in the outbox. */
export function addNotice(tx: Tx, userId: number, marker: string, toAddress: string) {
  tx.insert(mailOutbox)
    .values({
      messageId: `<${crypto.randomUUID()}@test>`,
      recipientUserId: userId,
      toAddress,
      toName: `Name ${marker}`,
      locale: 'ky',
      template: 'test',
      subject: `Subject ${marker}`,
      html: `<p>Body ${marker}</p>`,
      text: `Body ${marker}`,
      nextAttemptAt: new Date(),
    })
    .run();
}
