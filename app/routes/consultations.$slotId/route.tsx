import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SlotWhere } from '~/components/booking-list';
import { TextAreaField } from '~/components/choice-fields';
import { FormAlert, SelectField, SubmitButton, TextField } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { bookConsultationSchema } from '~/schemas/bookings';
import { bookableApplications, slotForBooking } from '~/services/booking-view.server';
import { bookConsultation } from '~/services/bookings.server';
import bookingStyles from '~/styles/bookings.css';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, formIntent, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:book' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

export const INTENT = { book: 'book', wait: 'wait' } as const;

function slotIdOf(params: LoaderFunctionArgs['params']): number {
  const id = Number(params.slotId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const locale = actor.user.locale;
  const slot = slotForBooking(slotIdOf(params), locale);
  if (!slot) throw new Response('Not found', { status: 404 });
  const preselected = Number(new URL(request.url).searchParams.get('applicationId')) || null;
  return json({
    pageTitle: fixedT(locale)('bookings:book.title'),
    slot: slot.view,
    open: slot.open,
    applications: bookableApplications(actor, locale),
    preselected,
  });
}

type BookFailure = FormFailure & { full?: boolean; errorValues?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const slotId = slotIdOf(params);
  const formData = await readFormData(request);
  const intent = formIntent(formData);
  if (intent !== INTENT.book && intent !== INTENT.wait) {
    throw new Response('Unknown intent', { status: 400 });
  }
  const parsed = parseForm(formData, bookConsultationSchema);
  if (!parsed.ok) return json<BookFailure>(parsed.failure, { status: 400 });
  const result = bookConsultation(actor, {
    slotId,
    applicationId: parsed.data.applicationId!,
    helpWith: parsed.data.helpWith,
    joinWaitingList: intent === INTENT.wait,
  });
  const values = formDataToObject(formData) as Record<string, unknown>;
  delete values.intent;
  if (!result.ok) {
    if (result.error === 'full') {
      return json<BookFailure>({ full: true, values }, { status: 409 });
    }
    return json<BookFailure>(
      {
        formError: `bookings:errors.${result.error}`,
        errorValues: {
          limit: String(result.limit ?? ''),
          hours: String(result.hours ?? ''),
        },
        values,
      },
      { status: result.error === 'not-found' ? 404 : 409 },
    );
  }
  const mine = actor.roles.includes('applicant') ? '' : `&family=1`;
  return redirect(
    `/bookings?${result.booking.status === 'waiting' ? 'waiting' : 'booked'}=${result.booking.id}${mine}`,
  );
}

export default function BookConsultationPage() {
  const { slot, open, applications, preselected } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() ?? null;
  const { t } = useTranslation('bookings');
  const single = applications?.length === 1 ? applications[0]!.id : null;
  const form = useValidatedForm({
    schema: bookConsultationSchema,
    failure,
    defaultValues: {
      applicationId: String(failure?.values?.applicationId ?? preselected ?? single ?? ''),
      helpWith: String(failure?.values?.helpWith ?? ''),
    },
  });
  const full = failure?.full === true || slot.placesLeft === 0;
  return (
    <div className="stack narrow">
      <h1>{t('book.title')}</h1>
      <section className="card" aria-labelledby="slot-when">
        <h2 id="slot-when">
          <FormattedDateTime value={slot.startsAt} /> ({slot.timeRange})
        </h2>
        <dl className="details details--stacked">
          <dt>{t('open.where')}</dt>
          <dd>
            <SlotWhere slot={slot} />
          </dd>
          <dt>{t('open.consultant')}</dt>
          <dd>{slot.consultant}</dd>
          {slot.topics.length > 0 ? (
            <>
              <dt>{t('open.topics')}</dt>
              <dd>{slot.topics.map((topic) => t(`topics.${topic}`)).join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <p className="muted">{t('open.timeZoneNote')}</p>
      </section>
      {!open ? (
        <div className="alert alert--info" role="status">
          <p>{t('errors.slot-closed')}</p>
        </div>
      ) : applications !== null && applications.length === 0 ? (
        <div className="alert alert--info">
          <p>{t('book.noApplication')}</p>
          <p>
            <Link to="/competitions">{t('book.noApplication').split('.')[0]}</Link>
          </p>
        </div>
      ) : (
        <>
          {full ? (
            <div className="alert alert--info" role={failure?.full ? 'alert' : undefined}>
              <p>
                <strong>{t('book.fullTitle')}</strong>
              </p>
              <p>{t('book.fullMessage')}</p>
            </div>
          ) : null}
          <FormAlert message={failure?.formError} values={failure?.errorValues} />
          <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
            {applications === null ? (
              <TextField
                form={form}
                name="applicationId"
                label={t('book.applicationId')}
                inputMode="numeric"
                required
              />
            ) : (
              <SelectField
                form={form}
                name="applicationId"
                label={t('book.application')}
                placeholder={t('book.chooseApplication')}
                options={applications.map((a) => ({ value: String(a.id), label: a.label }))}
                required
              />
            )}
            <TextAreaField
              form={form}
              name="helpWith"
              label={t('book.helpWith')}
              hint={t('book.helpWithHint')}
              rows={3}
            />
            {full ? (
              <SubmitButton name="intent" value={INTENT.wait}>
                {t('book.joinWaitingList')}
              </SubmitButton>
            ) : (
              <SubmitButton name="intent" value={INTENT.book}>
                {t('book.submit')}
              </SubmitButton>
            )}
          </Form>
        </>
      )}
      <p>
        <Link to="/consultations">{t('book.back')}</Link>
      </p>
    </div>
  );
}
