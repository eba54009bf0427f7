// What the round form's two routes (new, edit) share on the server: the values it starts with,
// and the answer to a post (a row added or removed without JavaScript, a refusal, or the input).
import { json } from '@remix-run/node';
import type { Round, RoundCriterion } from '~db/schema/jury';
import {
  EMPTY_CRITERION,
  ROUND_FORM_INTENT,
  applyCriterionIntent,
  type RoundFormValues,
} from '~/components/round-form';
import type { FormFailure } from '~/components/use-validated-form';
import type { Locale } from '~/i18n/config';
import { roundSchema, type RoundFormInput } from '~/schemas/round';
import { formDataToObject, formFailure, parseForm, formIntent } from './forms.server';
import { utcToZonedLocal } from './timezone';

const DAY = 24 * 60 * 60_000;

/** A saved round as the form shows it: numbers as text, times on the competition's clock. */
export function roundFormValues(
  round: Round,
  criteria: RoundCriterion[],
  timeZone: string,
): RoundFormValues {
  return {
    // A round saved before titles took three languages shows its one name in the first box.
    nameKy:
      round.nameKy ??
      (round.nameRu || round.nameEn || round.nameKk || round.nameUz ? '' : round.name),
    nameRu: round.nameRu ?? '',
    nameEn: round.nameEn ?? '',
    nameKk: round.nameKk ?? '',
    nameUz: round.nameUz ?? '',
    jurorsPerApplication: String(round.jurorsPerApplication),
    isBlind: round.isBlind,
    excludeOwnLocality: round.excludeOwnLocality,
    opensAt: utcToZonedLocal(round.opensAt, timeZone),
    closesAt: utcToZonedLocal(round.closesAt, timeZone),
    disagreementThreshold: String(round.disagreementThreshold),
    criteria: criteria.map((c) => ({
      titleKy: c.titleKy ?? '',
      titleRu: c.titleRu ?? '',
      titleEn: c.titleEn ?? '',
      titleKk: c.titleKk ?? '',
      titleUz: c.titleUz ?? '',
      descriptionKy: c.descriptionKy ?? '',
      descriptionRu: c.descriptionRu ?? '',
      descriptionEn: c.descriptionEn ?? '',
      descriptionKk: c.descriptionKk ?? '',
      descriptionUz: c.descriptionUz ?? '',
      maxPoints: String(c.maxPoints),
      weight: String(c.weight),
    })),
  };
}

/**
 * A new round: the programme's habits (three jurors, blind, never from the family's own
 * village, flag a spread above 25 points), open from tomorrow 09:00 for two weeks.
 */
export function newRoundFormValues(
  number: number,
  locale: Locale,
  timeZone: string,
  now = new Date(),
): RoundFormValues {
  const day = (offset: number) => utcToZonedLocal(now.getTime() + offset * DAY, timeZone);
  return {
    // What the round judges; pages put "Round 1:" before it themselves.
    nameKy: '',
    nameRu: '',
    nameEn: '',
    nameKk: '',
    nameUz: '',
    jurorsPerApplication: '3',
    isBlind: true,
    excludeOwnLocality: true,
    opensAt: `${day(1).slice(0, 10)}T09:00`,
    closesAt: `${day(15).slice(0, 10)}T18:00`,
    disagreementThreshold: '25',
    criteria: [EMPTY_CRITERION],
  };
}

/**
 * Reads a post of the round form: either an answer to send at once (a row added or removed,
 * or the fields' errors, 400) or the service's input.
 */
export function readRoundForm(
  formData: FormData,
): { ok: true; input: RoundFormInput } | { ok: false; response: Response } {
  const intent = formIntent(formData);
  const rows = applyCriterionIntent(formDataToObject(formData), intent);
  if (rows) return { ok: false, response: json<FormFailure>({ values: rows }) };
  if (intent !== ROUND_FORM_INTENT.save) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, roundSchema);
  if (!parsed.ok) return { ok: false, response: formFailure(parsed.failure) };
  return { ok: true, input: parsed.data };
}
