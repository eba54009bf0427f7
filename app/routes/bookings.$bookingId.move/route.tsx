import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '~/components/choice-fields';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { moveBookingSchema } from '~/schemas/bookings';
import { moveChoices } from '~/services/booking-view.server';
import { moveBooking } from '~/services/bookings.server';
import bookingStyles from '~/styles/bookings.css';
import { requirePermission } from '~/utils/auth.server';
import { parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:book' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

function bookingIdOf(params: LoaderFunctionArgs['params']): number {
  const id = Number(params.bookingId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const locale = actor.user.locale;
  const choices = moveChoices(actor, bookingIdOf(params), locale);
  if (!choices) throw new Response('Not found', { status: 404 });
  return json({ pageTitle: fixedT(locale)('bookings:move.title'), ...choices });
}

type MoveFailure = FormFailure & { errorValues?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const bookingId = bookingIdOf(params);
  const formData = await readFormData(request);
  const parsed = parseForm(formData, moveBookingSchema);
  if (!parsed.ok) return json<MoveFailure>(parsed.failure, { status: 400 });
  const result = moveBooking(actor, { bookingId, toSlotId: parsed.data.toSlotId! });
  if (!result.ok) {
    return json<MoveFailure>(
      {
        formError: `bookings:errors.${result.error}`,
        errorValues: { hours: String(result.hours ?? ''), limit: String(result.limit ?? '') },
      },
      { status: result.error === 'not-found' ? 404 : 409 },
    );
  }
  return redirect(`/bookings?moved=${bookingId}${result.promoted ? '&promoted=1' : ''}`);
}

export default function MoveBookingPage() {
  const { current, choices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() ?? null;
  const { t } = useTranslation('bookings');
  const form = useValidatedForm({ schema: moveBookingSchema, failure });
  return (
    <div className="stack narrow">
      <h1>{t('move.title')}</h1>
      <p>{t('move.current', { date: `${current.startsAt.text} (${current.timeRange})` })}</p>
      <FormAlert message={failure?.formError} values={failure?.errorValues} />
      {choices.length === 0 ? (
        <p>{t('move.none')}</p>
      ) : (
        <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
          <RadioGroup
            form={form}
            name="toSlotId"
            legend={t('move.choose')}
            hint={t('open.timeZoneNote')}
            required
            options={choices.map((slot) => ({
              value: String(slot.id),
              label: `${slot.startsAt.text} (${slot.timeRange}) — ${t(`modes.${slot.mode}`)}, ${slot.village}`,
            }))}
          />
          <SubmitButton>{t('move.submit')}</SubmitButton>
        </Form>
      )}
      <p>
        <Link to="/bookings">{t('mine.title')}</Link>
      </p>
    </div>
  );
}
