import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  TRANCHE_CONDITIONS,
  TRANCHE_KINDS,
  type TrancheCondition,
  type TrancheKind,
} from '~/schemas/grant-enums';
import { PLAN_ROWS } from '~/schemas/grants';
import { SubmitButton } from './form-fields';

export type PlanStepView = {
  kind: TrancheKind;
  condition: TrancheCondition;
  /** What the value field shows: "70" for a percentage, "30000.00" for a fixed sum. */
  valueInput: string;
};

/** A tranche plan of up to three steps, as a native form (a grant's plan, a competition's template). */
export function TranchePlanForm({
  steps,
  intent,
  submitLabel,
}: {
  steps: PlanStepView[];
  intent: string;
  submitLabel: string;
}) {
  const { t } = useTranslation('grants');
  const rows = Array.from({ length: PLAN_ROWS }, (_, index) => steps[index]);
  return (
    <Form method="post" className="stack">
      <p className="small muted" id={`${intent}-value-hint`}>
        {t('grant.valueHint')}
      </p>
      {rows.map((step, index) => {
        const n = index + 1;
        const id = (field: string) => `${intent}-${field}-${n}`;
        return (
          <fieldset key={n} className="stack">
            <legend>
              {t('grant.position')} {n}
            </legend>
            <label htmlFor={id('kind')}>{t('grant.share')}</label>
            <select id={id('kind')} name={`kind${n}`} defaultValue={step?.kind ?? ''}>
              {n > 1 ? <option value="">{t('grant.kindNone')}</option> : null}
              {TRANCHE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind === 'percent' ? t('share.percent', { percent: '' }) : t(`share.${kind}`)}
                </option>
              ))}
            </select>
            <label htmlFor={id('value')}>{t('money.amount')}</label>
            <input
              id={id('value')}
              name={`value${n}`}
              inputMode="decimal"
              aria-describedby={`${intent}-value-hint`}
              defaultValue={step?.valueInput ?? ''}
            />
            <label htmlFor={id('condition')}>{t('grant.condition')}</label>
            <select
              id={id('condition')}
              name={`condition${n}`}
              defaultValue={step?.condition ?? 'after-receipts'}
            >
              {TRANCHE_CONDITIONS.map((condition) => (
                <option key={condition} value={condition}>
                  {t(`conditions.${condition}`)}
                </option>
              ))}
            </select>
          </fieldset>
        );
      })}
      <SubmitButton name="intent" value={intent} variant="secondary">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
