import { useTranslation } from '~/i18n/react';

/**
 * "Download CSV" and "Download Excel" next to a staff list: `path` is the list's URL, whose
 * `.csv` and `.xlsx` resource routes answer with the same filters (`search`, e.g. "?status=sent").
 */
export function DownloadLinks({ path, search = '' }: { path: string; search?: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="row">
      <a href={`${path}.csv${search}`} download>
        {t('export.csv')}
      </a>
      <a href={`${path}.xlsx${search}`} download>
        {t('export.xlsx')}
      </a>
    </div>
  );
}
