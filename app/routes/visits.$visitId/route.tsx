import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { describedBy, FieldShell, useErrorText } from '~/components/form-fields';
import type { FormFailure } from '~/components/use-validated-form';
import { useTranslation } from '~/i18n/react';
import {
  AGENCY_DECIDERS,
  AGENCY_QUESTIONS,
  ASSET_STATES,
  BUSINESS_STATUSES,
} from '~/schemas/outcome-enums';
import { VISIT_FIELDS, visitSchema } from '~/schemas/visit';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { visitPageData } from '~/services/visits-view.server';
import {
  RECORD_REFUSAL_FIELD,
  recordVisit,
  saveVisitDraft,
  visitFor,
} from '~/services/visits.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import {
  badForm,
  formFailure,
  formFile,
  formIntent,
  formText,
  parseForm,
  readUploadForm,
  refuse,
} from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'visits:record' };
export const meta = titleFromLoader;

const INTENT = { saveDraft: 'save-draft', record: 'record' } as const;

/** The agency questions' fields, in the order AGENCY_QUESTIONS asks them. */
const AGENCY_FIELD = {
  ownEarnings: 'decidesOwnEarnings',
  largePurchases: 'decidesLargePurchases',
  businessMoney: 'decidesBusinessMoney',
} as const;

async function visitOr404(request: Request, visitId: string | undefined) {
  const actor = await requirePermission(request, 'visits:record');
  const context = visitFor(actor, idParam(visitId));
  if (!context) throw notFound();
  return { actor, context };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, context } = await visitOr404(request, params.visitId);
  recordRead(actor, context.household.id, 'visit', request, context.visit.id);
  return json(visitPageData(actor, context));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, context } = await visitOr404(request, params.visitId);
  const read = await readUploadForm(request, { field: 'photo', maxBytes: MAX_ATTACHMENT_BYTES });
  if (!read.ok)
    return json<FormFailure>(
      { fieldErrors: { photo: 'visits:errors.too-large' } },
      { status: 413 },
    );
  const { formData } = read;
  const intent = formIntent(formData);
  if (intent === INTENT.saveDraft) {
    const fields = VISIT_FIELDS.flatMap((name): [string, string][] => {
      const value = formText(formData, name);
      return value ? [[name, value]] : [];
    });
    const saved = saveVisitDraft(request, actor, context, fields);
    if (!saved.ok) return refuse(formData, { message: `visits:errors.${saved.error}` }, 409);
    return redirect(`/visits/${context.visit.id}?saved=draft`);
  }
  if (intent !== INTENT.record) throw badForm(400, 'Unknown intent');
  const parsed = parseForm(formData, visitSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const photo = formFile(formData, 'photo');
  const result = recordVisit(
    request,
    actor,
    context,
    parsed.data,
    photo ? new Uint8Array(await photo.arrayBuffer()) : null,
  );
  if (!result.ok) {
    const field = RECORD_REFUSAL_FIELD[result.error];
    return refuse(
      formData,
      { field: field ?? undefined, message: `visits:errors.${result.error}` },
      result.error === 'already-recorded' ? 409 : 400,
    );
  }
  return redirect(`/visits/${context.visit.id}?saved=visit`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function VisitPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation('visits');
  const saved = search.get('saved');
  return (
    <div className="narrow stack">
      <p>
        <Link to="/visits">← {t('page.back')}</Link>
      </p>
      <h1>{data.pageTitle}</h1>
      <p>
        {data.village} · <Link to={`/grants/${data.grantId}`}>{data.reference}</Link> ·{' '}
        {t('page.dueOn', { date: data.dueOn })} ·{' '}
        <span className="badge">{t(`states.${data.state}`)}</span>
      </p>
      {saved === 'visit' && data.recorded ? (
        <div className="alert alert--success" role="status">
          <p>{t('page.recorded')}</p>
        </div>
      ) : null}
      {saved === 'draft' && !data.recorded ? (
        <div className="alert alert--success" role="status">
          <p>{t('page.draftSaved')}</p>
        </div>
      ) : null}
      {data.recorded ? <RecordedVisit data={data} /> : <VisitForm data={data} failure={failure} />}
      {data.staff ? (
        <section className="card">
          <h2>{t('staffOnly.title')}</h2>
          <p>{data.staff.safeguardingNote ?? t('staffOnly.none')}</p>
        </section>
      ) : null}
    </div>
  );
}

function RecordedVisit({ data }: { data: Data }) {
  const { t } = useTranslation('visits');
  const recorded = data.recorded!;
  return (
    <section className="card stack">
      <h2>{t('page.readOnly')}</h2>
      <p>{t('page.visitedOnDay', { date: recorded.visitedOn })}</p>
      <dl className="facts">
        {recorded.rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {recorded.photoIds.length ? (
        recorded.photoIds.map((id) => (
          <img
            key={id}
            src={`/outcome-photos/${id}`}
            alt={t('page.photo')}
            style={{ maxWidth: '100%', height: 'auto' }}
          />
        ))
      ) : (
        <p className="muted">{t('page.noPhoto')}</p>
      )}
    </section>
  );
}

function VisitForm({ data, failure }: { data: Data; failure: FormFailure | undefined }) {
  const { t } = useTranslation('visits');
  const { t: tOutcomes } = useTranslation('outcomes');
  const errorText = useErrorText({ date: data.firstPaidOn });
  const values = { ...data.defaults, ...((failure?.values ?? {}) as Record<string, unknown>) };
  const value = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const errorOf = (name: string) => errorText(failure?.fieldErrors?.[name]);
  const field = (name: string, label: ReactNode, control: ReactNode, hint?: ReactNode) => (
    <FieldShell id={`field-${name}`} label={label} hint={hint} error={errorOf(name)}>
      {control}
    </FieldShell>
  );
  const a11y = (name: string, hint = false) => ({
    id: `field-${name}`,
    name,
    'aria-invalid': errorOf(name) ? true : undefined,
    'aria-describedby': describedBy(
      hint && `field-${name}-hint`,
      errorOf(name) && `field-${name}-error`,
    ),
  });
  const text = (
    name: string,
    label: string,
    extra: { hint?: string; inputMode?: 'decimal' } = {},
  ) =>
    field(
      name,
      label,
      <input
        type="text"
        inputMode={extra.inputMode}
        defaultValue={value(name)}
        {...a11y(name, Boolean(extra.hint))}
      />,
      extra.hint,
    );
  const select = (name: string, label: string, options: { value: string; label: string }[]) =>
    field(
      name,
      label,
      <select defaultValue={value(name)} {...a11y(name)}>
        <option value="">{t('form.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>,
    );
  const deciders = AGENCY_DECIDERS.map((d) => ({
    value: d,
    label: tOutcomes(`agency.answers.${d}`),
  }));
  return (
    <>
      {data.hasDraft ? <p className="muted">{t('page.draftNote')}</p> : null}
      {failure?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText(failure.formError)}</p>
        </div>
      ) : failure?.fieldErrors ? (
        <div className="alert alert--error" role="alert">
          <p>{t('errors.form')}</p>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form card stack" noValidate>
        {field(
          'visitedOn',
          t('form.visitedOn'),
          <input type="date" defaultValue={value('visitedOn')} {...a11y('visitedOn')} />,
        )}
        {select(
          'businessStatus',
          t('form.businessStatus'),
          BUSINESS_STATUSES.map((s) => ({ value: s, label: tOutcomes(`businessStatuses.${s}`) })),
        )}
        {field(
          'statusReason',
          t('form.statusReason'),
          <textarea
            rows={2}
            defaultValue={value('statusReason')}
            {...a11y('statusReason', true)}
          />,
          t('form.statusReasonHint'),
        )}
        <fieldset>
          <legend>{t('form.money', { currency: data.currency })}</legend>
          {text('monthlyRevenue', t('form.monthlyRevenue'), {
            hint: t('form.moneyHint'),
            inputMode: 'decimal',
          })}
          {text('monthlyCosts', t('form.monthlyCosts'), { inputMode: 'decimal' })}
          {text('monthlyHouseholdIncome', t('form.monthlyHouseholdIncome'), {
            inputMode: 'decimal',
          })}
        </fieldset>
        <fieldset>
          <legend>{t('form.jobs')}</legend>
          {text('jobsWomen', t('form.jobsWomen'), {
            hint: t('form.jobsHint'),
            inputMode: 'decimal',
          })}
          {text('jobsMen', t('form.jobsMen'), { inputMode: 'decimal' })}
        </fieldset>
        {select(
          'assetState',
          t('form.assetState'),
          ASSET_STATES.map((s) => ({ value: s, label: tOutcomes(`assetStates.${s}`) })),
        )}
        <fieldset>
          <legend>{t('form.agency')}</legend>
          <p className="field__hint">{tOutcomes('agency.askAlone')}</p>
          {AGENCY_QUESTIONS.map((q) =>
            select(AGENCY_FIELD[q], tOutcomes(`agency.questions.${q}`), deciders),
          )}
          {select(
            'sayInMoney',
            tOutcomes('agency.say'),
            (['1', '2', '3', '4', '5'] as const).map((n) => ({
              value: n,
              label: `${n} — ${tOutcomes(`agency.sayScale.${n}`)}`,
            })),
          )}
        </fieldset>
        {field(
          'notes',
          t('form.notes'),
          <textarea rows={3} defaultValue={value('notes')} {...a11y('notes')} />,
        )}
        {field(
          'photo',
          t('form.photo'),
          <input type="file" accept="image/jpeg,image/png" {...a11y('photo', true)} />,
          t('form.photoHint'),
        )}
        <fieldset>
          <legend>{t('form.safeguarding')}</legend>
          <p id="safeguarding-hint" className="field__hint">
            {t('form.safeguardingHint')}
          </p>
          <div className="field">
            <label className="checkbox" htmlFor="field-safeguarding">
              <input
                id="field-safeguarding"
                type="checkbox"
                name="safeguarding"
                defaultChecked={value('safeguarding') === 'on'}
                aria-describedby="safeguarding-hint"
              />
              <span>{t('form.safeguardingFlag')}</span>
            </label>
          </div>
          {field(
            'safeguardingNote',
            t('form.safeguardingNote'),
            <textarea
              rows={3}
              defaultValue={value('safeguardingNote')}
              {...a11y('safeguardingNote')}
            />,
          )}
        </fieldset>
        <div className="row">
          <button type="submit" name="intent" value={INTENT.record} className="button">
            {t('form.submit')}
          </button>
          <button
            type="submit"
            name="intent"
            value={INTENT.saveDraft}
            className="button button--secondary"
          >
            {t('form.saveDraft')}
          </button>
        </div>
      </Form>
    </>
  );
}
