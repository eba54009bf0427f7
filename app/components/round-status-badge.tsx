import { useTranslation } from '~/i18n/react';
import type { RoundStatus } from '~/schemas/enums';

const TONE: Record<RoundStatus, string> = {
  draft: '',
  open: 'badge--ok',
  closed: 'badge--info',
};

/** A jury round's status in words (the colour only repeats them). */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation('rounds');
  return <span className={`badge ${TONE[status]}`.trim()}>{t(`status.${status}`)}</span>;
}
