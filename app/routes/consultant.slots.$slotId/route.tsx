// One consultation time: its families (booked and waiting), and after it begins, attendance and
// advice for each booking. A consultant sees only her own slots; staff see every one.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '~/components/choice-fields';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { adviceSchema, attendanceSchema } from '~/schemas/consultation-slots';
import { recordAttendance, writeAdvice } from '~/services/consultation-records.server';
import { actsForAnyConsultant, programmeTimeZone } from '~/services/consultation-slots.server';
import { slotWithFamilies, type FamilyAtBooking } from '~/services/consultation-view.server';
import consultantStyles from '~/styles/consultant.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, formIntent, parseForm, readFormData, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';

export const handle: RouteAccess = { access: 'consultations:publish' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: consultantStyles }];

export const INTENT = { attendance: 'attendance', advice: 'advice' } as const;

function slotIdFrom(params: { slotId?: string }): number {
  const id = Number(params.slotId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

/** The slot if this person may see it: her own, or any for staff. */
function visibleSlot(actor: SessionUser, slotId: number) {
  const slot = slotWithFamilies(slotId, actor.user.locale, programmeTimeZone());
  if (!slot || (!actsForAnyConsultant(actor) && slot.consultantId !== actor.user.id))
    throw new Response('Not Found', { status: 404 });
  return slot;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:publish');
  const slot = visibleSlot(actor, slotIdFrom(params));
  const t = fixedT(actor.user.locale);
  return json({
    pageTitle: t('consultant:slot.title', { date: `${slot.dayText} ${slot.startText}` }),
    slot,
    started: Date.parse(slot.startsAt) <= Date.now(),
    isStaff: actsForAnyConsultant(actor),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:record');
  const slotId = slotIdFrom(params);
  visibleSlot(actor, slotId);
  const formData = await readFormData(request);
  const intent = formIntent(formData);
  if (intent === INTENT.attendance) {
    const parsed = parseForm(formData, attendanceSchema);
    if (!parsed.ok) return formFailure(parsed.failure);
    const result = recordAttendance(request, actor, parsed.data);
    if (!result.ok) return refuse(formData, { message: result.error });
  } else if (intent === INTENT.advice) {
    const parsed = parseForm(formData, adviceSchema);
    if (!parsed.ok) return formFailure(parsed.failure);
    const result = writeAdvice(request, actor, parsed.data);
    if (!result.ok) return refuse(formData, { message: result.error });
  } else {
    throw new Response('Unknown intent', { status: 400 });
  }
  return redirect(`/consultant/slots/${slotId}?saved=${intent}`);
}

function AttendanceForm({ booking, isStaff }: { booking: FamilyAtBooking; isStaff: boolean }) {
  const { t } = useTranslation('consultant');
  const choices = [
    { value: 'attended', label: t('slot.markAttended') },
    { value: 'family-no-show', label: t('slot.markFamilyNoShow') },
    ...(isStaff ? [{ value: 'consultant-no-show', label: t('slot.markConsultantNoShow') }] : []),
  ];
  return (
    <Form method="post" className="row" aria-label={`${t('slot.attendance')}: ${booking.family}`}>
      <input type="hidden" name="intent" value={INTENT.attendance} />
      <input type="hidden" name="bookingId" value={booking.bookingId} />
      <span>
        {t('slot.attendance')}:{' '}
        <strong>
          {booking.attendance ? t(`attendance.${booking.attendance}`) : t('slot.notRecorded')}
        </strong>
      </span>
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="submit"
          name="attendance"
          value={choice.value}
          className="button button--secondary"
          aria-pressed={booking.attendance === choice.value}
        >
          {choice.label}
          <span className="visually-hidden">: {booking.family}</span>
        </button>
      ))}
    </Form>
  );
}

function AdviceForm({ booking, failure }: { booking: FamilyAtBooking; failure?: FormFailure }) {
  const { t } = useTranslation('consultant');
  const mine = failure?.values?.bookingId === String(booking.bookingId) ? failure : undefined;
  const form = useValidatedForm({
    schema: adviceSchema,
    failure: mine,
    defaultValues: { bookingId: String(booking.bookingId), advice: booking.advice ?? '' },
  });
  return (
    <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value={INTENT.advice} />
      <input type="hidden" {...form.register('bookingId')} />
      <TextAreaField
        form={form}
        name="advice"
        id={`advice-${booking.bookingId}`}
        label={`${t('slot.advice')}: ${booking.family}`}
        hint={t('slot.adviceHint')}
        rows={4}
        required
      />
      <SubmitButton>{t('slot.saveAdvice')}</SubmitButton>
    </Form>
  );
}

export default function SlotPage() {
  const { slot, started, isStaff } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('consultant');
  const where =
    slot.mode === 'in-person' ? slot.place : slot.mode === 'phone' ? slot.phone : slot.link;
  return (
    <div className="stack">
      <p>
        <Link
          to={`/consultant?date=${slot.day}${isStaff ? `&consultant=${slot.consultantId}` : ''}`}
        >
          ← {t('slot.back')}
        </Link>
      </p>
      <h1>{t('slot.title', { date: `${slot.dayText} ${slot.startText}` })}</h1>
      {searchParams.get('saved') ? (
        <div className="alert alert--success" role="status">
          <p>{t('slot.saved')}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <dl className="details">
        <dt>{t('slot.time')}</dt>
        <dd>
          {slot.startText}–{slot.endText}
        </dd>
        <dt>{t('slot.mode')}</dt>
        <dd>{t(`modes.${slot.mode}`)}</dd>
        <dt>{t('slot.place')}</dt>
        <dd>{where}</dd>
        <dt>{t('slot.village')}</dt>
        <dd>{slot.village}</dd>
        <dt>{t('slot.capacity')}</dt>
        <dd>{t('slot.taken', { booked: slot.booked.length, capacity: slot.capacity })}</dd>
        <dt>{t('slot.topics')}</dt>
        <dd>{slot.topics.map((topic) => t(`topics.${topic}`)).join(', ') || '—'}</dd>
        <dt>{t('slot.languages')}</dt>
        <dd>{slot.languages.map((code) => LOCALE_NATIVE_NAMES[code]).join(', ') || '—'}</dd>
        <dt>{t('slot.status')}</dt>
        <dd>{slot.status === 'cancelled' ? t('slot.cancelled') : t('slot.open')}</dd>
      </dl>
      <section aria-labelledby="booked-title" className="stack">
        <h2 id="booked-title">{t('slot.bookings')}</h2>
        {slot.booked.length === 0 ? <p className="muted">{t('slot.noBookings')}</p> : null}
        {!started && slot.booked.length > 0 ? <p>{t('slot.recordAfterStart')}</p> : null}
        <ul className="plain-list stack">
          {slot.booked.map((booking) => (
            <li key={booking.bookingId} className="card stack">
              <h3>{booking.family}</h3>
              <dl className="details">
                <dt>{t('slot.village')}</dt>
                <dd>{booking.village}</dd>
                <dt>{t('slot.phone')}</dt>
                <dd>
                  {booking.phone ? (
                    <a href={`tel:${booking.phone}`}>{booking.phone}</a>
                  ) : (
                    t('slot.noPhone')
                  )}
                </dd>
                <dt>{t('slot.application')}</dt>
                <dd>{booking.title || '—'}</dd>
                <dt>{t('slot.amount')}</dt>
                <dd>{booking.amount}</dd>
                {booking.helpWith ? (
                  <>
                    <dt>{t('slot.helpWith')}</dt>
                    <dd>{booking.helpWith}</dd>
                  </>
                ) : null}
              </dl>
              {booking.noShows > 0 ? <p>{t('slot.noShows', { count: booking.noShows })}</p> : null}
              <h4>{t('slot.earlierAdvice')}</h4>
              {booking.earlierAdvice.length === 0 ? (
                <p className="muted">{t('slot.noEarlierAdvice')}</p>
              ) : (
                <ul>
                  {booking.earlierAdvice.map((a, i) => (
                    <li key={i}>
                      {a.date}, {a.consultant}: {a.advice}
                    </li>
                  ))}
                </ul>
              )}
              {started ? (
                <div className="record-forms">
                  <AttendanceForm booking={booking} isStaff={isStaff} />
                  <AdviceForm booking={booking} failure={failure} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {slot.waiting.length > 0 ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('slot.waiting')}</h2>
          <ol>
            {slot.waiting.map((booking) => (
              <li key={booking.bookingId}>
                {booking.family}, {booking.village}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
