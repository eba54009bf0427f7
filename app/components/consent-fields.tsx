import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import { CONSENT_METHODS } from '~/schemas/enums';
import { SelectField, TextField } from './form-fields';
import type { ValidatedForm } from './use-validated-form';

/** How the family agreed that a facilitator enters its data and applications for it. */
export function ConsentFields<T extends FieldValues>({ form }: { form: ValidatedForm<T> }) {
  const { t } = useTranslation('households');
  const name = (path: string) => path as Path<T>;
  return (
    <fieldset className="field">
      <legend>{t('consent.title')}</legend>
      <p className="field__hint">{t('consent.intro')}</p>
      <TextField
        form={form}
        name={name('consentGivenBy')}
        label={t('consent.givenBy')}
        hint={t('consent.givenByHint')}
      />
      <SelectField
        form={form}
        name={name('consentMethod')}
        label={t('consent.method')}
        placeholder={t('form.choose')}
        options={CONSENT_METHODS.map((method) => ({
          value: method,
          label: t(`consentMethods.${method}`),
        }))}
      />
      <TextField
        form={form}
        name={name('consentGivenOn')}
        type="date"
        label={t('consent.givenOn')}
      />
      <TextField
        form={form}
        name={name('consentNote')}
        label={t('consent.note')}
        hint={t('consent.noteHint')}
      />
    </fieldset>
  );
}
