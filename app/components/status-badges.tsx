import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from './enum-labels';
import type { ApplicationStatus, CompetitionStatus } from '~/schemas/enums';

const COMPETITION_TONE: Record<CompetitionStatus, string> = {
  draft: '',
  open: 'badge--ok',
  screening: 'badge--info',
  judging: 'badge--info',
  decided: 'badge--info',
  disbursing: 'badge--info',
  monitoring: 'badge--info',
  closed: '',
};

export function CompetitionStatusBadge({ status }: { status: CompetitionStatus }) {
  const { t } = useTranslation('competitions');
  return (
    <span className={`badge ${COMPETITION_TONE[status]}`.trim()}>{t(`status.${status}`)}</span>
  );
}

const APPLICATION_TONE: Record<ApplicationStatus, string> = {
  draft: 'badge--warn',
  submitted: 'badge--info',
  eligible: 'badge--ok',
  ineligible: 'badge--bad',
  'in-review': 'badge--info',
  shortlisted: 'badge--ok',
  awarded: 'badge--ok',
  waitlisted: 'badge--warn',
  'not-selected': 'badge--bad',
  withdrawn: 'badge--bad',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const labels = useEnumLabels();
  return (
    <span className={`badge ${APPLICATION_TONE[status]}`.trim()}>
      {labels.applicationStatus(status)}
    </span>
  );
}
