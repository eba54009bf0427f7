// npm run anonymise — what an anonymisation run would remove now (households past the retention
// period: every competition they took part in closed longer ago than retentionYearsAfterClose);
// npm run anonymise -- --run does it, batch by batch, and records it in the audit log. The same as
// the admin's page /admin/anonymisation. Messages are in English: this is an operator's tool.
import { databasePath, sqlite } from '../db/client';
import {
  previewAnonymisation,
  runAnonymisation,
  type AnonymisationCounts,
} from '../app/services/anonymisation.server';

function printCounts(counts: AnonymisationCounts) {
  const labels: Record<keyof AnonymisationCounts, string> = {
    households: 'households',
    members: 'household members',
    accounts: 'family accounts',
    files: 'documents and files',
    photos: 'photos',
    freeTexts: 'free texts',
    auditLines: 'audit lines redacted',
  };
  for (const key of Object.keys(labels) as (keyof AnonymisationCounts)[]) {
    console.log(`  ${String(counts[key]).padStart(8)}  ${labels[key]}`);
  }
}

try {
  const run = process.argv.includes('--run');
  const preview = previewAnonymisation();
  console.log(
    `${databasePath()}: retention ${preview.retentionYears} years after a competition closes; ` +
      `households whose competitions all closed before ${preview.cutoff.toISOString()} are past it.`,
  );
  if (!run) {
    console.log('Would anonymise (dry run; add -- --run to do it):');
    printCounts(preview.counts);
  } else {
    const result = runAnonymisation({ userId: null, ipAddress: null });
    console.log('Anonymised:');
    printCounts(result.counts);
  }
} catch (error) {
  console.error('Anonymisation FAILED:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
