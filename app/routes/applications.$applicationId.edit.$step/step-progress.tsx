import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { APPLICATION_STEPS, type ApplicationStep } from '~/schemas/application-steps';

/** "Step 2 of 6" and a link to each step; the current one is marked for screen readers. */
export function StepProgress({
  applicationId,
  step,
}: {
  applicationId: number;
  step: ApplicationStep;
}) {
  const { t } = useTranslation('applications');
  const current = APPLICATION_STEPS.indexOf(step) + 1;
  return (
    <nav className="steps" aria-label={t('steps.navLabel')}>
      <p className="steps__progress">
        {t('steps.progress', { current, total: APPLICATION_STEPS.length })}
      </p>
      <ol className="steps__list">
        {APPLICATION_STEPS.map((name, index) => (
          <li
            key={name}
            className={name === step ? 'steps__item steps__item--current' : 'steps__item'}
          >
            <Link
              to={`/applications/${applicationId}/edit/${name}`}
              aria-current={name === step ? 'step' : undefined}
            >
              <span className="steps__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="steps__name">{t(`steps.names.${name}`)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
