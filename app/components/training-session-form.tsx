import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RequiredNote, SelectField, SubmitButton, TextField } from './form-fields';
import { useValidatedForm, type FormFailure } from './use-validated-form';
import { TRAINING_TOPICS } from '~/schemas/enums';
import { trainingSessionSchema } from '~/schemas/training';

export type TrainingSessionFormValues = {
  topic: string;
  startsAt: string;
  minutes: string;
  place: string;
  localityId: string;
  trainerName: string;
};

/** Creating or changing a training session; a native form that works without JavaScript. */
export function TrainingSessionForm({
  saved,
  failure,
  localities,
  intent,
  submitLabel,
  idPrefix,
}: {
  saved: TrainingSessionFormValues;
  failure: FormFailure | null | undefined;
  localities: { value: string; label: string }[];
  intent: string;
  submitLabel: string;
  idPrefix: string;
}) {
  const { t } = useTranslation('training');
  const form = useValidatedForm({ schema: trainingSessionSchema, failure, defaultValues: saved });
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      <RequiredNote />
      <SelectField
        form={form}
        id={`${idPrefix}-topic`}
        name="topic"
        label={t('form.topic')}
        placeholder={t('form.choose')}
        required
        options={TRAINING_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
      />
      <TextField
        form={form}
        id={`${idPrefix}-startsAt`}
        name="startsAt"
        type="datetime-local"
        label={t('form.startsAt')}
        hint={t('form.startsAtHint')}
        required
      />
      <TextField
        form={form}
        id={`${idPrefix}-minutes`}
        name="minutes"
        type="number"
        min={15}
        max={600}
        step={5}
        inputMode="numeric"
        label={t('form.minutes')}
        required
      />
      <SelectField
        form={form}
        id={`${idPrefix}-localityId`}
        name="localityId"
        label={t('form.locality')}
        placeholder={t('form.choose')}
        required
        options={localities}
      />
      <TextField
        form={form}
        id={`${idPrefix}-place`}
        name="place"
        label={t('form.place')}
        hint={t('form.placeHint')}
        maxLength={200}
        required
      />
      <TextField
        form={form}
        id={`${idPrefix}-trainerName`}
        name="trainerName"
        label={t('form.trainerName')}
        maxLength={120}
        autoComplete="off"
        required
      />
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
