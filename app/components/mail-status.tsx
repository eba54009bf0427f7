import { useTranslation } from 'react-i18next';
import type { MailStatus } from '~/schemas/enums';

const TONE: Record<MailStatus, string> = {
  pending: 'badge--info',
  sending: 'badge--info',
  sent: 'badge--ok',
  failed: 'badge--bad',
  withheld: 'badge--warn',
  // Neither good nor bad: a reminder that its booking no longer needs.
  dropped: '',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation('admin');
  return <span className={`badge ${TONE[status]}`}>{t(`outbox.status.${status}`)}</span>;
}
