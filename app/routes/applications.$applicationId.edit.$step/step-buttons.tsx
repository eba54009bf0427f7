import { useTranslation } from '~/i18n/react';
import { INTENT } from './intent';

/**
 * Pressing Enter in a field submits with the form's first button: this hidden one, so that
 * Enter saves rather than, say, removing a budget row.
 */
export function DefaultSaveButton() {
  return <button type="submit" name="intent" value={INTENT.save} hidden tabIndex={-1} />;
}

/** Back, Save, Save and continue: each one saves the step first. */
export function StepButtons({ first = false }: { first?: boolean }) {
  const { t } = useTranslation('applications');
  return (
    <div className="step-buttons">
      <button type="submit" name="intent" value={INTENT.next} className="button">
        {t('steps.saveAndContinue')}
      </button>
      <button type="submit" name="intent" value={INTENT.save} className="button button--secondary">
        {t('steps.save')}
      </button>
      {first ? null : (
        <button
          type="submit"
          name="intent"
          value={INTENT.back}
          className="button button--secondary"
        >
          <span aria-hidden="true">←</span> {t('steps.back')}
        </button>
      )}
    </div>
  );
}
