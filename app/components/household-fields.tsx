import { useFieldArray, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import { RELATIONS, SEXES } from '~/schemas/enums';
import { CheckboxField, SelectField, TextField } from './form-fields';
import type { ValidatedForm } from './use-validated-form';

/** The row buttons post these intents when JavaScript does not run. */
export const MEMBER_INTENT = { add: 'add-member', remove: 'remove-member' } as const;

export type MemberRow = {
  memberId?: string | number | null;
  firstName?: string;
  lastName?: string;
  sex?: string;
  birthYear?: string | number;
  relation?: string;
};

export const EMPTY_MEMBER: MemberRow = {
  memberId: '',
  firstName: '',
  lastName: '',
  sex: '',
  birthYear: '',
  relation: '',
};

/**
 * Without JavaScript, "add a person" and "remove" are submit buttons: the action applies them to
 * what was typed and sends the form back, so nothing is lost. Returns null for other intents.
 */
export function applyMemberIntent(values: Record<string, unknown>, intent: string | null) {
  const members = Array.isArray(values.members) ? [...(values.members as MemberRow[])] : [];
  if (intent === MEMBER_INTENT.add) return { ...values, members: [...members, EMPTY_MEMBER] };
  if (intent?.startsWith(`${MEMBER_INTENT.remove}:`)) {
    const index = Number(intent.slice(MEMBER_INTENT.remove.length + 1));
    return { ...values, members: members.filter((_, i) => i !== index) };
  }
  return null;
}

/** Locality, address, phone, benefits and the members of a household. */
export function HouseholdFields<T extends FieldValues>({
  form,
  localities,
}: {
  form: ValidatedForm<T>;
  localities: { value: string; label: string }[];
}) {
  const { t } = useTranslation(['households', 'common']);
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'members' as never,
  });
  const name = (path: string) => path as Path<T>;
  // Before JavaScript runs, rows come from the server's values; after, from the field array.
  const rowCount = form.hydrated
    ? fields.length
    : ((form.formState.defaultValues?.members as unknown[]) ?? []).length;
  const membersError = form.serverErrors.members;
  return (
    <>
      <SelectField
        form={form}
        name={name('localityId')}
        label={t('form.locality')}
        placeholder={t('form.localityChoose')}
        options={localities}
      />
      <TextField
        form={form}
        name={name('address')}
        label={t('form.address')}
        hint={t('form.addressHint')}
        autoComplete="street-address"
      />
      <TextField
        form={form}
        name={name('phone')}
        type="tel"
        inputMode="tel"
        label={t('form.phone')}
        hint={t('form.phoneHint')}
        autoComplete="tel"
      />
      <CheckboxField
        form={form}
        name={name('receivesSocialBenefits')}
        label={t('form.receivesSocialBenefits')}
      />
      <TextField
        form={form}
        name={name('benefitRegisterNumber')}
        label={t('form.benefitRegisterNumber')}
        hint={t('form.benefitRegisterNumberHint')}
      />
      <fieldset className="field" aria-describedby={membersError ? 'members-error' : undefined}>
        <legend>{t('form.members')}</legend>
        <p className="field__hint">{t('form.membersHint')}</p>
        {membersError ? (
          <p id="members-error" className="field__error">
            {t(
              `form.membersErrors.${membersError === 'household.beneficiaryCannotBeRemoved' ? 'locked' : 'atLeastOne'}`,
            )}
          </p>
        ) : null}
        {Array.from({ length: rowCount }, (_, index) => (
          <fieldset key={form.hydrated ? fields[index]!.id : index} className="member-card">
            <legend>{t('form.person', { number: index + 1 })}</legend>
            <input type="hidden" {...form.register(name(`members.${index}.memberId`))} />
            <div className="member-card__grid">
              <TextField
                form={form}
                name={name(`members.${index}.firstName`)}
                label={t('form.firstName')}
                autoComplete="off"
              />
              <TextField
                form={form}
                name={name(`members.${index}.lastName`)}
                label={t('form.lastName')}
                autoComplete="off"
              />
              <SelectField
                form={form}
                name={name(`members.${index}.relation`)}
                label={t('form.relation')}
                placeholder={t('form.choose')}
                options={RELATIONS.map((relation) => ({
                  value: relation,
                  label: t(`common:relations.${relation}`),
                }))}
              />
              <SelectField
                form={form}
                name={name(`members.${index}.sex`)}
                label={t('form.sex')}
                placeholder={t('form.choose')}
                options={SEXES.map((sex) => ({ value: sex, label: t(`common:sexes.${sex}`) }))}
              />
              <TextField
                form={form}
                name={name(`members.${index}.birthYear`)}
                label={t('form.birthYear')}
                inputMode="numeric"
                autoComplete="off"
              />
            </div>
            {form.hydrated ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => remove(index)}
              >
                {t('form.removePerson', { number: index + 1 })}
              </button>
            ) : (
              <button
                type="submit"
                name="intent"
                value={`${MEMBER_INTENT.remove}:${index}`}
                className="button button--secondary button--small"
                formNoValidate
              >
                {t('form.removePerson', { number: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {form.hydrated ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => append(EMPTY_MEMBER as never)}
          >
            {t('form.addPerson')}
          </button>
        ) : (
          <button
            type="submit"
            name="intent"
            value={MEMBER_INTENT.add}
            className="button button--secondary"
            formNoValidate
          >
            {t('form.addPerson')}
          </button>
        )}
      </fieldset>
    </>
  );
}
