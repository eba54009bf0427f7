// What the competition form's two routes (new, edit) share on the server: the choices it
// offers, and reading a posted form into the service's input.
import { dateTimeFormat } from '~/i18n/intl-cache';
import type { Competition } from '~db/schema/competitions';
import type { FormFailure } from '~/components/use-validated-form';
import type { CompetitionFormValues } from '~/components/competition-form';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listLocalities } from '~/models/user.server';
import { competitionSchema, parseQuotas } from '~/schemas/competition';
import type { CompetitionInput } from '~/services/competitions.server';
import { readSetting } from '~/services/settings.server';
import { moneyInputValue } from '~/utils/money';
import { formDataToObject, parseForm } from '~/utils/forms.server';
import { utcToZonedLocal } from '~/utils/timezone';

/** The zones of Kyrgyzstan and Kazakhstan, where the programmes run (all valid IANA names). */
export const COMPETITION_TIME_ZONES = [
  { zone: 'Asia/Bishkek', key: 'bishkek' },
  { zone: 'Asia/Almaty', key: 'almaty' },
  { zone: 'Asia/Qostanay', key: 'qostanay' },
  { zone: 'Asia/Qyzylorda', key: 'qyzylorda' },
  { zone: 'Asia/Aqtobe', key: 'aqtobe' },
  { zone: 'Asia/Aqtau', key: 'aqtau' },
  { zone: 'Asia/Atyrau', key: 'atyrau' },
  { zone: 'Asia/Oral', key: 'oral' },
] as const;

/** "GMT+6", from the time-zone database the server runs with (Kazakhstan moved in 2024). */
function utcOffset(zone: string, at = new Date()): string {
  return (
    dateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? ''
  );
}

export function timeZoneLabel(zone: string, locale: Locale): string {
  const t = fixedT(locale);
  const known = COMPETITION_TIME_ZONES.find((z) => z.zone === zone);
  const name = known
    ? t(`competitions:timeZones.${known.key}`)
    : t('competitions:timeZones.other', { zone });
  return `${name} (${utcOffset(zone)})`;
}

/** The form's choices, labelled in the reader's language. */
export function competitionFormOptions(locale: Locale, currentZone?: string) {
  const zones: string[] = COMPETITION_TIME_ZONES.map((z) => z.zone);
  // A competition saved with another valid zone keeps it selectable.
  if (currentZone && !zones.includes(currentZone)) zones.push(currentZone);
  return {
    timeZones: zones.map((zone) => ({ value: zone, label: timeZoneLabel(zone, locale) })),
    localities: listLocalities().map((l) => ({ id: l.id, label: localityName(l, locale) })),
  };
}

/** A saved competition as the form shows it: money as typed text, times on its wall clock. */
export function competitionFormValues(
  competition: Competition,
  localities: { localityId: number; quota: number | null }[],
): CompetitionFormValues {
  return {
    titleKy: competition.titleKy ?? '',
    titleRu: competition.titleRu ?? '',
    titleEn: competition.titleEn ?? '',
    titleKk: competition.titleKk ?? '',
    titleUz: competition.titleUz ?? '',
    descriptionKy: competition.descriptionKy ?? '',
    descriptionRu: competition.descriptionRu ?? '',
    descriptionEn: competition.descriptionEn ?? '',
    descriptionKk: competition.descriptionKk ?? '',
    descriptionUz: competition.descriptionUz ?? '',
    defaultLocale: competition.defaultLocale ?? '',
    referencePrefix: competition.referencePrefix,
    currency: competition.currency,
    budgetTotal: moneyInputValue(competition.budgetTotal),
    minGrant: moneyInputValue(competition.minGrant),
    maxGrant: moneyInputValue(competition.maxGrant),
    timezone: competition.timezone,
    opensAt: utcToZonedLocal(competition.opensAt, competition.timezone),
    closesAt: utcToZonedLocal(competition.closesAt, competition.timezone),
    requireSocialBenefits: competition.requireSocialBenefits,
    requiredTrainingSessions: String(competition.requiredTrainingSessions),
    requiredConsultations: String(competition.requiredConsultations),
    maxOpenBookings: String(competition.maxOpenBookings),
    bookingCancelNoticeHours: String(competition.bookingCancelNoticeHours),
    bookingMoveNoticeHours: String(competition.bookingMoveNoticeHours),
    beneficiaryRelations: [...competition.beneficiaryRelations],
    beneficiarySex: competition.beneficiarySex,
    beneficiaryAdultOnly: competition.beneficiaryAdultOnly,
    localityIds: localities.map((l) => String(l.localityId)),
    quotas: Object.fromEntries(
      localities.map((l) => [String(l.localityId), l.quota == null ? '' : String(l.quota)]),
    ),
  };
}

/**
 * The programme's defaults for a new competition (DESIGN.md: any adult woman may hold it); the
 * booking rules and requirements come from the programme settings.
 */
export function newCompetitionFormValues(): CompetitionFormValues {
  return {
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
    defaultLocale: '',
    referencePrefix: '',
    currency: 'KGS',
    budgetTotal: '',
    minGrant: '',
    maxGrant: '',
    timezone: 'Asia/Bishkek',
    opensAt: '',
    closesAt: '',
    requireSocialBenefits: true,
    // The programme's defaults an admin sets at /admin/settings.
    requiredTrainingSessions: String(readSetting('requiredTrainingSessions')),
    requiredConsultations: String(readSetting('requiredConsultations')),
    maxOpenBookings: String(readSetting('maxOpenBookings')),
    bookingCancelNoticeHours: String(readSetting('bookingCancelNoticeHours')),
    bookingMoveNoticeHours: String(readSetting('bookingMoveNoticeHours')),
    beneficiaryRelations: ['head', 'spouse', 'daughter-in-law', 'daughter', 'mother-in-law'],
    beneficiarySex: 'female',
    beneficiaryAdultOnly: true,
    localityIds: [],
    quotas: {},
  };
}

/**
 * Reads the posted form: the schema's fields and a quota_<localityId> per ticked locality.
 * Either the service's input, or every field's error at once with what was typed.
 */
export function parseCompetitionForm(
  formData: FormData,
): { ok: true; input: CompetitionInput } | { ok: false; failure: FormFailure } {
  const parsed = parseForm(formData, competitionSchema);
  const raw = formDataToObject(formData);
  const ticked = formData
    .getAll('localityIds')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  const { quotas, errors } = parseQuotas(raw, ticked);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const failure = parsed.ok ? { values: raw } : parsed.failure;
    return {
      ok: false,
      failure: { ...failure, fieldErrors: { ...failure.fieldErrors, ...errors } },
    };
  }
  return { ok: true, input: { ...parsed.data, quotas } };
}
