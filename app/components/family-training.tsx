import { useTranslation } from 'react-i18next';
import type { FormattedInstant } from '~/i18n/format';
import type { TrainingTopic } from '~/schemas/enums';
import { FormattedDateTime } from './formatted';

export type FamilyTraining = {
  attended: { key: string; topic: TrainingTopic; startsAt: FormattedInstant; name: string }[];
  upcoming: { id: number; topic: TrainingTopic; startsAt: FormattedInstant; place: string }[];
};

/** A family's training: what her people attended, and the next sessions in her village. */
export function FamilyTrainingSection({
  training,
  headingId,
}: {
  training: FamilyTraining;
  headingId: string;
}) {
  const { t } = useTranslation('training');
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('family.title')}</h2>
      <p className="muted">{t('family.intro')}</p>
      <h3>{t('family.upcomingTitle')}</h3>
      {training.upcoming.length === 0 ? (
        <p>{t('family.noneUpcoming')}</p>
      ) : (
        <ul>
          {training.upcoming.map((session) => (
            <li key={session.id}>
              <FormattedDateTime value={session.startsAt} />, {session.place}:{' '}
              {t(`familyTopics.${session.topic}`)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('family.attendedTitle')}</h3>
      {training.attended.length === 0 ? (
        <p>{t('family.noneAttended')}</p>
      ) : (
        <ul>
          {training.attended.map((row) => (
            <li key={row.key}>
              <FormattedDateTime value={row.startsAt} />: {t(`familyTopics.${row.topic}`)} (
              {row.name})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
