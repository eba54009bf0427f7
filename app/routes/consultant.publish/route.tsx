// Publishing consultation times: one time or a village day. A consultant publishes for herself;
// staff choose the consultant. Times are typed on the programme's clock.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '~/components/choice-fields';
import {
  CheckboxGroup,
  FormAlert,
  RequiredNote,
  SelectField,
  SubmitButton,
  TextField,
} from '~/components/form-fields';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { LOCALES, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listLocalities } from '~/models/user.server';
import { publishSlotsSchema } from '~/schemas/consultation-slots';
import { CONSULTATION_MODES, CONSULTATION_TOPICS } from '~/schemas/enums';
import {
  actsForAnyConsultant,
  listConsultants,
  programmeTimeZone,
  publishSlots,
} from '~/services/consultation-slots.server';
import { todayIn } from '~/services/consultation-view.server';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { formFailure, parseForm, readFormData, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:publish' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:publish');
  const locale = actor.user.locale;
  const timeZone = programmeTimeZone();
  const forAny = actsForAnyConsultant(actor);
  const asked = Number(new URL(request.url).searchParams.get('consultant'));
  return json({
    pageTitle: fixedT(locale)('consultant:publish.title'),
    zone: timeZoneLabel(timeZone, locale),
    consultants: forAny
      ? listConsultants().map((c) => ({ value: String(c.id), label: c.name }))
      : null,
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, locale),
    })),
    defaults: {
      consultantId: forAny && Number.isInteger(asked) && asked > 0 ? String(asked) : '',
      kind: 'village-day',
      date: todayIn(timeZone),
      startTime: '10:00',
      endTime: '16:00',
      minutes: '45',
      breakStart: '12:30',
      breakEnd: '13:30',
      mode: 'in-person',
      place: '',
      phone: '',
      link: '',
      localityId: actor.user.localityId ? String(actor.user.localityId) : '',
      capacity: '1',
      topics: [],
      languages: [locale],
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:publish');
  const formData = await readFormData(request);
  const parsed = parseForm(formData, publishSlotsSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = publishSlots(request, actor, parsed.data);
  if (!result.ok) return refuse(formData, { field: result.field, message: result.error });
  const consultantId = parsed.data.consultantId ?? actor.user.id;
  const search = new URLSearchParams({
    date: parsed.data.date,
    published: String(result.slotIds.length),
  });
  if (consultantId !== actor.user.id) search.set('consultant', String(consultantId));
  return redirect(`/consultant?${search}`);
}

export default function PublishSlotsPage() {
  const { zone, consultants, localities, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation('consultant');
  const form = useValidatedForm({ schema: publishSlotsSchema, failure, defaultValues: defaults });
  return (
    <div className="stack form-page">
      <p>
        <Link to="/consultant">← {t('slot.back')}</Link>
      </p>
      <h1>{t('publish.title')}</h1>
      <p>{t('publish.intro', { zone })}</p>
      <RequiredNote />
      <FormAlert message={failure?.formError} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        {consultants ? (
          <SelectField
            form={form}
            name="consultantId"
            label={t('publish.consultant')}
            placeholder={t('publish.chooseConsultant')}
            options={consultants}
            required
          />
        ) : null}
        <RadioGroup
          form={form}
          name="kind"
          legend={t('publish.kind')}
          options={[
            { value: 'single', label: t('publish.single') },
            { value: 'village-day', label: t('publish.villageDay') },
          ]}
          required
        />
        <TextField form={form} name="date" type="date" label={t('publish.date')} required />
        <div className="field-row">
          <TextField
            form={form}
            name="startTime"
            type="time"
            label={t('publish.startTime')}
            required
          />
          <TextField
            form={form}
            name="endTime"
            type="time"
            label={t('publish.endTime')}
            hint={t('publish.endTimeHint')}
          />
        </div>
        <TextField
          form={form}
          name="minutes"
          inputMode="numeric"
          label={t('publish.minutes')}
          required
        />
        <div className="field-row">
          <TextField
            form={form}
            name="breakStart"
            type="time"
            label={t('publish.breakStart')}
            hint={t('publish.breakHint')}
          />
          <TextField form={form} name="breakEnd" type="time" label={t('publish.breakEnd')} />
        </div>
        <RadioGroup
          form={form}
          name="mode"
          legend={t('publish.mode')}
          options={CONSULTATION_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
          required
        />
        <TextField form={form} name="place" label={t('publish.place')} autoComplete="off" />
        <TextField form={form} name="phone" type="tel" label={t('publish.phone')} />
        <TextField form={form} name="link" type="url" label={t('publish.link')} />
        <SelectField
          form={form}
          name="localityId"
          label={t('publish.locality')}
          placeholder={t('publish.chooseLocality')}
          options={localities}
          required
        />
        <TextField
          form={form}
          name="capacity"
          inputMode="numeric"
          label={t('publish.capacity')}
          hint={t('publish.capacityHint')}
          required
        />
        <CheckboxGroup
          form={form}
          name="topics"
          legend={t('publish.topics')}
          options={CONSULTATION_TOPICS.map((topic) => ({
            value: topic,
            label: t(`topics.${topic}`),
          }))}
        />
        <CheckboxGroup
          form={form}
          name="languages"
          legend={t('publish.languages')}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NATIVE_NAMES[code] }))}
        />
        <SubmitButton>{t('publish.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
