import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { FormAlert, RequiredNote, SelectField, TextField } from '~/components/form-fields';
import { TextAreaField } from '~/components/choice-fields';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { ideaStepClientSchema } from '~/schemas/application-client';
import { SECTORS } from '~/schemas/enums';
import type { stepData } from './queries.server';
import { DefaultSaveButton, StepButtons } from './step-buttons';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'idea' }>;

export function IdeaStep({ data }: { data: Data }) {
  const failure = useActionData<FormFailure>();
  const { t } = useTranslation('applications');
  const labels = useEnumLabels();
  const form = useValidatedForm({
    schema: ideaStepClientSchema,
    failure,
    defaultValues: data.defaultValues,
  });
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <DefaultSaveButton />
      <RequiredNote draft />
      <FormAlert message={failure?.formError} />
      <TextField
        form={form}
        name="title"
        required
        label={t('idea.title')}
        hint={t('idea.titleHint')}
      />
      <SelectField
        form={form}
        name="sector"
        required
        label={t('idea.sector')}
        placeholder={t('idea.chooseSector')}
        options={SECTORS.map((sector) => ({ value: sector, label: labels.sector(sector) }))}
      />
      <TextAreaField
        form={form}
        name="description"
        required
        label={t('idea.description')}
        hint={t('idea.descriptionHint')}
        rows={5}
      />
      <TextAreaField
        form={form}
        name="market"
        required
        label={t('idea.market')}
        hint={t('idea.marketHint')}
      />
      <TextAreaField
        form={form}
        name="experience"
        label={t('idea.experience')}
        hint={t('idea.experienceHint')}
      />
      <StepButtons />
    </Form>
  );
}
