import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, RequiredNote, TextField } from '~/components/form-fields';
import { useMoney } from '~/components/localized';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import type { Currency, MoneyFormatSpec } from '~/i18n/format';
import { planStepClientSchema } from '~/schemas/application-client';
import { parseMoneyInput } from '~/utils/money';
import type { stepData } from './queries.server';
import { DefaultSaveButton, StepButtons } from './step-buttons';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'plan' }>;

export function PlanStep({
  data,
  currency,
  money: moneySpec,
}: {
  data: Data;
  currency: Currency;
  money: MoneyFormatSpec;
}) {
  const failure = useActionData<FormFailure>();
  const { t } = useTranslation('applications');
  const money = useMoney(moneySpec);
  const form = useValidatedForm({
    schema: planStepClientSchema,
    failure,
    defaultValues: data.defaultValues,
  });
  const revenue = parseMoneyInput(form.watch('expectedMonthlyRevenue') ?? '');
  const costs = parseMoneyInput(form.watch('expectedMonthlyCosts') ?? '');
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <DefaultSaveButton />
      <p>{t('plan.intro')}</p>
      <RequiredNote draft />
      <FormAlert message={failure?.formError} />
      <TextField
        form={form}
        name="expectedMonthlyRevenue"
        required
        label={t('plan.revenue', { currency })}
        hint={t('plan.revenueHint')}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextField
        form={form}
        name="expectedMonthlyCosts"
        required
        label={t('plan.costs', { currency })}
        hint={t('plan.costsHint')}
        inputMode="decimal"
        autoComplete="off"
      />
      <p className="live-total" aria-live="polite">
        {revenue !== null && costs !== null
          ? t('plan.profit', { amount: money(revenue - costs) })
          : null}
      </p>
      <TextField
        form={form}
        name="jobsCreated"
        required
        label={t('plan.jobs')}
        hint={t('plan.jobsHint')}
        inputMode="numeric"
        autoComplete="off"
      />
      <StepButtons />
    </Form>
  );
}
