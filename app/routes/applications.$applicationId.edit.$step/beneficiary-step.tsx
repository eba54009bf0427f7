import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { HolderRule } from '~/components/competition-summary';
import { RadioGroup } from '~/components/choice-fields';
import { FormAlert, RequiredNote } from '~/components/form-fields';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { beneficiaryStepClientSchema } from '~/schemas/application-client';
import type { stepData } from './queries.server';
import { DefaultSaveButton, StepButtons } from './step-buttons';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'beneficiary' }>;

/** One member of the household holds the grant; those the competition does not allow say why. */
export function BeneficiaryStep({ data }: { data: Data }) {
  const failure = useActionData<FormFailure>();
  const { t } = useTranslation('applications');
  const labels = useEnumLabels();
  const form = useValidatedForm({
    schema: beneficiaryStepClientSchema,
    failure,
    defaultValues: data.defaultValues,
  });
  const allowed = data.members.filter((m) => m.reasons.length === 0);
  const notAllowed = data.members.filter((m) => m.reasons.length > 0);
  const age = (years: number) => t('beneficiary.age', { count: years });
  if (data.members.length === 0) {
    return (
      <div className="card">
        <p>{t('beneficiary.noMembers')}</p>
        <Link to="/household" className="button">
          {t('beneficiary.editFamily')}
        </Link>
      </div>
    );
  }
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <DefaultSaveButton />
      <RequiredNote draft />
      <FormAlert message={failure?.formError} />
      <div className="card">
        <h2 className="h3">{t('beneficiary.ruleTitle')}</h2>
        <HolderRule rule={data.rule} />
      </div>
      {allowed.length > 0 ? (
        <RadioGroup
          form={form}
          name="beneficiaryMemberId"
          required
          legend={t('beneficiary.legend')}
          hint={t('beneficiary.intro')}
          options={allowed.map((member) => ({
            value: String(member.id),
            label: (
              <>
                <strong>{member.name}</strong>
                <span className="radio__detail">
                  {labels.relation(member.relation)}, {age(member.age)}
                </span>
              </>
            ),
          }))}
        />
      ) : (
        <p className="alert alert--warning">{t('beneficiary.noneAllowed')}</p>
      )}
      {notAllowed.length > 0 ? (
        <section className="card" aria-labelledby="not-allowed">
          <h2 id="not-allowed" className="h3">
            {t('beneficiary.cannotTitle')}
          </h2>
          <ul className="plain-list">
            {notAllowed.map((member) => (
              <li key={member.id} className="not-allowed">
                <strong>{member.name}</strong> — {labels.relation(member.relation)},{' '}
                {age(member.age)}:{' '}
                <span className="not-allowed__why">
                  {member.reasons
                    .map((reason) =>
                      reason === 'relation'
                        ? t('beneficiary.notAllowed.relation', {
                            relation: labels.relation(member.relation),
                          })
                        : reason === 'sex'
                          ? t(
                              `beneficiary.notAllowed.sex.${data.rule.sex === 'male' ? 'male' : 'female'}`,
                            )
                          : t('beneficiary.notAllowed.age'),
                    )
                    .join('; ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <StepButtons first />
    </Form>
  );
}
