import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { formattedInstant, formatNumber, type FormattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import {
  isSettingGroup,
  SETTING_BOUNDS,
  SETTING_GROUP_NAMES,
  settingGroupSchema,
  type SettingGroup,
  type SettingKey,
} from '~/schemas/settings';
import { programmeTimeZone } from '~/services/programme-clock.server';
import { settingStates, writeSettingGroup } from '~/services/settings.server';
import { requirePermission } from '~/utils/auth.server';
import { formIntent, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'settings:manage' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'settings:manage');
  const locale = user.locale;
  const timeZone = programmeTimeZone();
  return json({
    pageTitle: fixedT(locale)('admin:settings.title'),
    groups: SETTING_GROUP_NAMES.map((group) => ({
      group,
      settings: settingStates(group).map((s) => ({
        key: s.key,
        value: s.value,
        defaultText: formatNumber(s.defaultValue, locale),
        valueText: formatNumber(s.value, locale),
        min: formatNumber(SETTING_BOUNDS[s.key].min, locale),
        max: formatNumber(SETTING_BOUNDS[s.key].max, locale),
        updatedAt: s.updatedAt ? formattedInstant(s.updatedAt, locale, { timeZone }) : null,
      })),
    })),
  });
}

type SettingsFailure = FormFailure & { group: SettingGroup };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'settings:manage');
  const formData = await readFormData(request);
  const group = formIntent(formData);
  if (!isSettingGroup(group)) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, settingGroupSchema(group));
  if (!parsed.ok) return json<SettingsFailure>({ ...parsed.failure, group }, { status: 400 });
  const result = writeSettingGroup(admin, group, parsed.data, request);
  if (!result.ok) {
    // Refused after the form's own check (the same bounds): a stale or forged post.
    const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v)]));
    return json<SettingsFailure>(
      { formError: 'validation.invalid', values, group },
      { status: result.error === 'forbidden' ? 403 : 400 },
    );
  }
  return redirect(`/admin/settings?saved=${group}#settings-${group}`);
}

type SettingRow = {
  key: SettingKey;
  value: number;
  defaultText: string;
  valueText: string;
  min: string;
  max: string;
  updatedAt: FormattedInstant | null;
};

function SettingGroupForm({
  group,
  settings,
  failure,
}: {
  group: SettingGroup;
  settings: SettingRow[];
  failure: FormFailure | null;
}) {
  const { t } = useTranslation('admin');
  const [searchParams] = useSearchParams();
  const form = useValidatedForm({
    schema: settingGroupSchema(group),
    failure,
    defaultValues: Object.fromEntries(settings.map((s) => [s.key, String(s.value)])),
  });
  const headingId = `settings-${group}`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`settings.groups.${group}.title`)}</h2>
      <p>{t(`settings.groups.${group}.intro`)}</p>
      {searchParams.get('saved') === group ? (
        <div className="alert alert--success" role="status">
          <p>{t('settings.saved')}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
        {settings.map((s) => (
          <TextField
            key={s.key}
            form={form}
            name={s.key}
            label={t(`settings.fields.${s.key}.label`)}
            hint={
              <>
                {t(`settings.fields.${s.key}.hint`)}{' '}
                {t('settings.defaultAndNow', { default: s.defaultText, now: s.valueText })}
                {s.updatedAt ? (
                  <>
                    {' '}
                    {t('settings.changedAt')} <FormattedDateTime value={s.updatedAt} />
                  </>
                ) : null}
              </>
            }
            errorValues={{ min: s.min, max: s.max }}
            inputMode="numeric"
            autoComplete="off"
            required
          />
        ))}
        <SubmitButton name="intent" value={group}>
          {t(`settings.groups.${group}.save`)}
        </SubmitButton>
      </Form>
    </section>
  );
}

export default function SettingsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as SettingsFailure | undefined;
  const { t } = useTranslation('admin');
  return (
    <div className="stack narrow">
      <p>
        <Link to="/admin/audit?action=setting.changed">{t('settings.history')}</Link>
      </p>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      {groups.map(({ group, settings }) => (
        <SettingGroupForm
          key={group}
          group={group}
          settings={settings}
          failure={failure?.group === group ? failure : null}
        />
      ))}
    </div>
  );
}
