// "Download my data" (issue 16): a family downloads everything Ishenim holds about her household
// from her phone, in Kyrgyz, with and without JavaScript — the browser receives a ZIP, not a page.
import JSZip from 'jszip';
import type { Download } from '@playwright/test';
import { createHousehold } from '../support/programme-factories';
import { createLocality, createUser } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { checkPageWithoutJavaScript, textsIn, uniqueEmail } from './support/journeys';

const PHONE = { width: 360, height: 740 };

async function kyrgyzFamily(name: string) {
  const locality = createLocality();
  const user = await createUser({
    locale: 'ky',
    email: uniqueEmail('data-download'),
    localityId: locality.id,
    name,
  });
  createHousehold({ localityId: locality.id, user });
  return user;
}

async function zipOf(download: Download): Promise<JSZip> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSZip.loadAsync(Buffer.concat(chunks));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`on a 360 px phone in Kyrgyz, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ viewport: PHONE, locale: 'ky', javaScriptEnabled });

    test('a family downloads her data as a ZIP with a summary in her language', async ({
      page,
      signInAs,
    }) => {
      const ky = textsIn('ky');
      const name = `Гүлмира ${javaScriptEnabled ? 'Асанова' : 'Бекова'}`;
      await signInAs(await kyrgyzFamily(name));
      await page.goto('/household');
      await page.getByRole('link', { name: ky.households.dataExport.link }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        ky.households.dataExport.pageTitle,
      );
      await (javaScriptEnabled ? checkPage(page) : checkPageWithoutJavaScript(page));

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: ky.households.dataExport.button }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^ishenim-data-\d+\.zip$/);
      const zip = await zipOf(download);
      const summary = await zip.file('summary.html')!.async('string');
      expect(summary).toContain('lang="ky"');
      expect(summary).toContain(ky.households.dataExport.summary.title);
      expect(summary).toContain(name);
      const data = JSON.parse(await zip.file('data.json')!.async('string')) as unknown;
      expect(JSON.stringify(data)).toContain(name);
    });
  });
}
