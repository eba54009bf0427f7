// Staff's round form, shared by "new round" and "edit round". A native form: it posts and the
// server validates without JavaScript, where "add a criterion" and "remove" are submit buttons
// the action applies to what was typed; with JavaScript they change the rows in place.
import { Form } from '@remix-run/react';
import { useFieldArray, type Path } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import type { z } from 'zod';
import { HTML_LANG, type Locale } from '~/i18n/config';
import { roundSchema } from '~/schemas/round';
import { TextAreaField } from './choice-fields';
import { CheckboxField, SubmitButton, TextField, useErrorText } from './form-fields';
import { DESCRIPTION_FIELDS, MAIN_LOCALES, MORE_LOCALES, TITLE_FIELDS } from './language-fields';
import { useValidatedForm, type FormFailure } from './use-validated-form';

export const ROUND_FORM_INTENT = {
  save: 'save',
  addCriterion: 'add-criterion',
  removeCriterion: 'remove-criterion',
} as const;

export type CriterionRow = {
  titleKy: string;
  titleRu: string;
  titleEn: string;
  titleKk: string;
  titleUz: string;
  descriptionKy: string;
  descriptionRu: string;
  descriptionEn: string;
  descriptionKk: string;
  descriptionUz: string;
  maxPoints: string;
  weight: string;
};

/** What the form shows: every value as typed; times on the competition's wall clock. */
export type RoundFormValues = {
  nameKy: string;
  nameRu: string;
  nameEn: string;
  nameKk: string;
  nameUz: string;
  jurorsPerApplication: string;
  isBlind: boolean;
  excludeOwnLocality: boolean;
  opensAt: string;
  closesAt: string;
  disagreementThreshold: string;
  criteria: CriterionRow[];
};

export const EMPTY_CRITERION: CriterionRow = {
  titleKy: '',
  titleRu: '',
  titleEn: '',
  titleKk: '',
  titleUz: '',
  descriptionKy: '',
  descriptionRu: '',
  descriptionEn: '',
  descriptionKk: '',
  descriptionUz: '',
  maxPoints: '10',
  weight: '1',
};

const NAME = { ky: 'nameKy', ru: 'nameRu', en: 'nameEn', kk: 'nameKk', uz: 'nameUz' } as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What was posted, back in the form's shape. An unticked box is absent from a post, so it
 * shows unticked again rather than falling back to the saved value.
 */
export function echoedRoundValues(values: Record<string, unknown>): RoundFormValues {
  const rows = Array.isArray(values.criteria) ? (values.criteria as Record<string, unknown>[]) : [];
  return {
    nameKy: text(values.nameKy),
    nameRu: text(values.nameRu),
    nameEn: text(values.nameEn),
    nameKk: text(values.nameKk),
    nameUz: text(values.nameUz),
    jurorsPerApplication: text(values.jurorsPerApplication),
    isBlind: values.isBlind === 'on' || values.isBlind === true,
    excludeOwnLocality: values.excludeOwnLocality === 'on' || values.excludeOwnLocality === true,
    opensAt: text(values.opensAt),
    closesAt: text(values.closesAt),
    disagreementThreshold: text(values.disagreementThreshold),
    criteria: rows.map((row) => ({
      titleKy: text(row?.titleKy),
      titleRu: text(row?.titleRu),
      titleEn: text(row?.titleEn),
      titleKk: text(row?.titleKk),
      titleUz: text(row?.titleUz),
      descriptionKy: text(row?.descriptionKy),
      descriptionRu: text(row?.descriptionRu),
      descriptionEn: text(row?.descriptionEn),
      descriptionKk: text(row?.descriptionKk),
      descriptionUz: text(row?.descriptionUz),
      maxPoints: text(row?.maxPoints),
      weight: text(row?.weight),
    })),
  };
}

/**
 * Without JavaScript: "add a criterion" and "remove" come as intents; the action sends the form
 * back with the rows changed and everything typed kept. Null for any other intent.
 */
export function applyCriterionIntent(
  values: Record<string, unknown>,
  intent: string,
): RoundFormValues | null {
  const echoed = echoedRoundValues(values);
  if (intent === ROUND_FORM_INTENT.addCriterion)
    return { ...echoed, criteria: [...echoed.criteria, EMPTY_CRITERION] };
  if (intent.startsWith(`${ROUND_FORM_INTENT.removeCriterion}:`)) {
    const index = Number(intent.slice(ROUND_FORM_INTENT.removeCriterion.length + 1));
    return { ...echoed, criteria: echoed.criteria.filter((_, i) => i !== index) };
  }
  return null;
}

export function RoundForm({
  saved,
  failure,
  zone,
  submitLabel,
}: {
  saved: RoundFormValues;
  failure?: FormFailure | null;
  /** The competition's time zone, e.g. "Бишкек (GMT+6)". */
  zone: string;
  submitLabel: string;
}) {
  const { t } = useTranslation('rounds');
  const errorText = useErrorText();
  const initial = failure?.values ? echoedRoundValues(failure.values) : saved;
  const form = useValidatedForm({
    schema: roundSchema,
    failure: failure ? { fieldErrors: failure.fieldErrors } : null,
    defaultValues: initial,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'criteria' });
  const name = (path: string) => path as Path<z.input<typeof roundSchema>>;
  // Before JavaScript runs, rows come from the server's values; after, from the field array.
  const rowCount = form.hydrated ? fields.length : initial.criteria.length;
  const criteriaErrors = form.formState.errors.criteria as
    { message?: string; root?: { message?: string } } | undefined;
  const listError = form.hydrated
    ? (criteriaErrors?.root?.message ?? criteriaErrors?.message)
    : form.serverErrors.criteria;
  const languageName = (locale: Locale) => t(`languages.${locale}`);
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <div className="card form">
        <p className="field__hint">{t('form.nameHint')}</p>
        {MAIN_LOCALES.map((locale) => (
          <TextField
            key={locale}
            form={form}
            name={NAME[locale]}
            label={t('form.nameIn', { language: languageName(locale) })}
            lang={HTML_LANG[locale]}
            autoComplete="off"
          />
        ))}
        <details
          className="more-languages"
          open={MORE_LOCALES.some((locale) => Boolean(initial[NAME[locale]]))}
        >
          <summary>{t('form.moreLanguages')}</summary>
          {MORE_LOCALES.map((locale) => (
            <TextField
              key={locale}
              form={form}
              name={NAME[locale]}
              label={t('form.nameIn', { language: languageName(locale) })}
              lang={HTML_LANG[locale]}
              autoComplete="off"
            />
          ))}
        </details>
      </div>

      <fieldset className="card form" aria-describedby="criteria-hint">
        <legend>{t('form.criteriaTitle')}</legend>
        <p id="criteria-hint" className="field__hint">
          {t('form.criteriaHint')}
        </p>
        {listError ? (
          <p id="criteria-error" className="field__error" role="alert">
            {listError === 'validation.tooMany'
              ? errorText(listError)
              : t('form.criteriaAtLeastOne')}
          </p>
        ) : null}
        {Array.from({ length: rowCount }, (_, index) => (
          <fieldset key={form.hydrated ? fields[index]!.id : index} className="criterion-card">
            <legend>{t('criteria.number', { number: index + 1 })}</legend>
            <div className="criterion-card__grid">
              {MAIN_LOCALES.map((locale) => (
                <TextField
                  key={locale}
                  form={form}
                  name={name(`criteria.${index}.${TITLE_FIELDS[locale]}`)}
                  label={t('form.criterionTitle', { language: languageName(locale) })}
                  lang={HTML_LANG[locale]}
                  autoComplete="off"
                />
              ))}
            </div>
            <div className="criterion-card__grid">
              {MAIN_LOCALES.map((locale) => (
                <TextAreaField
                  key={locale}
                  form={form}
                  name={name(`criteria.${index}.${DESCRIPTION_FIELDS[locale]}`)}
                  label={t('form.criterionDescription', { language: languageName(locale) })}
                  lang={HTML_LANG[locale]}
                  rows={3}
                />
              ))}
            </div>
            <details
              className="more-languages"
              open={MORE_LOCALES.some((locale) => {
                const row = initial.criteria[index];
                return Boolean(row?.[TITLE_FIELDS[locale]] || row?.[DESCRIPTION_FIELDS[locale]]);
              })}
            >
              <summary>{t('form.moreLanguages')}</summary>
              {MORE_LOCALES.map((locale) => (
                <div key={locale} className="criterion-card__grid">
                  <TextField
                    form={form}
                    name={name(`criteria.${index}.${TITLE_FIELDS[locale]}`)}
                    label={t('form.criterionTitle', { language: languageName(locale) })}
                    lang={HTML_LANG[locale]}
                    autoComplete="off"
                  />
                  <TextAreaField
                    form={form}
                    name={name(`criteria.${index}.${DESCRIPTION_FIELDS[locale]}`)}
                    label={t('form.criterionDescription', { language: languageName(locale) })}
                    lang={HTML_LANG[locale]}
                    rows={3}
                  />
                </div>
              ))}
            </details>
            <div className="criterion-card__numbers">
              <TextField
                form={form}
                name={name(`criteria.${index}.maxPoints`)}
                type="number"
                min={1}
                max={100}
                step={1}
                inputMode="numeric"
                label={t('form.maxPoints')}
              />
              <TextField
                form={form}
                name={name(`criteria.${index}.weight`)}
                type="number"
                min={1}
                max={100}
                step={1}
                inputMode="numeric"
                label={t('form.weight')}
              />
            </div>
            {rowCount > 1 ? (
              form.hydrated ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => remove(index)}
                >
                  {t('form.removeCriterion', { number: index + 1 })}
                </button>
              ) : (
                <button
                  type="submit"
                  name="intent"
                  value={`${ROUND_FORM_INTENT.removeCriterion}:${index}`}
                  className="button button--secondary button--small"
                  formNoValidate
                >
                  {t('form.removeCriterion', { number: index + 1 })}
                </button>
              )
            ) : null}
          </fieldset>
        ))}
        {form.hydrated ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => append({ ...EMPTY_CRITERION } as never)}
          >
            {t('form.addCriterion')}
          </button>
        ) : (
          <button
            type="submit"
            name="intent"
            value={ROUND_FORM_INTENT.addCriterion}
            className="button button--secondary"
            formNoValidate
          >
            {t('form.addCriterion')}
          </button>
        )}
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.juryTitle')}</legend>
        <TextField
          form={form}
          name="jurorsPerApplication"
          type="number"
          min={1}
          max={10}
          step={1}
          inputMode="numeric"
          label={t('form.jurorsPerApplication')}
          hint={t('form.jurorsPerApplicationHint')}
        />
        <CheckboxField
          form={form}
          name="isBlind"
          label={t('form.isBlind')}
          hint={t('form.isBlindHint')}
        />
        <CheckboxField
          form={form}
          name="excludeOwnLocality"
          label={t('form.excludeOwnLocality')}
          hint={t('form.excludeOwnLocalityHint')}
        />
        <TextField
          form={form}
          name="disagreementThreshold"
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          label={t('form.disagreementThreshold')}
          hint={t('form.disagreementThresholdHint')}
        />
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.datesTitle')}</legend>
        <TextField
          form={form}
          name="opensAt"
          type="datetime-local"
          label={t('form.opensAt')}
          hint={t('form.timeHint', { zone })}
        />
        <TextField
          form={form}
          name="closesAt"
          type="datetime-local"
          label={t('form.closesAt')}
          hint={t('form.timeHint', { zone })}
        />
      </fieldset>

      <div>
        <SubmitButton name="intent" value={ROUND_FORM_INTENT.save}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
