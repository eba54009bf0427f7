import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { SubmitButton } from '~/components/form-fields';
import { fixedT } from '~/i18n/i18n.server';
import { KEPT_FORM_INTENT, keptFormActionSchema } from '~/schemas/kept-form';
import { requirePermission } from '~/utils/auth.server';
import { parseRequestForm } from '~/utils/forms.server';
import { discardKeptForm, openKeptForm } from '~/utils/kept-form.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

// The form she sent after her session had ended, given back to her (and only her) once she has
// signed in again: she sees her text and sends it with one button, or throws it away.
export const handle: RouteAccess = { access: 'account:use' };
export const meta = titleFromLoader;

/** Text she typed (not ids, choices or the button's intent): shown so she sees it is kept. */
function typedText(fields: [string, string][]): string[] {
  return fields
    .filter(([name, value]) => name !== 'intent' && !name.startsWith('_') && /\p{L}/u.test(value))
    .map(([, value]) => value.trim())
    .filter((value) => value.length > 0);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'account:use');
  const t = fixedT(user.locale);
  const kept = openKeptForm(params.token ?? '', user.id);
  return json(
    {
      pageTitle: t('auth:kept.title'),
      kept: kept ? { path: kept.path, fields: kept.fields, texts: typedText(kept.fields) } : null,
    },
    { status: kept ? 200 : 404, headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'account:use');
  const parsed = await parseRequestForm(request, keptFormActionSchema);
  if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
  const kept = openKeptForm(params.token ?? '', user.id);
  discardKeptForm(params.token ?? '', user.id);
  return redirect(kept?.path.replace(/[?&]index(=[^&]*)?$/, '') ?? '/');
}

export default function KeptFormPage() {
  const { kept } = useLoaderData<typeof loader>();
  const { t } = useTranslation('auth');
  if (!kept) {
    return (
      <div className="narrow">
        <h1>{t('kept.title')}</h1>
        <p>{t('kept.gone')}</p>
        <p>
          <Link to="/">{t('kept.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t('kept.title')}</h1>
      <p>{t('kept.intro')}</p>
      {kept.texts.length > 0 ? (
        <section aria-labelledby="kept-texts" className="card">
          <h2 id="kept-texts">{t('kept.yourText')}</h2>
          {kept.texts.map((text, index) => (
            <blockquote key={index} className="kept-text">
              {text}
            </blockquote>
          ))}
        </section>
      ) : null}
      <Form method="post" action={kept.path} className="form">
        {kept.fields.map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        <SubmitButton>{t('kept.send')}</SubmitButton>
      </Form>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value={KEPT_FORM_INTENT.discard} />
        <SubmitButton variant="secondary">{t('kept.discard')}</SubmitButton>
      </Form>
    </div>
  );
}
