// Staff's competition form, shared by "new" and "edit". A native form: it posts and the server
// validates without JavaScript; with it, each field is checked as it is left.
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from './enum-labels';
import { HTML_LANG, LOCALES, LOCALE_NATIVE_NAMES, type Locale } from '~/i18n/config';
import { competitionSchema } from '~/schemas/competition';
import {
  BENEFICIARY_SEX_RULES,
  CURRENCIES,
  RELATIONS,
  type BeneficiarySexRule,
  type Currency,
  type Relation,
} from '~/schemas/enums';
import { RadioGroup, TextAreaField } from './choice-fields';
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  SubmitButton,
  TextField,
  useErrorText,
} from './form-fields';
import { DESCRIPTION_FIELDS, MAIN_LOCALES, MORE_LOCALES, TITLE_FIELDS } from './language-fields';
import { useValidatedForm, type FormFailure } from './use-validated-form';

/** What the form shows: every value as the person typed it; quotas by locality id. */
export type CompetitionFormValues = {
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
  /** '' = the portal's default (the reader's own language). */
  defaultLocale: Locale | '';
  referencePrefix: string;
  currency: Currency;
  budgetTotal: string;
  minGrant: string;
  maxGrant: string;
  timezone: string;
  opensAt: string;
  closesAt: string;
  requireSocialBenefits: boolean;
  requiredTrainingSessions: string;
  requiredConsultations: string;
  maxOpenBookings: string;
  bookingCancelNoticeHours: string;
  bookingMoveNoticeHours: string;
  beneficiaryRelations: Relation[];
  beneficiarySex: BeneficiarySexRule;
  beneficiaryAdultOnly: boolean;
  localityIds: string[];
  quotas: Record<string, string>;
};

const asList = (value: unknown): string[] =>
  value == null || value === '' ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/**
 * What was posted, back in the form's shape: an unticked box is absent from a post, so after a
 * refusal it must show unticked, not fall back to the saved value.
 */
function echoed(
  saved: CompetitionFormValues,
  values: Record<string, unknown>,
): CompetitionFormValues {
  const text = (key: keyof CompetitionFormValues) =>
    typeof values[key] === 'string' ? (values[key] as string) : (saved[key] as string);
  return {
    ...saved,
    titleKy: text('titleKy'),
    titleRu: text('titleRu'),
    titleEn: text('titleEn'),
    titleKk: text('titleKk'),
    titleUz: text('titleUz'),
    descriptionKy: text('descriptionKy'),
    descriptionRu: text('descriptionRu'),
    descriptionEn: text('descriptionEn'),
    descriptionKk: text('descriptionKk'),
    descriptionUz: text('descriptionUz'),
    defaultLocale: text('defaultLocale') as Locale | '',
    referencePrefix: text('referencePrefix'),
    currency: text('currency') as Currency,
    budgetTotal: text('budgetTotal'),
    minGrant: text('minGrant'),
    maxGrant: text('maxGrant'),
    timezone: text('timezone'),
    opensAt: text('opensAt'),
    closesAt: text('closesAt'),
    requiredTrainingSessions: text('requiredTrainingSessions'),
    requiredConsultations: text('requiredConsultations'),
    maxOpenBookings: text('maxOpenBookings'),
    bookingCancelNoticeHours: text('bookingCancelNoticeHours'),
    bookingMoveNoticeHours: text('bookingMoveNoticeHours'),
    beneficiarySex: text('beneficiarySex') as BeneficiarySexRule,
    requireSocialBenefits: values.requireSocialBenefits === 'on',
    beneficiaryAdultOnly: values.beneficiaryAdultOnly === 'on',
    beneficiaryRelations: asList(values.beneficiaryRelations) as Relation[],
    localityIds: asList(values.localityIds),
    quotas: Object.fromEntries(
      Object.entries(values)
        .filter(([key]) => key.startsWith('quota_'))
        .map(([key, value]) => [key.slice('quota_'.length), String(value)]),
    ),
  };
}

export function CompetitionForm({
  saved,
  failure,
  timeZones,
  localities,
  currencyLocked,
  submitLabel,
  intent,
}: {
  saved: CompetitionFormValues;
  failure?: FormFailure | null;
  timeZones: { value: string; label: string }[];
  localities: { id: number; label: string }[];
  currencyLocked: boolean;
  submitLabel: string;
  intent?: string;
}) {
  const { t } = useTranslation('competitions');
  const labels = useEnumLabels();
  const errorText = useErrorText();
  const initial = failure?.values ? echoed(saved, failure.values) : saved;
  const { quotas, ...defaultValues } = initial;
  // The form's own failure without echoed values: `initial` already holds them, in shape.
  const form = useValidatedForm({
    schema: competitionSchema,
    failure: failure ? { fieldErrors: failure.fieldErrors } : null,
    defaultValues,
  });
  const titles = form.watch(LOCALES.map((locale) => TITLE_FIELDS[locale]));
  const ownLocale = String(form.watch('defaultLocale') ?? saved.defaultLocale);
  // The note names the three first languages and the competition's own, if another: a Kyrgyz
  // programme need not write Kazakh or Uzbek, a Kazakhstan one should write Kazakh.
  const expected = LOCALES.filter(
    (locale) => MAIN_LOCALES.includes(locale) || locale === ownLocale,
  );
  const missing = expected.filter(
    (locale) => !String(titles[LOCALES.indexOf(locale)] ?? '').trim(),
  );
  const zone = String(form.watch('timezone') ?? saved.timezone);
  const zoneLabel = timeZones.find((z) => z.value === zone)?.label ?? zone;
  const currency = String(form.watch('currency') ?? saved.currency);
  const moneyHint = t('form.moneyHint', { currency });
  const languageName = (locale: Locale) => t(`languages.${locale}`);
  const serverErrors = failure?.fieldErrors ?? {};
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <fieldset className="card form">
        <legend>{t('form.textsTitle')}</legend>
        <p className="field__hint">{t('form.textsHint')}</p>
        {MAIN_LOCALES.map((locale) => (
          <TextField
            key={locale}
            form={form}
            name={TITLE_FIELDS[locale]}
            label={t(`form.${TITLE_FIELDS[locale]}`)}
            lang={HTML_LANG[locale]}
          />
        ))}
        <p className="muted" aria-live="polite">
          {missing.length === 0
            ? t('form.allLanguages')
            : t('form.missingLanguages', { languages: missing.map(languageName).join(', ') })}
        </p>
        {MAIN_LOCALES.map((locale) => (
          <TextAreaField
            key={locale}
            form={form}
            name={DESCRIPTION_FIELDS[locale]}
            label={t(`form.${DESCRIPTION_FIELDS[locale]}`)}
            lang={HTML_LANG[locale]}
            rows={5}
          />
        ))}
        <details
          className="more-languages"
          open={MORE_LOCALES.some(
            (locale) =>
              Boolean(initial[TITLE_FIELDS[locale]] || initial[DESCRIPTION_FIELDS[locale]]) ||
              Boolean(
                serverErrors[TITLE_FIELDS[locale]] || serverErrors[DESCRIPTION_FIELDS[locale]],
              ),
          )}
        >
          <summary>{t('form.moreLanguages')}</summary>
          {MORE_LOCALES.map((locale) => (
            <div key={locale} className="form">
              <TextField
                form={form}
                name={TITLE_FIELDS[locale]}
                label={t(`form.${TITLE_FIELDS[locale]}`)}
                lang={HTML_LANG[locale]}
              />
              <TextAreaField
                form={form}
                name={DESCRIPTION_FIELDS[locale]}
                label={t(`form.${DESCRIPTION_FIELDS[locale]}`)}
                lang={HTML_LANG[locale]}
                rows={5}
              />
            </div>
          ))}
        </details>
        <SelectField
          form={form}
          name="defaultLocale"
          label={t('form.defaultLocale')}
          hint={t('form.defaultLocaleHint')}
          options={[
            { value: '', label: t('form.defaultLocaleNone') },
            ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NATIVE_NAMES[locale] })),
          ]}
        />
        <TextField
          form={form}
          name="referencePrefix"
          label={t('form.referencePrefix')}
          hint={t('form.referencePrefixHint', { example: 'TJ-2024-0007' })}
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={6}
        />
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.moneyTitle')}</legend>
        <SelectField
          form={form}
          name="currency"
          label={t('form.currency')}
          hint={currencyLocked ? t('form.currencyLocked') : undefined}
          options={CURRENCIES.map((code) => ({ value: code, label: t(`currencies.${code}`) }))}
        />
        <TextField
          form={form}
          name="budgetTotal"
          label={t('form.budgetTotal')}
          hint={moneyHint}
          inputMode="decimal"
        />
        <TextField
          form={form}
          name="minGrant"
          label={t('form.minGrant')}
          hint={moneyHint}
          inputMode="decimal"
        />
        <TextField
          form={form}
          name="maxGrant"
          label={t('form.maxGrant')}
          hint={moneyHint}
          inputMode="decimal"
        />
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.datesTitle')}</legend>
        <SelectField
          form={form}
          name="timezone"
          label={t('form.timezone')}
          hint={t('form.timezoneHint')}
          options={timeZones}
        />
        <TextField
          form={form}
          name="opensAt"
          type="datetime-local"
          label={t('form.opensAt')}
          hint={t('form.opensHint', { zone: zoneLabel })}
        />
        <TextField
          form={form}
          name="closesAt"
          type="datetime-local"
          label={t('form.closesAt')}
          hint={t('form.timeHint', { zone: zoneLabel })}
        />
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.rulesTitle')}</legend>
        <CheckboxField
          form={form}
          name="requireSocialBenefits"
          label={t('form.requireSocialBenefits')}
        />
        <TextField
          form={form}
          name="requiredTrainingSessions"
          type="number"
          min={0}
          max={50}
          step={1}
          inputMode="numeric"
          label={t('form.requiredTrainingSessions')}
          hint={t('form.requiredTrainingSessionsHint')}
        />
        <TextField
          form={form}
          name="requiredConsultations"
          type="number"
          min={0}
          max={10}
          step={1}
          inputMode="numeric"
          label={t('form.requiredConsultations')}
          hint={t('form.requiredConsultationsHint')}
        />
        <CheckboxGroup
          form={form}
          name="beneficiaryRelations"
          legend={t('form.beneficiaryRelations')}
          hint={t('form.beneficiaryRelationsHint')}
          options={RELATIONS.map((relation) => ({
            value: relation,
            label: labels.relation(relation),
          }))}
        />
        <RadioGroup
          form={form}
          name="beneficiarySex"
          legend={t('form.beneficiarySex')}
          options={BENEFICIARY_SEX_RULES.map((rule) => ({
            value: rule,
            label: t(`sexRules.${rule}`),
          }))}
        />
        <CheckboxField
          form={form}
          name="beneficiaryAdultOnly"
          label={t('form.beneficiaryAdultOnly')}
        />
      </fieldset>

      <fieldset className="card form">
        <legend>{t('form.bookingsTitle')}</legend>
        <TextField
          form={form}
          name="maxOpenBookings"
          type="number"
          min={0}
          max={20}
          step={1}
          inputMode="numeric"
          label={t('form.maxOpenBookings')}
          hint={t('form.maxOpenBookingsHint')}
        />
        <TextField
          form={form}
          name="bookingCancelNoticeHours"
          type="number"
          min={0}
          max={720}
          step={1}
          inputMode="numeric"
          label={t('form.bookingCancelNoticeHours')}
          hint={t('form.noticeHoursHint')}
        />
        <TextField
          form={form}
          name="bookingMoveNoticeHours"
          type="number"
          min={0}
          max={720}
          step={1}
          inputMode="numeric"
          label={t('form.bookingMoveNoticeHours')}
          hint={t('form.noticeHoursHint')}
        />
      </fieldset>

      <fieldset className="card form" aria-describedby="localities-hint">
        <legend>{t('form.localitiesTitle')}</legend>
        <p id="localities-hint" className="field__hint">
          {t('form.localitiesHint')}
        </p>
        <LocalityChoices
          form={form}
          localities={localities}
          quotas={quotas}
          serverErrors={serverErrors}
          errorText={errorText}
          quotaLabel={(locality) => t('form.quota', { locality })}
        />
      </fieldset>

      <div>
        <SubmitButton name={intent ? 'intent' : undefined} value={intent}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Each locality: a box to tick, and beside it the quota of grants for that place. */
function LocalityChoices({
  form,
  localities,
  quotas,
  serverErrors,
  errorText,
  quotaLabel,
}: {
  form: ReturnType<typeof useValidatedForm<typeof competitionSchema>>;
  localities: { id: number; label: string }[];
  quotas: Record<string, string>;
  serverErrors: Record<string, string>;
  errorText: (key: string | undefined) => string | undefined;
  quotaLabel: (locality: string) => string;
}) {
  const checked = (form.formState.defaultValues?.localityIds as string[] | undefined) ?? [];
  const listError = errorText(
    form.hydrated
      ? (form.formState.errors.localityIds?.message as string | undefined)
      : serverErrors.localityIds,
  );
  return (
    <div className="locality-choices">
      {localities.map((locality) => {
        const quotaName = `quota_${locality.id}`;
        const quotaError = errorText(serverErrors[quotaName]);
        const boxId = `field-localityIds-${locality.id}`;
        const quotaId = `field-${quotaName}`;
        return (
          <div key={locality.id} className="locality-choice">
            <label className="checkbox" htmlFor={boxId}>
              <input
                id={boxId}
                type="checkbox"
                value={String(locality.id)}
                defaultChecked={checked.includes(String(locality.id))}
                aria-invalid={listError ? true : undefined}
                aria-describedby={listError ? 'field-localityIds-error' : undefined}
                {...form.register('localityIds')}
              />
              <span>{locality.label}</span>
            </label>
            <div className="field locality-choice__quota">
              <label htmlFor={quotaId} className="small">
                {quotaLabel(locality.label)}
              </label>
              <input
                id={quotaId}
                name={quotaName}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                defaultValue={quotas[String(locality.id)] ?? ''}
                aria-invalid={quotaError ? true : undefined}
                aria-describedby={quotaError ? `${quotaId}-error` : undefined}
              />
              {quotaError ? (
                <p id={`${quotaId}-error`} className="field__error">
                  {quotaError}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      {listError ? (
        <p id="field-localityIds-error" className="field__error">
          {listError}
        </p>
      ) : null}
    </div>
  );
}
